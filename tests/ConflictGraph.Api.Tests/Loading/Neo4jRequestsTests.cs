using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j;
using ConflictGraph.Neo4j.Layout;
using Xunit.Abstractions;

namespace ConflictGraph.Api.Tests.Loading;

/// <summary>
/// Query API requests per GraphQL query on the Neo4j store, counted on a stand-in for the Query API (no Neo4j runs
/// here): on Aura or a cluster each request is a network round trip, so these counts are the latency an analyst feels.
/// The table it prints is the one in BENCHMARKS.md ("Neo4j requests per query", sessions 15 and 16).
/// </summary>
public sealed class Neo4jRequestsTests(ITestOutputHelper output) : IDisposable
{
    private static readonly Event Strikes = new("event:e", "Strikes", EventKind.Airstrike, null, FuzzyDate.Day(new DateOnly(2021, 6, 27)));
    private static readonly Event Drones = new("event:d", "Drones", EventKind.Airstrike, null, FuzzyDate.Day(new DateOnly(2021, 6, 26)));

    private static readonly Statement[] Said = new[] { "statement:b", "statement:a" }.Select((id, i) => new Statement(id, $"said {i}", Stance.Asserts,
        FuzzyDate.Day(new DateOnly(2021, 6, 27 + i)), Medium.PressRelease, null, null, "officials", ["event:e"], null, [], null, null)).ToArray();

    private readonly QueryApi neo4j = new();
    private ConflictGraphApp? app;

    /// <summary>
    /// Typical queries, the store calls and the Query API requests each takes after the store's one-time set-up (layout
    /// check, schema), and the data the service answers with from the stand-in's replies (below), so a fold that reads its
    /// reply wrongly fails too.
    /// </summary>
    public static TheoryData<string, string, int, int, string> Queries => new()
    {
        { "events list with totalCount", "{ events(first: 20) { totalCount edges { node { id title } } } }", 1, 1,
            """{"events":{"totalCount":2,"edges":[{"node":{"id":"event:e","title":"Strikes"}},{"node":{"id":"event:d","title":"Drones"}}]}}""" },
        { "events and each one's statements", "{ events(first: 20) { edges { node { id statements { id text } } } } }", 2, 2,
            """{"events":{"edges":[{"node":{"id":"event:e","statements":[{"id":"statement:b","text":"said 0"},{"id":"statement:a","text":"said 1"}]}},""" +
            """{"node":{"id":"event:d","statements":[{"id":"statement:b","text":"said 0"},{"id":"statement:a","text":"said 1"}]}}]}}""" },
        { "2-level: an event, its place and statements", """{ node(id: "event:e") { id ... on Event { place { id } statements { id } } } }""", 2, 2,
            """{"node":{"id":"event:e","place":null,"statements":[{"id":"statement:b"},{"id":"statement:a"}]}}""" },
        { "two top-level lists", "{ events(first: 5) { totalCount } statements(first: 5) { totalCount edges { node { id } } } }", 1, 1,
            """{"events":{"totalCount":2},"statements":{"totalCount":2,"edges":[{"node":{"id":"statement:b"}},{"node":{"id":"statement:a"}}]}}""" },
        { "events filtered by words", """{ events(filter: { text: "strikes" }, first: 10) { totalCount edges { node { id } } } }""", 1, 1,
            """{"events":{"totalCount":2,"edges":[{"node":{"id":"event:e"}},{"node":{"id":"event:d"}}]}}""" },
        { "relations with totalCount", "{ relations(first: 10) { totalCount edges { node { id } } } }", 1, 1, """{"relations":{"totalCount":2,"edges":[]}}""" },
        { "facts with totalCount", """{ facts(filter: { subjectId: "event:e" }, first: 10) { totalCount edges { node { id } } } }""", 1, 1,
            """{"facts":{"totalCount":2,"edges":[]}}""" },
        { "search", """{ search(text: "strikes") { score node { id } } }""", 2, 2,
            """{"search":[{"score":2,"node":{"id":"event:d"}},{"score":1,"node":{"id":"event:e"}}]}""" },
        { "history with totalCount", "{ history(first: 10) { totalCount edges { node { cursor } } } }", 1, 1, """{"history":{"totalCount":2,"edges":[]}}""" },
        { "stats", "{ stats { nodes relations } }", 1, 1, """{"stats":{"nodes":4,"relations":2}}""" },
        { "paths", """{ paths(fromId: "event:d", toId: "event:e") { length nodes { id } relations { id } } }""", 2, 2,
            """{"paths":[{"length":1,"nodes":[{"id":"event:d"},{"id":"event:e"}],"relations":[{"id":"event:d-[RETALIATION_FOR]-\u003Eevent:e"}]}]}""" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task TypicalQueriesTakeThisManyQueryApiRequests(string name, string query, int storeCalls, int requests, string data)
    {
        var store = ConflictGraphApp.Neo4jStandInStore(neo4j);
        await store.EnsureSchemaAsync(CancellationToken.None);
        // Wrapped by the read cache and the cost meter as the service wraps the store it opens, so storeCalls counts.
        app = ConflictGraphApp.Metered(store);
        // The service's own start (its stats and readiness reads) is not the query's.
        await app.PostGraphQLAsync("{ __typename }");
        var before = neo4j.Statements.Count;

        var response = await app.PostGraphQLAsync(query);

        Assert.Empty(neo4j.Unknown);
        Assert.Empty(response.Errors);
        // The change feed's poll of the data version runs on its own timer, whatever the query.
        var sent = neo4j.Statements.Skip(before).Where(s => s != ConflictGraph.Neo4j.Cypher.Statements.DataVersion).ToList();
        var cost = response.Body["extensions"]!["cost"]!;
        output.WriteLine($"| {name} | {cost["storeCalls"]} | {cost["storeRequests"]} | {sent.Count} |");
        foreach (var statement in sent) output.WriteLine($"  {statement[..Math.Min(statement.Length, 160)]}");
        Assert.Equal(requests, sent.Count);
        // The cost report's count of Query API requests is the one the stand-in's handler saw.
        Assert.Equal(sent.Count, cost["storeRequests"]!.GetValue<int>());
        Assert.Equal(storeCalls, cost["storeCalls"]!.GetValue<int>());
        Assert.Equal(data, response.Body["data"]!.ToJsonString());
    }

    [Fact]
    public async Task TheStandInFailsOnAStatementItHasNoAnswerForNamingIt()
    {
        const string changed = "MATCH (n:Node {id: $id}) RETURN n.renamed AS renamed";
        using var client = new HttpClient(neo4j);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            client.PostAsync("http://neo4j.test:7474/db/neo4j/query/v2", new StringContent(JsonSerializer.Serialize(new { statement = changed }))));

        Assert.Contains(changed, error.Message);
        Assert.Equal([changed], neo4j.Unknown);
    }

    public void Dispose() => app?.Dispose();

    /// <summary>
    /// The Query API as far as these queries need it: every request recorded; pages answered with two events or two
    /// statements, nodes by id from the graph above, totals of 2, and anything else with no rows.
    /// </summary>
    private sealed class QueryApi : HttpMessageHandler
    {
        public List<string> Statements { get; } = [];

        /// <summary>The statements this stand-in has no answer for (each also fails its request), so a changed statement fails the test by name.</summary>
        public List<string> Unknown { get; } = [];

        private static readonly Dictionary<string, Node> Graph = new Node[] { Strikes, Drones }.Concat(Said).ToDictionary(n => n.Id);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!;
            var statement = body["statement"]?.GetValue<string>() ?? "";
            lock (Statements) Statements.Add(statement);
            var answer = Answer(statement, body["parameters"]?.AsObject());
            return new HttpResponseMessage(HttpStatusCode.Accepted) { Content = new StringContent(answer, Encoding.UTF8, "application/vnd.neo4j.query") };
        }

        private string Answer(string statement, JsonObject? parameters)
        {
            bool Has(string text) => statement.Contains(text, StringComparison.Ordinal);
            var returned = statement[(statement.LastIndexOf("RETURN ", StringComparison.Ordinal) + 7)..];
            if (Has("AS unlabelled")) return Rows(["unlabelled", "legacyRelations"], [[Integer(0), """{"$type":"Boolean","_value":false}"""]]);
            if (statement.StartsWith(ConflictGraph.Neo4j.Cypher.Statements.NodesByIds, StringComparison.Ordinal))
                return Rows(["kind", "body"], [.. Ids(parameters?["ids"]).Select(id => new[] { Text(Labels.Of(Graph[id].Kind)), Text(NodeJson.Serialize(Graph[id])) })]);
            // The graph's counts (one statement): each kind's nodes in the graph above, and 2 relations.
            if (statement == ConflictGraph.Neo4j.Cypher.Statements.Stats)
                return Rows([.. Labels.Kinds, "relations"], [[.. Labels.Kinds.Select(label => Integer(Graph.Values.Count(n => Labels.Of(n.Kind) == label))), Integer(2)]]);
            // A path search's rings: the graph's one relation, the drones' retaliation for the strikes, when both ends exist.
            if (statement == ConflictGraph.Neo4j.Cypher.Statements.PathRings)
            {
                var ends = parameters!["ends"]!.AsArray().Select(i => i!.GetValue<string>()).ToList();
                var found = ends.Count(Graph.ContainsKey) == ends.Count && parameters["ids"]!.AsArray().Count > 0;
                var retaliation = Map(("id", Text($"{Drones.Id}-[RETALIATION_FOR]->{Strikes.Id}")), ("type", Text("RETALIATION_FOR")),
                    ("fromId", Text(Drones.Id)), ("toId", Text(Strikes.Id)), ("claims", List()));
                return Rows(["ends", "farRead", "relations"], [[Integer(ends.Count(Graph.ContainsKey)),
                    $$"""{"$type":"Boolean","_value":{{(found && parameters["rings"]!.GetValue<int>() > 1 ? "true" : "false")}}}""", found ? List(retaliation) : List()]]);
            }
            // Search's two tiers: the drones by name (scored 2), the strikes by their whole text (scored 1).
            if (returned == "names, texts")
                return Rows(["names", "texts"], [[List(Hit(Drones, 2)), List(Hit(Strikes, 1))]]);
            if (Has("UNWIND $q0 AS page") || Has("RETURN relations, nodes"))
            {
                var columns = returned.Split(", ");
                return Rows(columns, [columns.Select(column => column switch
                {
                    "relations" => List(),
                    "nodes" => List([.. Ids(parameters?["ids"]).Select(id => NodeMap(Graph[id]))]),
                    _ => PagesOf(statement, column, parameters![column]!.AsArray()),
                }).ToArray()]);
            }
            // A page of the log and its total (one statement): an empty log of 2 entries, the total beside a row of nulls.
            if (Has("OPTIONAL CALL () {") && returned == "* ORDER BY seq")
                return Rows(["seq", "total"], [["""{"$type":"Null","_value":null}""", Integer(2)]]);
            // A page and its total (one statement), or a count alone.
            if (returned is "total, rows" or "total" or "rows" && Has("CALL () {"))
                return Rows([.. returned.Split(", ")], [[.. returned.Split(", ").Select(c => c == "total" ? Integer(2) : List())]]);
            if (returned.EndsWith("AS total", StringComparison.Ordinal) || returned.EndsWith("AS count", StringComparison.Ordinal) || returned.EndsWith("AS version", StringComparison.Ordinal))
                return Rows([returned[(returned.LastIndexOf(" AS ", StringComparison.Ordinal) + 4)..]], [[Integer(2)]]);
            if (ConflictGraph.Neo4j.Cypher.Statements.Schema.Contains(statement)) return """{"data":{"fields":[],"values":[]},"bookmarks":[]}""";
            lock (Unknown) Unknown.Add(statement);
            throw new InvalidOperationException($"the stand-in Query API has no answer for this statement: {statement}");
        }

        /// <summary>Each page of a shape its index, its total when counted, and two nodes of its kind when it reads rows.</summary>
        private static string PagesOf(string statement, string shape, JsonArray pages)
        {
            var start = statement.IndexOf($"UNWIND ${shape} AS page", StringComparison.Ordinal);
            var end = statement.IndexOf($"AS {shape} }}", start, StringComparison.Ordinal);
            var text = statement[start..end];
            var label = text[(text.IndexOf("(n:", StringComparison.Ordinal) + 3)..];
            label = label[..label.IndexOf(')', StringComparison.Ordinal)];
            Node[] ofKind = label == "Event" ? [Strikes, Drones] : label == "Statement" ? Said : [];
            string Found(IEnumerable<Node> rows) => List(rows.Select(n => Map(("kind", Text(Labels.Of(n.Kind))), ("body", Text(NodeJson.Serialize(n))), ("id", Text(n.Id)),
                ("sortKey", Text((n is Event e ? e.Date : ((Statement)n).Date)!.Start.ToString("yyyy-MM-dd"))))).ToArray());
            return List(pages.Select(page =>
            {
                // A page of nodes by id (the key loader's) holds those of the graph above; any other, the kind's nodes.
                var found = Found(page!["nodeIds"] is JsonArray ids ? Ids(ids).Select(id => Graph[id]) : ofKind);
                var answer = new List<(string, string)> { ("at", Integer(page["at"]!.GetValue<int>())) };
                if (text.Contains("total: total", StringComparison.Ordinal)) answer.Add(("total", Integer(2)));
                if (text.Contains("rows: rows", StringComparison.Ordinal)) answer.Add(("rows", found));
                return Map([.. answer]);
            }).ToArray());
        }

        private static string Hit(Node node, double score) =>
            Map(("id", Text(node.Id)), ("kind", Text(Labels.Of(node.Kind))), ("score", $$"""{"$type":"Float","_value":{{score.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}}}"""));

        private static IEnumerable<string> Ids(JsonNode? ids) =>
            ids is JsonArray list ? list.Select(i => i!.GetValue<string>()).Where(Graph.ContainsKey) : [];

        private static string Rows(string[] fields, string[][] rows) =>
            $$"""{"data":{"fields":{{JsonSerializer.Serialize(fields)}},"values":[{{string.Join(",", rows.Select(r => $"[{string.Join(",", r)}]"))}}]},"bookmarks":[]}""";

        private static string Text(string value) => $$"""{"$type":"String","_value":{{JsonSerializer.Serialize(value)}}}""";

        private static string Integer(long value) => $$"""{"$type":"Integer","_value":"{{value}}"}""";

        private static string List(params string[] values) => $$"""{"$type":"List","_value":[{{string.Join(",", values)}}]}""";

        private static string Map(params (string Key, string Value)[] entries) =>
            "{\"$type\":\"Map\",\"_value\":{" + string.Join(",", entries.Select(e => $"\"{e.Key}\":{e.Value}")) + "}}";

        private static string NodeMap(Node node) => Map(("kind", Text(Labels.Of(node.Kind))), ("body", Text(NodeJson.Serialize(node))));
    }
}
