using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;
using ConflictGraph.Core.Model;
using ConflictGraph.Neo4j;
using ConflictGraph.Neo4j.Layout;
using Cypher = ConflictGraph.Neo4j.Cypher.Statements;

namespace ConflictGraph.Api.Tests.Loading;

/// <summary>
/// A write's Query API requests in the cost report: an import on the Neo4j store is one explicit transaction, so its
/// <c>storeRequests</c> counts the transaction's opening and commit besides each statement, every one a round trip.
/// Counted on a stand-in for the Query API (no Neo4j runs here) that knows every statement an import of a new graph
/// sends and fails the test, naming the statement, on any other.
/// </summary>
public sealed class Neo4jWriteRequestsTests : IDisposable
{
    private readonly QueryApi neo4j = new();
    private readonly ConflictGraphApp app;
    private readonly Xunit.Abstractions.ITestOutputHelper output;

    public Neo4jWriteRequestsTests(Xunit.Abstractions.ITestOutputHelper output)
    {
        this.output = output;
        app = ConflictGraphApp.OnNeo4jStandIn(neo4j);
    }

    [Fact]
    public async Task AnImportsStoreRequestsCountItsTransactionsOpeningAndCommitBesideEachStatement()
    {
        // The service's own start (its stats and readiness reads) is not the mutation's.
        await app.PostGraphQLAsync("{ __typename }");
        var before = neo4j.Requests.Count;

        var response = await app.PostGraphQLAsync(
            "mutation($input: GraphInput!) { importGraph(input: $input) { created relationsCreated } }",
            new
            {
                input = new
                {
                    organizations = new[] { new { id = "org:a", name = "A", kind = "ARMED_GROUP" } },
                    events = new[] { new { id = "event:e", title = "Strikes", kind = "AIRSTRIKE", date = new { start = "2021-06-27", precision = "DAY" } } },
                    relations = new[] { new { type = "CARRIED_OUT", fromId = "org:a", toId = "event:e" } },
                },
            }, ConflictGraphApp.WriteKey);

        Assert.Empty(neo4j.Unknown);
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        Assert.Equal((2, 1), (response.Data!["importGraph"]!["created"]!.GetValue<int>(), response.Data["importGraph"]!["relationsCreated"]!.GetValue<int>()));
        // The change feed's poll of the data version runs on its own timer, outside any request.
        var sent = neo4j.Requests.Skip(before).Where(r => r.Statement != Cypher.DataVersion).ToList();
        var opened = Assert.Single(sent, r => r.Path.EndsWith("/tx", StringComparison.Ordinal));
        var committed = Assert.Single(sent, r => r.Path.EndsWith("/commit", StringComparison.Ordinal));
        Assert.Equal((sent[0], sent[^1]), (opened, committed));
        // The statements in between, each in the transaction: the nodes' and relations' reads and writes, the log's.
        Assert.All(sent[1..^1], r => Assert.Equal("/db/neo4j/query/v2/tx/t1", r.Path));
        Assert.Contains(sent, r => r.Statement == Cypher.WriteRelations(RelationType.CarriedOut));
        Assert.Contains(sent, r => r.Statement == Cypher.WriteHistory);
        var cost = response.Body["extensions"]!["cost"]!;
        output.WriteLine($"storeCalls {cost["storeCalls"]}, storeRequests {cost["storeRequests"]}, requests seen {sent.Count}:");
        foreach (var (path, statement) in sent) output.WriteLine($"  {path} {statement?[..Math.Min(statement.Length, 100)]}");
        Assert.Equal(sent.Count, cost["storeRequests"]!.GetValue<int>());
        Assert.Equal(1, cost["storeCalls"]!.GetValue<int>());
    }

    public void Dispose() => app.Dispose();

    /// <summary>
    /// The Query API as far as the start and an import of a new graph need it: every request recorded; the layout
    /// check, the counts and the data version answered; a transaction opened as t1 and committed; its statements
    /// answered with nothing stored before, and the log's sequence numbers taken.
    /// </summary>
    private sealed class QueryApi : HttpMessageHandler
    {
        public List<(string Path, string? Statement)> Requests { get; } = [];

        /// <summary>The statements this stand-in has no answer for (each also fails its request), so a changed statement fails the test by name.</summary>
        public List<string> Unknown { get; } = [];

        /// <summary>The statements answered with no rows: the schema, what an import of a new graph reads (nothing is stored) and writes.</summary>
        private static readonly HashSet<string> NoRows =
        [
            .. Cypher.Schema,
            .. Enum.GetValues<NodeKind>().Select(Cypher.WriteNodes),
            .. Enum.GetValues<RelationType>().Select(Cypher.WriteRelations),
            Cypher.StoredBodies, Cypher.MissingIds, Cypher.RelationsByKeys, Cypher.FactsByIds, Cypher.WriteReferences,
            Cypher.WriteClaims, Cypher.WriteFacts, Cypher.WriteHistory, Cypher.ReportedEvents, Cypher.CasualtyStatements,
            Cypher.WriteEventTallies,
        ];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : JsonNode.Parse(await request.Content.ReadAsStringAsync(cancellationToken));
            var statement = body?["statement"]?.GetValue<string>();
            var path = request.RequestUri!.AbsolutePath;
            lock (Requests) Requests.Add((path, statement));
            var answer = statement switch
            {
                null when path.EndsWith("/tx", StringComparison.Ordinal) => """{"transaction":{"id":"t1"}}""",
                null when path.EndsWith("/commit", StringComparison.Ordinal) => """{"bookmarks":["FB:import"]}""",
                _ when statement == Cypher.LayoutCheck => Rows(["unlabelled", "legacyRelations"], Integer(0), """{"$type":"Boolean","_value":false}"""),
                _ when statement == Cypher.Stats => Rows([.. Labels.Kinds, "relations"], [.. Labels.Kinds.Append("relations").Select(_ => Integer(0))]),
                _ when statement == Cypher.DataVersion => Rows(["version"], Integer(0)),
                _ when statement == Cypher.TakeSequences => Rows(["last"], Integer(body!["parameters"]!["count"]!.GetValue<long>())),
                _ when statement is not null && NoRows.Contains(statement) => """{"data":{"fields":[],"values":[]},"bookmarks":[]}""",
                _ => Fail(statement ?? $"(no statement: {request.Method} {path})"),
            };
            return new HttpResponseMessage(HttpStatusCode.Accepted) { Content = new StringContent(answer, Encoding.UTF8, "application/vnd.neo4j.query") };
        }

        private string Fail(string statement)
        {
            lock (Unknown) Unknown.Add(statement);
            throw new InvalidOperationException($"the stand-in Query API has no answer for this statement: {statement}");
        }

        private static string Rows(string[] fields, params string[] row) =>
            $$"""{"data":{"fields":{{JsonSerializer.Serialize(fields)}},"values":[[{{string.Join(",", row)}}]]},"bookmarks":[]}""";

        private static string Integer(long value) => $$"""{"$type":"Integer","_value":"{{value}}"}""";
    }
}
