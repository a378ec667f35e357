using System.Net;
using System.Text.Json.Nodes;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j;
using ConflictGraph.Neo4j.Cypher;
using ConflictGraph.Neo4j.Wire;

namespace ConflictGraph.Store.Tests.Neo4j;

/// <summary>What the Neo4j store sends over the Query API and how it reads the answers, against a scripted server.</summary>
public sealed class QueryApiWireTests
{
    private static (Neo4jGraphStore Store, ScriptedServer Server) Store(ScriptedServer server) => WireScripts.Store(server);

    private static ScriptedServer WithSchema(ScriptedServer server) => WireScripts.WithSchema(server);

    private static string? StatementOf(string body) => WireScripts.StatementOf(body);

    private static int SetUp => WireScripts.SetUp;


    [Fact]
    public async Task AReadIsOneParameterizedStatementInReadModeWithBasicAuthAndTypedJson()
    {
        var node = new Person("person:john-kirby", "John Kirby", [], null, []);
        var (store, server) = Store(WithSchema(new ScriptedServer()).Answer(ScriptedServer.Rows(["kind", "body"],
            $"[{ScriptedServer.Text("Person")},{ScriptedServer.Text(Core.Import.NodeJson.Serialize(node))}]")));

        var found = await store.GetNodesAsync(["person:john-kirby", "person:nobody"], CancellationToken.None);

        Assert.Equal(node, Assert.Single(found));
        var read = server.Requests[^1];
        Assert.Equal((HttpMethod.Post, "/db/graph/query/v2"), (read.Method, read.Path));
        var body = JsonNode.Parse(read.Body)!;
        Assert.Equal(Statements.NodesByIds, body["statement"]!.GetValue<string>());
        Assert.Equal(["person:john-kirby", "person:nobody"], body["parameters"]!["ids"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal("Read", body["accessMode"]!.GetValue<string>());
        Assert.Equal("Basic bmVvNGo6c2VjcmV0", read.Headers["authorization"]);
        Assert.Contains(QueryApiClient.TypedJson, read.Headers["accept"]);
        Assert.DoesNotContain("John Kirby", body["statement"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnImportRunsInOneExplicitTransactionAndLaterReadsCarryItsBookmark()
    {
        var server = WithSchema(new ScriptedServer())
            .Answer("""{"data":{"fields":[],"values":[]},"transaction":{"id":"tx7","expires":"2030-01-01T00:00:00Z"}}""", headers: ("neo4j-cluster-affinity", "member-2"))
            .Answer(ScriptedServer.Empty)                 // stored bodies
            .Answer(ScriptedServer.Empty)                 // write nodes
            .Answer(ScriptedServer.Empty)                 // write references
            .Answer(ScriptedServer.Rows(["last"], """[{"$type":"Integer","_value":"1"}]""")) // take sequence numbers
            .Answer(ScriptedServer.Empty)                 // write history
            .Answer("""{"bookmarks":["FB:after-import"]}""") // commit
            .Answer(ScriptedServer.Rows(["version"], """[{"$type":"Integer","_value":"1"}]"""));
        var (store, _) = Store(server);

        var result = await store.ImportAsync(new GraphBatch([new Person("person:a", "A", [], null, [])], []), null, CancellationToken.None);
        Assert.Equal(1, result.Created);
        Assert.Equal(1, await store.GetDataVersionAsync(CancellationToken.None));

        var paths = server.Requests.Skip(SetUp).Select(r => $"{r.Method} {r.Path}").ToList();
        Assert.Equal(["POST /db/graph/query/v2/tx", "POST /db/graph/query/v2/tx/tx7", "POST /db/graph/query/v2/tx/tx7", "POST /db/graph/query/v2/tx/tx7",
            "POST /db/graph/query/v2/tx/tx7", "POST /db/graph/query/v2/tx/tx7", "POST /db/graph/query/v2/tx/tx7/commit", "POST /db/graph/query/v2"], paths);
        Assert.All(server.Requests.Skip(SetUp + 1).Take(6), r => Assert.Equal("member-2", r.Headers["neo4j-cluster-affinity"]));
        Assert.Contains(":Person", server.Requests.Single(r => r.Body.Contains("MERGE (n:Node", StringComparison.Ordinal)).Body);
        var lastRead = JsonNode.Parse(server.Requests[^1].Body)!;
        Assert.Equal("FB:after-import", lastRead["bookmarks"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task AFailedImportIsRolledBackAndReportsTheMissingNode()
    {
        var server = WithSchema(new ScriptedServer())
            .Answer("""{"transaction":{"id":"tx9"}}""")
            .Answer(ScriptedServer.Empty)
            .Answer(ScriptedServer.Empty)
            .Answer(ScriptedServer.Rows(["id"], $"[{ScriptedServer.Text("org:missing")}]"))
            .Answer("{}", HttpStatusCode.OK);
        var (store, _) = Store(server);
        var person = new Person("person:a", "A", [], null, [new Role("member", "org:missing")]);

        var error = await Assert.ThrowsAsync<MissingReferenceException>(() => store.ImportAsync(new GraphBatch([person], []), null, CancellationToken.None));
        Assert.Contains("org:missing", error.Message);
        Assert.Equal((HttpMethod.Delete, "/db/graph/query/v2/tx/tx9"), (server.Requests[^1].Method, server.Requests[^1].Path));
        Assert.DoesNotContain(server.Requests, r => r.Path.EndsWith("/commit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GivingAStoredNodeAnotherKindIsRefusedBeforeAnyWriteAndRolledBack()
    {
        var server = WithSchema(new ScriptedServer())
            .Answer("""{"transaction":{"id":"tx4"}}""")
            .Answer(ScriptedServer.Rows(["id", "kind", "body"],
                $"[{ScriptedServer.Text("person:a")},{ScriptedServer.Text("Person")},{ScriptedServer.Text("{}")}]"))
            .Answer("{}", HttpStatusCode.OK);
        var (store, _) = Store(server);
        var turned = new Organization("person:a", "A Group", [], null, OrganizationKind.Other, null);

        var error = await Assert.ThrowsAsync<NodeKindConflictException>(() => store.ImportAsync(new GraphBatch([turned], []), null, CancellationToken.None));
        Assert.Equal("person:a", error.Id);
        Assert.Contains("stored as PERSON and cannot become ORGANIZATION", error.Message);
        Assert.Equal(Statements.StoredBodies, StatementOf(server.Requests[^2].Body));
        Assert.Equal((HttpMethod.Delete, "/db/graph/query/v2/tx/tx4"), (server.Requests[^1].Method, server.Requests[^1].Path));
        Assert.DoesNotContain(server.Requests, r => r.Body.Contains("MERGE (n:Node", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSameNodeTwiceInABatchIsCreatedOnceThenUpdated()
    {
        var server = WithSchema(new ScriptedServer())
            .Answer("""{"transaction":{"id":"tx6"}}""")
            .Answer(ScriptedServer.Empty)                 // stored bodies: none
            .Answer(ScriptedServer.Empty)                 // write nodes
            .Answer(ScriptedServer.Empty)                 // write references
            .Answer(ScriptedServer.Rows(["last"], """[{"$type":"Integer","_value":"2"}]""")) // take sequence numbers
            .Answer(ScriptedServer.Empty)                 // write history
            .Answer("""{"bookmarks":["FB:n"]}""");        // commit
        var (store, _) = Store(server);
        var first = new Person("person:a", "A", [], "first", []);

        var result = await store.ImportAsync(new GraphBatch([first, first with { Description = "second" }, first with { Description = "second" }], []), null, CancellationToken.None);

        Assert.Equal((1, 1, 1), (result.Created, result.Updated, result.Unchanged));
        var write = JsonNode.Parse(server.Requests.Single(r => r.Body.Contains("MERGE (n:Node", StringComparison.Ordinal)).Body)!;
        Assert.Contains("second", write["parameters"]!["rows"]!.AsArray()[^1]!["body"]!.GetValue<string>());
        // Logged in the same transaction: created, then updated from the first copy, numbered up to the counter's answer.
        var logged = server.Requests.Single(r => StatementOf(r.Body) == Statements.WriteHistory);
        var entries = JsonNode.Parse(logged.Body)!["parameters"]!["entries"]!.AsArray();
        Assert.Equal([(1L, "NODE_CREATED"), (2L, "NODE_UPDATED")], entries.Select(e => (e!["seq"]!.GetValue<long>(), e["kind"]!.GetValue<string>())));
        Assert.Contains("first", entries[1]!["before"]!.GetValue<string>());
        Assert.All(entries, e => Assert.Equal((result.BatchId, 1L), (e!["batchId"]!.GetValue<string>(), e["batchFirst"]!.GetValue<long>())));
        Assert.Equal("/db/graph/query/v2/tx/tx6", logged.Path);
        Assert.Equal(2, JsonNode.Parse(server.Requests.Single(r => StatementOf(r.Body) == Statements.TakeSequences).Body)!["parameters"]!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task TheSameRelationTwiceInABatchKeepsTheClaimsOfBoth()
    {
        var server = WithSchema(new ScriptedServer())
            .Answer("""{"transaction":{"id":"tx5"}}""")
            .Answer(ScriptedServer.Empty)                 // missing ids: none
            .Answer(ScriptedServer.Empty)                 // existing relations: none
            .Answer(ScriptedServer.Empty)                 // write relations
            .Answer(ScriptedServer.Empty)                 // write claims
            .Answer(ScriptedServer.Rows(["last"], """[{"$type":"Integer","_value":"2"}]""")) // take sequence numbers
            .Answer(ScriptedServer.Empty)                 // write history
            .Answer("""{"bookmarks":["FB:b"]}""");        // commit
        var (store, _) = Store(server);

        var result = await store.ImportAsync(new GraphBatch([],
        [
            new Relation(RelationType.MemberOf, "person:a", "org:b", ["statement:one"], []),
            new Relation(RelationType.MemberOf, "person:a", "org:b", [], ["statement:two"]),
        ]), null, CancellationToken.None);

        Assert.Equal((1, 1), (result.RelationsCreated, result.RelationsUpdated));
        var write = JsonNode.Parse(server.Requests.Single(r => StatementOf(r.Body) == Statements.WriteRelations(RelationType.MemberOf)).Body)!;
        var written = Assert.Single(write["parameters"]!["rels"]!.AsArray())!;
        Assert.Equal("DISPUTED", written["status"]!.GetValue<string>());
        var claims = JsonNode.Parse(server.Requests.Single(r => r.Body.Contains("MERGE (c:Claim", StringComparison.Ordinal)).Body)!["parameters"]!["claims"]!.AsArray();
        Assert.Equal(["statement:one CLAIMS", "statement:two DISPUTES"],
            claims.Select(c => $"{c!["statementId"]!.GetValue<string>()} {c["position"]!.GetValue<string>()}").Order());
        Assert.All(claims, c => Assert.Equal("person:a-[MEMBER_OF]->org:b", c!["targetId"]!.GetValue<string>()));
        // The log has the relation created with its first claim, then the second copy's claim added to it.
        var entries = JsonNode.Parse(server.Requests.Single(r => StatementOf(r.Body) == Statements.WriteHistory).Body)!["parameters"]!["entries"]!.AsArray();
        Assert.Equal(["RELATION_CREATED ", "CLAIM_ADDED statement:two"],
            entries.Select(e => $"{e!["kind"]!.GetValue<string>()} {e["statementId"]?.GetValue<string>()}"));
        Assert.Contains("statement:one", entries[1]!["before"]!.GetValue<string>());
    }

    [Fact]
    public async Task TransientFailuresAreRetriedWithABound()
    {
        var server = WithSchema(new ScriptedServer())
            .Answer("", HttpStatusCode.ServiceUnavailable)
            .Answer("""{"errors":[{"code":"Neo.TransientError.General.DatabaseUnavailable","message":"starting"}]}""", HttpStatusCode.BadRequest)
            .Answer(ScriptedServer.Rows(["version"], """[{"$type":"Integer","_value":"5"}]"""));
        var (store, _) = Store(server);
        Assert.Equal(5, await store.GetDataVersionAsync(CancellationToken.None));

        var down = WithSchema(new ScriptedServer()).Answer("", HttpStatusCode.ServiceUnavailable).Answer("", HttpStatusCode.ServiceUnavailable).Answer("", HttpStatusCode.ServiceUnavailable);
        var (failing, _) = Store(down);
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => failing.GetDataVersionAsync(CancellationToken.None));
        Assert.Contains("unavailable", error.Message);
        Assert.Equal(SetUp + 3, down.Requests.Count);
    }

    [Fact]
    public async Task WrongCredentialsAreStoreUnavailableAtOnceWithTheReason()
    {
        var server = new ScriptedServer().Answer("""{"errors":[{"code":"Neo.ClientError.Security.Unauthorized","message":"bad"}]}""", HttpStatusCode.Unauthorized);
        var (store, _) = Store(server);
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetStatsAsync(CancellationToken.None));
        Assert.Contains("credentials", error.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task AnUnreachableServerIsStoreUnavailableNotACrash()
    {
        var server = new ScriptedServer();
        for (var i = 0; i < 3; i++) server.Fail(new HttpRequestException("Connection refused"));
        var (store, _) = Store(server);
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetStatsAsync(CancellationToken.None));
        Assert.Contains("Connection refused", error.Message);
    }

    [Fact]
    public async Task AServerThatNeverAnswersIsStoreUnavailableNotAHang()
    {
        // HttpClient reports its own timeout as a TaskCanceledException whose token was never cancelled.
        var server = new ScriptedServer();
        for (var i = 0; i < 3; i++) server.Fail(new TaskCanceledException("timed out", new TimeoutException()));
        var (store, _) = Store(server);
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetStatsAsync(CancellationToken.None));
        Assert.Contains("no answer within", error.Message);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task ServerErrorsCarryTheirNeo4jCode()
    {
        var server = WithSchema(new ScriptedServer())
            .Answer("""{"errors":[{"code":"Neo.ClientError.Statement.SyntaxError","message":"Invalid input"}]}""", HttpStatusCode.BadRequest);
        var (store, _) = Store(server);
        var error = await Assert.ThrowsAsync<Neo4jException>(() => store.GetStatsAsync(CancellationToken.None));
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.Code);
    }

    [Theory]
    [InlineData("Kata'ib Hezbollah", "+kataib* +hezbollah*")]
    [InlineData("AND OR (x) \"y\"", "+and* +or* +x* +y*")]
    [InlineData("  ?! ", null)]
    public void SearchTextBecomesASafeFullTextQuery(string text, string? expected) => Assert.Equal(expected, Neo4jGraphStore.FullText(text));
}
