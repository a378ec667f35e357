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
        ], ["org:c"], CancellationToken.None);

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
    public async Task AskingForNoRelationTypesReadsOnlyTheNodes()
    {
        var (store, server) = WireScripts.Store(WithSchema(new ScriptedServer()).Answer(ScriptedServer.Empty));
        var found = await store.ExpandAsync([new ExpandRequest("org:b", [], Direction.Both)], ["org:b"], CancellationToken.None);
        Assert.Empty(found.Relations);
        Assert.Equal(Statements.NodesByIds, StatementOf(Assert.Single(server.Requests.Skip(SetUp)).Body));
    }
}
