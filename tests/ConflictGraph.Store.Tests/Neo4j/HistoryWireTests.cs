using ConflictGraph.Core.History;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j.Cypher;
using static ConflictGraph.Store.Tests.Neo4j.WireScripts;

namespace ConflictGraph.Store.Tests.Neo4j;

/// <summary>The change log on the wire: entries go out inside the write's own transaction, before its commit.</summary>
public sealed class HistoryWireTests
{
    private static readonly string NullValue = """{"$type":"Null","_value":null}""";

    private static string Claim(string statement, string position) =>
        Map(("statement", ScriptedServer.Text(statement)), ("position", ScriptedServer.Text(position)), ("characterization", NullValue));

    private static string FactRow(params string[] claims) =>
        ScriptedServer.Rows(["id", "subjectId", "property", "value", "claims"],
            $"[{ScriptedServer.Text("place:depot/function=weapons storage")},{ScriptedServer.Text("place:depot")},{ScriptedServer.Text("function")}," +
            $"{ScriptedServer.Text("weapons storage")},{List(claims)}]");

    [Fact]
    public async Task WithdrawingAClaimOnAFactSetsItsStatusAndLogsTheWithdrawalInTheSameTransaction()
    {
        var server = WithSchema(new ScriptedServer())
            .Answer("""{"transaction":{"id":"tx2"}}""")
            .Answer(FactRow(Claim("statement:officials", "CLAIMS"), Claim("statement:pmf", "DISPUTES"))) // the fact as stored
            .Answer(ScriptedServer.Empty)                 // delete the claim
            .Answer(ScriptedServer.Empty)                 // write the fact's status
            .Answer(ScriptedServer.Rows(["last"], $"[{Integer(41)}]")) // take a sequence number
            .Answer(ScriptedServer.Empty)                 // write history
            .Answer("""{"bookmarks":["FB:w"]}""");        // commit
        var (store, _) = WireScripts.Store(server);

        var withdrawn = await store.WithdrawClaimAsync(
            new ClaimWithdrawal("statement:pmf", null, "place:depot/function=weapons storage"), new WriteContext("alpha"), CancellationToken.None);

        Assert.True(withdrawn);
        Assert.Equal("statement:pmf place:depot/function=weapons storage", ParametersOf(server.Requests.Single(r => StatementOf(r.Body) == Statements.DeleteClaim).Body)["key"]!.GetValue<string>());
        var status = Assert.Single(ParametersOf(server.Requests.Single(r => StatementOf(r.Body) == Statements.WriteFactStatuses).Body)["facts"]!.AsArray())!;
        Assert.Equal("UNCONTESTED", status["status"]!.GetValue<string>());
        var logged = server.Requests.Single(r => StatementOf(r.Body) == Statements.WriteHistory);
        var entry = Assert.Single(ParametersOf(logged.Body)["entries"]!.AsArray())!;
        Assert.Equal((41L, "CLAIM_WITHDRAWN", "FACT", "statement:pmf", "alpha"),
            (entry["seq"]!.GetValue<long>(), entry["kind"]!.GetValue<string>(), entry["target"]!.GetValue<string>(), entry["statementId"]!.GetValue<string>(),
                entry["writer"]!.GetValue<string>()));
        Assert.Equal(["statement:officials", "statement:pmf"], HistoryJson.ParseFact(entry["before"]!.GetValue<string>()).Claims.Select(c => c.StatementId));
        Assert.Equal("/db/graph/query/v2/tx/tx2", logged.Path);
        Assert.EndsWith("/tx/tx2/commit", server.Requests[^1].Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithdrawingAPositionTheStatementDoesNotHoldChangesAndLogsNothing()
    {
        var server = WithSchema(new ScriptedServer())
            .Answer("""{"transaction":{"id":"tx3"}}""")
            .Answer(FactRow(Claim("statement:officials", "CLAIMS")))   // the fact as stored
            .Answer(ScriptedServer.Rows(["kind", "body"], $"[{ScriptedServer.Text("Statement")},{ScriptedServer.Text("{}")}]")) // the statement exists
            .Answer("""{"bookmarks":[]}""");              // commit
        var (store, _) = WireScripts.Store(server);

        Assert.False(await store.WithdrawClaimAsync(
            new ClaimWithdrawal("statement:pmf", null, "place:depot/function=weapons storage"), null, CancellationToken.None));
        Assert.DoesNotContain(server.Requests, r => StatementOf(r.Body) is { } s && (s == Statements.WriteHistory || s == Statements.TakeSequences || s == Statements.DeleteClaim));
    }

    [Fact]
    public async Task WithdrawingFromAFactThatIsNotStoredNamesIt()
    {
        var server = WithSchema(new ScriptedServer())
            .Answer("""{"transaction":{"id":"tx4"}}""")
            .Answer(ScriptedServer.Empty)                 // no such fact
            .Answer("{}");                                // rollback
        var (store, _) = WireScripts.Store(server);

        var error = await Assert.ThrowsAsync<TargetNotFoundException>(() => store.WithdrawClaimAsync(
            new ClaimWithdrawal("statement:pmf", null, "place:depot/function=nothing"), null, CancellationToken.None));
        Assert.Contains("place:depot/function=nothing", error.Message);
        Assert.Equal(HttpMethod.Delete, server.Requests[^1].Method);
    }

    [Fact]
    public async Task EveryChangeLogStatementIsAmongThoseTheLinterChecks()
    {
        var sent = await Lint.StoreStatements.SentAsync();
        Assert.All(new[]
        {
            Statements.TakeSequences, Statements.WriteHistory, Statements.HistoryTail, Statements.HistoryPage(true), Statements.HistoryPage(false),
            Statements.HistoryCount(true), Statements.HistoryCount(false), Statements.HistoryCountedPage(true), Statements.HistoryCountedPage(false), Statements.HistoryOfTargets, Statements.HistoryHead, Statements.HistoryOutline,
            Statements.DeleteHistory, Statements.DeleteClaim, Statements.WriteFactStatuses, Statements.WriteStatuses,
        }, statement => Assert.Contains(statement, sent));
    }

    [Fact]
    public async Task ADeletionLogsTheNodeAndWhatNamedItBeforeItsCommit()
    {
        var statement = new Statement("statement:kirby", "said so", Stance.Asserts, null, null, "person:kirby", null, null, [], null, []);
        var server = WithSchema(new ScriptedServer())
            .Answer("""{"transaction":{"id":"tx5"}}""")
            .Answer(ScriptedServer.Rows(["id", "kind", "body"],
                $"[{ScriptedServer.Text("person:kirby")},{ScriptedServer.Text("Person")},{ScriptedServer.Text("""{"id":"person:kirby","name":"Kirby"}""")}]"))
            .Answer(ScriptedServer.Empty)                 // its relations: none
            .Answer(ScriptedServer.Empty)                 // facts about it: none
            .Answer(ScriptedServer.Empty)                 // what its claims are on: none
            .Answer(ScriptedServer.Rows(["kind", "body"], $"[{ScriptedServer.Text("Statement")},{ScriptedServer.Text(Core.Import.NodeJson.Serialize(statement))}]"));
        foreach (var _ in Statements.DeleteNode) server.Answer(ScriptedServer.Empty);
        server.Answer(ScriptedServer.Empty)              // rewrite the statement
            .Answer(ScriptedServer.Empty)                 // its references
            .Answer(ScriptedServer.Rows(["last"], $"[{Integer(9)}]")) // take sequence numbers
            .Answer(ScriptedServer.Empty)                 // write history
            .Answer("""{"bookmarks":["FB:d"]}""");        // commit
        var (store, _) = WireScripts.Store(server);

        Assert.True(await store.DeleteNodeAsync("person:kirby", new WriteContext("beta"), CancellationToken.None));

        var logged = server.Requests.Single(r => StatementOf(r.Body) == Statements.WriteHistory);
        var entries = ParametersOf(logged.Body)["entries"]!.AsArray();
        Assert.Equal(["8 NODE_DELETED person:kirby", "9 NODE_UPDATED statement:kirby"],
            entries.Select(e => $"{e!["seq"]!.GetValue<long>()} {e["kind"]!.GetValue<string>()} {e["targetId"]!.GetValue<string>()}"));
        Assert.Equal("person:kirby", ((Statement)HistoryJson.ParseNode(entries[1]!["before"]!.GetValue<string>())).SpeakerId);
        Assert.Equal("/db/graph/query/v2/tx/tx5", logged.Path);
        Assert.True(server.Requests.FindIndex(r => r.Body == logged.Body) > server.Requests.FindLastIndex(r => StatementOf(r.Body) == Statements.DeleteNode[^1]));
        Assert.EndsWith("/tx/tx5/commit", server.Requests[^1].Path, StringComparison.Ordinal);
    }

    private static readonly string[] PageColumns =
        ["seq", "kind", "target", "nodeKind", "targetId", "statementId", "batchId", "writer", "at", "batchFirst", "aboutIds", "before", "hasNext", "nextBefore", "total"];

    /// <summary>A row of a counted page: an update of person:a that a later entry follows (so no stored state is read), and the total.</summary>
    private static string EntryRow(long seq, long? total) =>
        $$"""[{{Integer(seq)}},{{ScriptedServer.Text("NODE_UPDATED")}},{{ScriptedServer.Text("NODE")}},{{ScriptedServer.Text("PERSON")}},{{ScriptedServer.Text("person:a")}},""" +
        $$"""{{NullValue}},{{ScriptedServer.Text("batch-1")}},{{ScriptedServer.Text("alpha")}},{{Integer(1)}},{{Integer(1)}},{{NullValue}},""" +
        $$"""{{ScriptedServer.Text($"before {seq}")}},{"$type":"Boolean","_value":true},{{ScriptedServer.Text($"before {seq + 1}")}}{{(total is { } t ? $",{Integer(t)}" : "")}}]""";

    private static async Task<(ConflictGraph.Core.Paging.Page<HistoryEntry> Page, List<(string Statement, System.Text.Json.Nodes.JsonNode Parameters)> Sent)> FindAsync(
        string answer, ConflictGraph.Core.Paging.PageRequest page, string? target = null)
    {
        var (store, server) = WireScripts.Store(WithSchema(new ScriptedServer()).Answer(answer));
        using (store)
        {
            var found = await store.FindHistoryAsync(new HistoryQuery(target), page, CancellationToken.None);
            return (found, server.Requests.Skip(SetUp).Select(r => (StatementOf(r.Body)!, ParametersOf(r.Body))).ToList());
        }
    }

    [Fact]
    public async Task APageOfTheLogAndItsTotalAreOneRequest()
    {
        var (page, sent) = await FindAsync(ScriptedServer.Rows(PageColumns, EntryRow(3, 7), EntryRow(4, 7), EntryRow(5, 7)), new ConflictGraph.Core.Paging.PageRequest(2), "person:a");

        var (statement, parameters) = Assert.Single(sent);
        Assert.Equal(Statements.HistoryCountedPage(oneTarget: true), statement);
        Assert.Equal($"CALL () {{ {Statements.HistoryCount(true)} }} OPTIONAL CALL () {{ {Statements.HistoryPage(true)} }} RETURN * ORDER BY seq", statement);
        Assert.Equal((3, "person:a"), (parameters["limit"]!.GetValue<int>(), parameters["targetId"]!.GetValue<string>()));
        Assert.Equal((7, true, false), (page.TotalCount, page.HasNextPage, page.HasPreviousPage));
        Assert.Equal(["3 before 3 -> before 4", "4 before 4 -> before 5"], page.Items.Select(i => $"{i.Item.Sequence} {i.Item.Before} -> {i.Item.After}"));
    }

    [Fact]
    public async Task APagePastTheEndOfTheLogKeepsItsTotal()
    {
        var nulls = string.Join(",", Enumerable.Repeat(NullValue, PageColumns.Length - 1));
        var (page, sent) = await FindAsync(ScriptedServer.Rows(PageColumns, $"[{nulls},{Integer(7)}]"),
            new ConflictGraph.Core.Paging.PageRequest(5, HistoryCursor.Encode(9)));

        Assert.Equal(Statements.HistoryCountedPage(oneTarget: false), Assert.Single(sent).Statement);
        Assert.Empty(page.Items);
        Assert.Equal((7, false, true), (page.TotalCount, page.HasNextPage, page.HasPreviousPage));
    }

    [Fact]
    public async Task APageOfTheLogWithoutItsTotalCountsNothing()
    {
        var (page, sent) = await FindAsync(ScriptedServer.Rows(PageColumns[..^1], EntryRow(3, null)),
            new ConflictGraph.Core.Paging.PageRequest(2, CountTotal: false));

        Assert.Equal(Statements.HistoryPage(oneTarget: false), Assert.Single(sent).Statement);
        Assert.Null(page.TotalCount);
        Assert.Equal([3L], page.Items.Select(i => i.Item.Sequence));
    }
    private static readonly string[] TargetColumns =
        ["seq", "kind", "target", "nodeKind", "targetId", "statementId", "batchId", "writer", "at", "batchFirst", "aboutIds", "before", "hasNext", "nextBefore", "stored"];

    /// <summary>A target's newest entry (no later one), with the target as stored now beside it, or null when it is gone.</summary>
    private static string NewestRow(long seq, string target, string targetId, string? stored) =>
        $$"""[{{Integer(seq)}},{{ScriptedServer.Text(target == "NODE" ? "NODE_UPDATED" : "CLAIM_ADDED")}},{{ScriptedServer.Text(target)}},{{NullValue}},{{ScriptedServer.Text(targetId)}},""" +
        $$"""{{NullValue}},{{ScriptedServer.Text("batch-1")}},{{ScriptedServer.Text("alpha")}},{{Integer(1)}},{{Integer(1)}},{{NullValue}},""" +
        $$"""{{ScriptedServer.Text($"before {seq}")}},{"$type":"Boolean","_value":false},{{NullValue}},{{stored ?? NullValue}}]""";

    private static string StoredPerson(string body) => Map(("kind", ScriptedServer.Text("Person")), ("body", ScriptedServer.Text(body)));

    [Fact]
    public async Task ANodesNewestEntryTakesItsAfterFromTheNodeReadInTheSameRequest()
    {
        const string body = """{"id":"person:a","name":"A"}""";
        var row = NewestRow(4, "NODE", "person:a", StoredPerson(body));
        var gone = NewestRow(6, "NODE", "person:gone", null);
        var (store, server) = WireScripts.Store(WithSchema(new ScriptedServer()).Answer(ScriptedServer.Rows(TargetColumns, row, gone)));
        using (store)
        {
            var histories = await store.GetHistoryAsync(["person:a", "person:gone"], CancellationToken.None);

            // One request: the entries and the nodes as stored now; no read of stored bodies after it.
            Assert.Equal(Statements.HistoryOfTargets, StatementOf(Assert.Single(server.Requests.Skip(SetUp)).Body));
            Assert.Contains("AS stored ", Statements.HistoryOfTargets);
            var entry = Assert.Single(histories["person:a"]);
            Assert.Equal(("before 4", HistoryJson.Node(NodeKind.Person, body)), (entry.Before, entry.After));
            Assert.Null(Assert.Single(histories["person:gone"]).After);
        }
    }

    private static string StoredRelation(string fromId, string toId, params string[] claims) => Map(
        ("id", ScriptedServer.Text($"{fromId}-[MEMBER_OF]->{toId}")), ("type", ScriptedServer.Text("MEMBER_OF")),
        ("fromId", ScriptedServer.Text(fromId)), ("toId", ScriptedServer.Text(toId)), ("claims", List(claims)));

    private static string StoredFact(params string[] claims) => Map(
        ("id", ScriptedServer.Text("place:depot/function=weapons storage")), ("subjectId", ScriptedServer.Text("place:depot")),
        ("property", ScriptedServer.Text("function")), ("value", ScriptedServer.Text("weapons storage")), ("claims", List(claims)));

    [Fact]
    public async Task RelationsAndFactsNewestEntriesTakeTheirAfterFromTheTargetsReadInTheSameRequest()
    {
        const string relation = "org:b-[MEMBER_OF]->org:c", gone = "org:b-[MEMBER_OF]->org:gone", fact = "place:depot/function=weapons storage";
        var (store, server) = WireScripts.Store(WithSchema(new ScriptedServer()).Answer(ScriptedServer.Rows(TargetColumns,
            NewestRow(5, "RELATION", relation, StoredRelation("org:b", "org:c", Claim("statement:s", "CLAIMS"))),
            NewestRow(6, "RELATION", gone, null),
            NewestRow(7, "FACT", fact, StoredFact(Claim("statement:s", "DISPUTES"))))));
        using (store)
        {
            var histories = await store.GetHistoryAsync([relation, gone, fact], CancellationToken.None);

            // One request: no read of stored relations or facts after the entries.
            Assert.Equal(Statements.HistoryOfTargets, StatementOf(Assert.Single(server.Requests.Skip(SetUp)).Body));
            var claim = new Claim("statement:s", ClaimPosition.Claims, null);
            Assert.Equal(HistoryJson.Of(new Relation(RelationType.MemberOf, "org:b", "org:c", [claim])), Assert.Single(histories[relation]).After);
            Assert.Null(Assert.Single(histories[gone]).After);
            Assert.Equal(HistoryJson.Of(new Fact("place:depot", "function", "weapons storage", [claim with { Position = ClaimPosition.Disputes }])),
                Assert.Single(histories[fact]).After);
        }
    }

    [Fact]
    public async Task TheHistoryStatementFindsARelationByItsStoredIdWithinEachRelationTypeAndAFactByItsId()
    {
        // Every relation type's branch seeks its own id index with the entry's target id (the id every write stores on
        // the relationship), so an entry written before this read existed finds its relation the same way.
        foreach (var type in ConflictGraph.Neo4j.Layout.RelationshipTypes.Relations)
            Assert.Contains($"MATCH (a:Node)-[r:{type} {{id: h.targetId}}]->(b:Node) RETURN ", Statements.HistoryOfTargets);
        Assert.Contains("(f:Fact {id: h.targetId})", Statements.HistoryOfTargets);
        Assert.Contains($"CREATE INDEX conflictgraph_rel_member_of_id IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.id)", Statements.Schema);
        Assert.Equal(Statements.HistoryOfTargets.Length - Statements.HistoryOfTargets.Replace(" UNION ALL ", "").Length,
            (ConflictGraph.Neo4j.Layout.RelationshipTypes.Relations.Count - 1) * " UNION ALL ".Length);
    }
}
