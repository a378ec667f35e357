using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Store.Tests.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    [SkippableFact]
    public async Task TotalsAndStatsFollowDeletesKindChangesAndDisputes()
    {
        var store = await CreateWorldAsync();
        await AssertTotalsMatchTheGraphAsync(store);

        // A delete takes the node's relations and claims with it.
        Assert.True(await store.DeleteNodeAsync("org:kh", null, None));
        await AssertTotalsMatchTheGraphAsync(store);
        // An event re-imported as another kind moves between the kinds' totals.
        await store.ImportAsync(new GraphBatch([new Event("event:strikes", "Airstrikes on depots", EventKind.DroneAttack, null, TestWorld.June27)], []), null, None);
        await AssertTotalsMatchTheGraphAsync(store);
        // A new dispute moves a relation from UNCONTESTED to DISPUTED.
        await store.ImportAsync(new GraphBatch([], [TestWorld.Relation(RelationType.CarriedOut, "org:pentagon", "event:strikes", [], ["statement:monitor"])]), null, None);
        await AssertTotalsMatchTheGraphAsync(store);
        Assert.True(await store.DeleteNodeAsync("statement:monitor", null, None));
        await AssertTotalsMatchTheGraphAsync(store);
    }

    /// <summary>Every listing's total and the stats agree with the graph as exported.</summary>
    protected static async Task AssertTotalsMatchTheGraphAsync(IGraphStore store)
    {
        var nodes = new List<Node>();
        await foreach (var node in store.ExportNodesAsync(None)) nodes.Add(node);
        var relations = new List<Relation>();
        await foreach (var relation in store.ExportRelationsAsync(None)) relations.Add(relation);

        var stats = await store.GetStatsAsync(None);
        Assert.Equal((nodes.Count, relations.Count), (stats.Nodes, stats.Relations));
        foreach (var kind in Enum.GetValues<NodeKind>())
        {
            var expected = nodes.Count(n => n.Kind == kind);
            Assert.Equal(expected, stats.ByKind.SingleOrDefault(k => k.Kind == kind)?.Count ?? 0);
            Assert.Equal(expected, await NodeTotalAsync(store, new NodeQuery { Kinds = [kind] }));
        }
        foreach (var eventKind in Enum.GetValues<EventKind>())
            Assert.Equal(nodes.OfType<Event>().Count(e => e.EventKind == eventKind),
                await NodeTotalAsync(store, new NodeQuery { Kinds = [NodeKind.Event], Events = new EventCriteria { Kinds = [eventKind] } }));
        foreach (var stance in Enum.GetValues<Stance>())
            Assert.Equal(nodes.OfType<Statement>().Count(s => s.Stance == stance),
                await NodeTotalAsync(store, new NodeQuery { Kinds = [NodeKind.Statement], Statements = new StatementCriteria { Stances = [stance] } }));
        Assert.Equal(relations.Count, await RelationTotalAsync(store, new RelationQuery()));
        foreach (var type in Enum.GetValues<RelationType>())
            Assert.Equal(relations.Count(r => r.Type == type), await RelationTotalAsync(store, new RelationQuery { Types = [type] }));
        foreach (var status in Enum.GetValues<ClaimStatus>())
            Assert.Equal(relations.Count(r => r.Status == status), await RelationTotalAsync(store, new RelationQuery { Statuses = [status] }));
    }

    private static async Task<int?> NodeTotalAsync(IGraphStore store, NodeQuery query) =>
        (await store.FindNodesAsync([(query, new PageRequest(0))], None))[0].TotalCount;

    private static async Task<int?> RelationTotalAsync(IGraphStore store, RelationQuery query) =>
        (await store.FindRelationsAsync(query, new PageRequest(0), None)).TotalCount;

    [SkippableFact]
    public async Task APageNeedNotCountWhenTheTotalIsNotWanted()
    {
        var store = await CreateWorldAsync();
        var page = (await store.FindNodesAsync([(new NodeQuery { Kinds = [NodeKind.Event] }, new PageRequest(2, null, CountTotal: false))], None))[0];
        Assert.Equal(2, page.Items.Count);
        Assert.True(page.HasNextPage);
        Assert.True(page.TotalCount is null or 5);
        var relations = await store.FindRelationsAsync(new RelationQuery(), new PageRequest(2, null, CountTotal: false), None);
        Assert.True(relations.HasNextPage);
        Assert.True(relations.TotalCount is null || relations.TotalCount == TestWorld.Relations.Count);
    }
}
