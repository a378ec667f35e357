using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Store.Tests.Conformance;

/// <summary>
/// What every <see cref="IGraphStore"/> must do, run against each store by a subclass that says
/// how to make an empty one. Each test gets its store inside its body, so a store that cannot
/// run here (no Docker for Neo4j) skips with its reason instead of failing or passing.
/// </summary>
public abstract partial class GraphStoreConformanceTests
{
    protected abstract Task<IGraphStore> CreateEmptyStoreAsync();

    protected static CancellationToken None => CancellationToken.None;

    protected async Task<IGraphStore> CreateWorldAsync()
    {
        var store = await CreateEmptyStoreAsync();
        await store.ImportAsync(TestWorld.Batch, null, None);
        return store;
    }

    [SkippableFact]
    public async Task NodesComeBackExactlyAsWritten()
    {
        var store = await CreateWorldAsync();
        var nodes = await store.GetNodesAsync(TestWorld.Nodes.Select(n => n.Id).ToList(), None);
        Assert.Equal(TestWorld.Nodes.Count, nodes.Count);
        foreach (var expected in TestWorld.Nodes)
            Assert.Equivalent(expected, nodes.Single(n => n.Id == expected.Id), strict: true);
    }

    [SkippableFact]
    public async Task MissingIdsAreLeftOut()
    {
        var store = await CreateWorldAsync();
        var nodes = await store.GetNodesAsync(["person:kirby", "person:nobody"], None);
        Assert.Equal("person:kirby", Assert.Single(nodes).Id);
        Assert.Empty(await store.GetNodesAsync([], None));
    }

    [SkippableFact]
    public async Task StatsCountEachKind()
    {
        var store = await CreateWorldAsync();
        var stats = await store.GetStatsAsync(None);
        Assert.Equal(TestWorld.Nodes.Count, stats.Nodes);
        Assert.Equal(TestWorld.Relations.Count, stats.Relations);
        Assert.Equal(5, stats.ByKind.Single(k => k.Kind == NodeKind.Event).Count);
        Assert.Equal(3, stats.ByKind.Single(k => k.Kind == NodeKind.Statement).Count);
    }

    [SkippableFact]
    public async Task ExportGivesBackEveryNodeAndRelation()
    {
        var store = await CreateWorldAsync();
        var nodes = new List<Node>();
        await foreach (var node in store.ExportNodesAsync(None)) nodes.Add(node);
        var relations = new List<Relation>();
        await foreach (var relation in store.ExportRelationsAsync(None)) relations.Add(relation);
        Assert.Equal(TestWorld.Nodes.Select(n => n.Id).Order(), nodes.Select(n => n.Id).Order());
        Assert.Equal(TestWorld.Relations.Select(r => r.Id).Order(), relations.Select(r => r.Id).Order());

        var copy = await CreateEmptyStoreAsync();
        var result = await copy.ImportAsync(new GraphBatch(nodes, relations), null, None);
        Assert.Equal(TestWorld.Nodes.Count, result.Created);
        Assert.Equal(TestWorld.Relations.Count, result.RelationsCreated);
    }
}
