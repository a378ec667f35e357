using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j.Cypher;
using static ConflictGraph.Store.Tests.Neo4j.WireScripts;

namespace ConflictGraph.Store.Tests.Neo4j;

/// <summary>How the store meets the layout: the check before its first statement, one statement per level, claims read back.</summary>
public sealed class LayoutWireTests
{
    [Fact]
    public async Task ADatabaseInTheOldLayoutIsRefusedWithTheMigrationCommandAndNothingIsWritten()
    {
        var (store, server) = WireScripts.Store(new ScriptedServer().Answer(Layout(12, true)));

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetNodesAsync(["person:a"], CancellationToken.None));

        Assert.Contains("12 nodes without a kind label, relations stored as :REL", error.Message);
        Assert.Contains("conflictgraph neo4j migrate", error.Message);
        var only = Assert.Single(server.Requests);
        Assert.Equal(Statements.LayoutCheck, StatementOf(only.Body));
        Assert.Contains("\"accessMode\":\"Read\"", only.Body);
    }

    [Fact]
    public async Task TheLayoutIsCheckedAgainUntilTheDatabaseHasBeenMigrated()
    {
        var server = new ScriptedServer().Answer(Layout(3, false));
        WithSchema(server).Answer(ScriptedServer.Rows(["version"], $"[{Integer(7)}]"));
        var (store, _) = WireScripts.Store(server);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetDataVersionAsync(CancellationToken.None));
        Assert.Equal(7, await store.GetDataVersionAsync(CancellationToken.None));
        Assert.Equal(2, server.Requests.Count(r => StatementOf(r.Body) == Statements.LayoutCheck));
    }

    [Fact]
    public async Task OneExpansionIsOneStatementWithTheClaimsAndTheNodesAtTheEnds()
    {
        var claim = Map(("statement", ScriptedServer.Text("statement:s")), ("position", ScriptedServer.Text("DISPUTES")), ("characterization", """{"$type":"Null","_value":null}"""));
        var relation = Map(("id", ScriptedServer.Text("org:b-[BACKED_BY]->org:c")), ("type", ScriptedServer.Text("BACKED_BY")),
            ("fromId", ScriptedServer.Text("org:b")), ("toId", ScriptedServer.Text("org:c")), ("claims", List(claim)));
        var node = Map(("kind", ScriptedServer.Text("Organization")),
            ("body", ScriptedServer.Text(Core.Import.NodeJson.Serialize(new Organization("org:c", "C", [], null, OrganizationKind.State, null)))));
        var (store, server) = WireScripts.Store(WithSchema(new ScriptedServer()).Answer(ScriptedServer.Rows(["relations", "nodes"], $"[{List(relation)},{List(node)}]")));

        var found = await store.ExpandAsync(
        [
            new ExpandRequest("org:b", [RelationType.BackedBy], Direction.Outgoing),
            new ExpandRequest("org:b", null, Direction.Incoming),
            new ExpandRequest("person:a", [RelationType.MemberOf, RelationType.CarriedOut], Direction.Outgoing),
            new ExpandRequest("person:z", [RelationType.CarriedOut, RelationType.MemberOf], Direction.Outgoing),
        ], ["org:c"], [], RowCap.None, CancellationToken.None);

        var sent = Assert.Single(server.Requests.Skip(SetUp));
        var statement = StatementOf(sent.Body)!;
        Assert.Contains("-[r:CARRIED_OUT|MEMBER_OF]->", statement);
        Assert.Contains("-[r:BACKED_BY]->", statement);
        Assert.Equal(3, statement.Split(" UNION ").Length);
        Assert.Equal(["person:a", "person:z"], ParametersOf(sent.Body).AsObject().Where(p => p.Key.StartsWith('g')).Select(p => p.Value!.AsArray())
            .Single(ids => ids.Count == 2).Select(id => id!.GetValue<string>()));
        var backed = Assert.Single(found.Relations);
        Assert.Equal((RelationType.BackedBy, ClaimStatus.Denied), (backed.Type, backed.Status));
        Assert.Equal(["statement:s"], backed.DisputedBy);
        Assert.Equal("org:c", Assert.Single(found.Nodes).Id);
    }

    [Fact]
    public async Task ALevelThatFollowsRelationsToTheirEndsOnlyIsOneStatementThatReadsNoClaims()
    {
        var relation = Map(("id", ScriptedServer.Text("org:b-[BACKED_BY]->org:c")), ("type", ScriptedServer.Text("BACKED_BY")),
            ("fromId", ScriptedServer.Text("org:b")), ("toId", ScriptedServer.Text("org:c")), ("claims", List()));
        var node = Map(("kind", ScriptedServer.Text("Organization")),
            ("body", ScriptedServer.Text(Core.Import.NodeJson.Serialize(new Organization("org:c", "C", [], null, OrganizationKind.State, null)))));
        ExpandRequest[] level = [new("org:b", [RelationType.BackedBy], Direction.Outgoing, EndsOnly: true), new("person:a", null, Direction.Incoming, EndsOnly: true)];
        var (store, server) = WireScripts.Store(WithSchema(new ScriptedServer())
            .Answer(ScriptedServer.Rows(["relations", "nodes"], $"[{List(relation)},{List(node)}]"))
            .Answer(ScriptedServer.Rows(["relations", "nodes"], $"[{List(relation)},{List(node)}]")));

        var found = await store.ExpandAsync(level, [], [], RowCap.None, CancellationToken.None);
        // The same level with one request that shows its relations reads the claims of them all.
        await store.ExpandAsync([.. level, new ExpandRequest("org:b", [RelationType.BackedBy], Direction.Outgoing)], [], [], RowCap.None, CancellationToken.None);

        var sent = server.Requests.Skip(SetUp).Select(r => StatementOf(r.Body)!).ToList();
        Assert.Equal(2, sent.Count);
        Assert.DoesNotContain(":Claim", sent[0]);
        Assert.Contains("claims: []", sent[0]);
        Assert.Contains(":Claim", sent[1]);
        Assert.Equal("org:b-[BACKED_BY]->org:c", Assert.Single(found.Relations).Id);
        Assert.Empty(found.Relations[0].Claims);
        Assert.Equal("org:c", Assert.Single(found.Nodes).Id);
    }

    [Fact]
    public async Task AskingForNoRelationTypesReadsOnlyTheNodes()
    {
        var (store, server) = WireScripts.Store(WithSchema(new ScriptedServer()).Answer(ScriptedServer.Empty));
        var found = await store.ExpandAsync([new ExpandRequest("org:b", [], Direction.Both)], ["org:b"], [], RowCap.None, CancellationToken.None);
        Assert.Empty(found.Relations);
        Assert.Equal(Statements.NodesByIds, StatementOf(Assert.Single(server.Requests.Skip(SetUp)).Body));
    }

    [Fact]
    public async Task AStatementsCitationsAreOneStatementWithRelationsAndFactsAndEveryClaimsWords()
    {
        var claim = Map(("statement", ScriptedServer.Text("statement:pmf")), ("position", ScriptedServer.Text("DISPUTES")), ("characterization", ScriptedServer.Text("no weapons")));
        var other = Map(("statement", ScriptedServer.Text("statement:officials")), ("position", ScriptedServer.Text("CLAIMS")), ("characterization", """{"$type":"Null","_value":null}"""));
        var fact = Map(("id", ScriptedServer.Text("place:depot/function=weapons storage")), ("subjectId", ScriptedServer.Text("place:depot")),
            ("property", ScriptedServer.Text("function")), ("value", ScriptedServer.Text("weapons storage")), ("claims", List(claim, other)));
        var (store, server) = WireScripts.Store(WithSchema(new ScriptedServer()).Answer(ScriptedServer.Rows(["relations", "facts"], $"[{List()},{List(fact)}]")));

        var cited = await store.GetCitationsAsync(["statement:pmf"], CancellationToken.None);

        Assert.Equal(Statements.CitationsOf, StatementOf(Assert.Single(server.Requests.Skip(SetUp)).Body));
        var read = Assert.Single(cited.Facts);
        Assert.Equal(("place:depot", "function", "weapons storage", ClaimStatus.Disputed), (read.SubjectId, read.Property, read.Value, read.Status));
        Assert.Equal([new Claim("statement:officials"), new Claim("statement:pmf", ClaimPosition.Disputes, "no weapons")], read.Claims);
    }

    [Fact]
    public async Task ANewFactIsWrittenWithItsSubjectStatusAndClaimsWithTheSpeakersWords()
    {
        var server = WithSchema(new ScriptedServer())
            .Answer("""{"transaction":{"id":"tx3"}}""")
            .Answer(ScriptedServer.Empty)                 // missing ids: none
            .Answer(ScriptedServer.Empty)                 // stored facts: none
            .Answer(ScriptedServer.Empty)                 // write facts
            .Answer(ScriptedServer.Empty)                 // write claims
            .Answer(ScriptedServer.Rows(["last"], $"[{Integer(1)}]")) // take a sequence number
            .Answer(ScriptedServer.Empty)                 // write history
            .Answer("""{"bookmarks":["FB:f"]}""");        // commit
        var (store, _) = WireScripts.Store(server);
        var fact = new Fact("place:depot", "function", "weapons storage",
            [new Claim("statement:officials", ClaimPosition.Claims, "weapons storage facility"), new Claim("statement:pmf", ClaimPosition.Disputes)]);

        var result = await store.ImportAsync(new GraphBatch([], []) { Facts = [fact] }, null, CancellationToken.None);

        Assert.Equal((1, 0), (result.FactsCreated, result.FactsUpdated));
        var written = Assert.Single(ParametersOf(server.Requests.Single(r => StatementOf(r.Body) == Statements.WriteFacts).Body)["facts"]!.AsArray())!;
        Assert.Equal(("place:depot/function=weapons storage", "place:depot", "DISPUTED"),
            (written["id"]!.GetValue<string>(), written["subjectId"]!.GetValue<string>(), written["status"]!.GetValue<string>()));
        var claims = ParametersOf(server.Requests.Single(r => StatementOf(r.Body) == Statements.WriteClaims).Body)["claims"]!.AsArray();
        Assert.Equal(["statement:officials CLAIMS weapons storage facility", "statement:pmf DISPUTES "],
            claims.Select(c => $"{c!["statementId"]!.GetValue<string>()} {c["position"]!.GetValue<string>()} {c["characterization"]?.GetValue<string>()}").Order());
        Assert.All(claims, c => Assert.Null(c!["relationType"]));
        var entry = Assert.Single(ParametersOf(server.Requests.Single(r => StatementOf(r.Body) == Statements.WriteHistory).Body)["entries"]!.AsArray())!;
        Assert.Equal(("FACT_CREATED", "FACT", "place:depot/function=weapons storage", result.BatchId),
            (entry["kind"]!.GetValue<string>(), entry["target"]!.GetValue<string>(), entry["targetId"]!.GetValue<string>(), entry["batchId"]!.GetValue<string>()));
    }
}
