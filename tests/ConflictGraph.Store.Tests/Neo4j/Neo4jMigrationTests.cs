using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j.Layout;
using ConflictGraph.Neo4j.Migration;
using ConflictGraph.Store.Tests.Conformance;

namespace ConflictGraph.Store.Tests.Neo4j;

/// <summary>The layout migration on a live server, from a graph written the way the store wrote it before 2026-12.</summary>
[Collection(Neo4jServerCollection.Name)]
public sealed class Neo4jMigrationTests(Neo4jServer server)
{
    private static CancellationToken None => CancellationToken.None;

    [SkippableFact]
    public async Task AGraphInTheOldLayoutIsMigratedInPlaceResumablyAndThenServedAsWritten()
    {
        Skip.If(server.SkipReason is not null, server.SkipReason);
        await server.Store!.ClearAsync(None);
        await LegacyLayoutWriter.WriteAsync(server.Store.Client, TestWorld.Batch, None);

        using (var fresh = server.Open())
            Assert.Contains("conflictgraph neo4j migrate", (await Assert.ThrowsAsync<StoreUnavailableException>(() => fresh.GetStatsAsync(None))).Message);

        var migration = new LayoutMigration(server.Store.Client);
        var counts = await migration.CountAsync(None);
        Assert.Equal((TestWorld.Nodes.Count, TestWorld.Relations.Count), ((int)counts.Nodes, (int)counts.Relations));
        Assert.Equal(TestWorld.Relations.Sum(r => r.ClaimedBy.Count + r.DisputedBy.Count), counts.Claims);
        Assert.Equal(Legacy.Indexes.Order(), counts.Indexes.Order());

        // Stopped after its first batch, it leaves a graph partly converted, and a second run finishes it.
        using var stop = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => migration.RunAsync(3, new SynchronousProgress<MigrationProgress>(_ => stop.Cancel()), stop.Token));
        Assert.Equal(TestWorld.Nodes.Count - 3, (await migration.CountAsync(None)).Nodes);
        await migration.RunAsync(3, null, None);
        Assert.True((await migration.CountAsync(None)).Current);

        using var store = server.Open();
        var nodes = await store.GetNodesAsync(TestWorld.Nodes.Select(n => n.Id).ToList(), None);
        foreach (var expected in TestWorld.Nodes) Assert.Equivalent(expected, nodes.Single(n => n.Id == expected.Id), strict: true);
        var relations = new List<Relation>();
        await foreach (var relation in store.ExportRelationsAsync(None)) relations.Add(relation);
        Assert.Equal(TestWorld.Relations.Select(Describe).Order(), relations.Select(Describe).Order());
        Assert.Equal(["event:strikes-[RETALIATION_FOR]->event:drones", "org:kh-[USED]->place:depot"],
            (await store.GetCitationsAsync(["statement:militia"], None)).Relations.Select(r => r.Id).Order());
        Assert.Equal(["statement:militia", "statement:monitor"], (await store.GetCasualtyReportsAsync(["event:strikes"], RowCap.None, None)).Select(r => r.StatementId).Order());

        // A converted graph has nothing left to convert: running again writes nothing.
        var version = await store.GetDataVersionAsync(None);
        Assert.True((await migration.RunAsync(3, null, None)).Current);
        Assert.Equal(version, await store.GetDataVersionAsync(None));
    }

    [SkippableFact]
    public async Task PlacesWrittenBeforeSearchNamesWereKeptAreFoundByNameOnceMigrated()
    {
        Skip.If(server.SkipReason is not null, server.SkipReason);
        await server.Store!.ClearAsync(None);
        await server.Store.ImportAsync(TestWorld.Batch, null, None);
        // As a write before the name index left it: the place is there, without the names search's first tier reads.
        await server.Store.Client.WriteAsync("MATCH (n:Place {id: 'place:erbil'}) REMOVE n.names", null, None);
        Assert.False((await server.Store.SearchAsync("Irbil", null, 5, None)).Single(h => h.NodeId == "place:erbil").NameMatch);

        var migration = new LayoutMigration(server.Store.Client);
        Assert.Equal(1, (await migration.CountAsync(None)).UnnamedNodes);
        await migration.RunAsync(3, null, None);

        Assert.True((await migration.CountAsync(None)).Current);
        Assert.True(Assert.Single(await server.Store.SearchAsync("Irbil", null, 5, None)).NameMatch);
    }

    private static string Describe(Relation r) =>
        $"{r.Id} claimed by {string.Join(",", r.ClaimedBy)} disputed by {string.Join(",", r.DisputedBy)} {EnumNames.Of(r.Status)}";
}
