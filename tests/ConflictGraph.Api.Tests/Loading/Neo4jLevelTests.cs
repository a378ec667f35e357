using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Neo4j;

namespace ConflictGraph.Api.Tests.Loading;

/// <summary>
/// The service on the Neo4j store, over a stand-in for the Query API (no Neo4j runs here): the 2-level query sends one
/// request per level, its event's place and statements in the second, and answers with the statements in the order read.
/// </summary>
public sealed class Neo4jLevelTests : IDisposable
{
    private static readonly Event Strikes = new("event:e", "Strikes", EventKind.Airstrike, null, FuzzyDate.Day(new DateOnly(2021, 6, 27)));
    private static readonly Place Iraq = new("place:iraq", "Iraq", [], null, PlaceKind.Country, new GeoPoint(33.2, 43.7));

    private static readonly Statement[] Said = new[] { "statement:b", "statement:a" }.Select((id, i) => new Statement(id, $"said {i}", Stance.Asserts,
        FuzzyDate.Day(new DateOnly(2021, 6, 27 + i)), Medium.PressRelease, null, null, "officials", ["event:e"], null, [], null, null)).ToArray();

    private readonly QueryApi neo4j = new();
    private readonly ConflictGraphApp app;

    public Neo4jLevelTests() => app = ConflictGraphApp.OnNeo4jStandIn(neo4j);

    [Fact]
    public async Task TheTwoLevelQueryOnNeo4jIsOneQueryApiRequestPerLevel()
    {
        var response = await app.PostGraphQLAsync("""
            query($id: ID!) { node(id: $id) { id ... on Event { title place { id name } statements { id text } } } }
            """, new { id = Strikes.Id });

        Assert.Empty(neo4j.Unknowns);
        Assert.Empty(response.Errors);
        Assert.Equal(2, response.Body["extensions"]!["cost"]!["storeCalls"]!.GetValue<int>());
        var strikes = response.Data!["node"]!;
        Assert.Equal("place:iraq", (string)strikes["place"]!["id"]!);
        Assert.Equal(["statement:b", "statement:a"], strikes["statements"]!.AsArray().Select(s => (string)s!["id"]!));
        // Level 1 the event by id; level 2 its place and its statements, together.
        var sent = neo4j.Statements.Where(s => s.Contains("event:e", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, sent.Count);
        Assert.Contains("UNWIND $q0 AS page", sent[1]);
        Assert.Contains("-[r:OCCURRED_IN]->", sent[1]);
    }

    public void Dispose() => app.Dispose();

    /// <summary>The Query API as far as this query needs it: every request recorded, the level answered from the graph above.</summary>
    private sealed class QueryApi : HttpMessageHandler
    {
        public List<string> Statements { get; } = [];

        /// <summary>The statements this stand-in has no answer for (each also fails its request), so a changed statement fails the test by name.</summary>
        public List<string> Unknowns { get; } = [];

        private string Unknown(string statement)
        {
            lock (Unknowns) Unknowns.Add(statement);
            throw new InvalidOperationException($"the stand-in Query API has no answer for this statement: {statement}");
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!;
            var statement = body["statement"]?.GetValue<string>() ?? "";
            lock (Statements) Statements.Add($"{statement} {body["parameters"]?.ToJsonString()}");
            var answer = statement switch
            {
                _ when statement.Contains("AS unlabelled", StringComparison.Ordinal) => Rows(["unlabelled", "legacyRelations"], Integer(0), """{"$type":"Boolean","_value":false}"""),
                _ when statement.Contains("AS version", StringComparison.Ordinal) => Rows(["version"], Integer(1)),
                // The graph's counts, which the service reads before it reports ready (one statement).
                _ when statement == ConflictGraph.Neo4j.Cypher.Statements.Stats =>
                    Rows([.. ConflictGraph.Neo4j.Layout.Labels.Kinds, "relations"], [.. ConflictGraph.Neo4j.Layout.Labels.Kinds.Append("relations").Select(_ => Integer(1))]),
                _ when statement.Contains("UNWIND $q0 AS page", StringComparison.Ordinal) => Rows(["relations", "nodes", "q0"],
                    List(Map(("id", Text($"event:e-[OCCURRED_IN]->{Iraq.Id}")), ("type", Text("OCCURRED_IN")), ("fromId", Text("event:e")), ("toId", Text(Iraq.Id)), ("claims", List()))),
                    List(Node(Iraq)),
                    List(Map(("at", Integer(0)), ("rows", List(Said.Select(s => Map(("kind", Text("Statement")), ("body", Text(NodeJson.Serialize(s))),
                        ("sortKey", Text(s.Date!.Start.ToString("yyyy-MM-dd"))))).ToArray()))))),
                _ when statement.StartsWith("UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN", StringComparison.Ordinal) =>
                    Rows(["kind", "body"], Text("Event"), Text(NodeJson.Serialize(Strikes))),
                _ when ConflictGraph.Neo4j.Cypher.Statements.Schema.Contains(statement) => """{"data":{"fields":[],"values":[]},"bookmarks":[]}""",
                _ => Unknown(statement),
            };
            return new HttpResponseMessage(HttpStatusCode.Accepted) { Content = new StringContent(answer, Encoding.UTF8, "application/vnd.neo4j.query") };
        }

        private static string Rows(string[] fields, params string[] row) =>
            $$"""{"data":{"fields":{{JsonSerializer.Serialize(fields)}},"values":[[{{string.Join(",", row)}}]]},"bookmarks":[]}""";

        private static string Text(string value) => $$"""{"$type":"String","_value":{{JsonSerializer.Serialize(value)}}}""";

        private static string Integer(long value) => $$"""{"$type":"Integer","_value":"{{value}}"}""";

        private static string List(params string[] values) => $$"""{"$type":"List","_value":[{{string.Join(",", values)}}]}""";

        private static string Map(params (string Key, string Value)[] entries) =>
            "{\"$type\":\"Map\",\"_value\":{" + string.Join(",", entries.Select(e => $"\"{e.Key}\":{e.Value}")) + "}}";

        private static string Node(Node node) => Map(("kind", Text(ConflictGraph.Neo4j.Layout.Labels.Of(node.Kind))), ("body", Text(NodeJson.Serialize(node))));
    }
}
