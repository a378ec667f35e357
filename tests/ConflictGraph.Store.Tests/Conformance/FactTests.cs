using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Store.Tests.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    private const string DepotFunction = "place:depot/function=weapons storage";

    [SkippableFact]
    public async Task FactsComeBackWithTheirClaimsAndStatus()
    {
        var store = await CreateClaimsWorldAsync();
        var facts = await store.GetFactsAsync(["place:depot", "place:nowhere"], None);
        Assert.Equal([DepotFunction, "place:depot/presence=PMF fighters"], facts.Select(f => f.Id));
        var function = facts[0];
        Assert.Equal(("place:depot", "function", "weapons storage"), (function.SubjectId, function.Property, function.Value));
        Assert.Equal(
            [new Claim("statement:officials", ClaimPosition.Claims, "weapons storage facility"), new Claim("statement:pmf", ClaimPosition.Disputes, "no weapons warehouses")],
            function.Claims);
        Assert.Equal(ClaimStatus.Disputed, function.Status);
        Assert.Equal(ClaimStatus.Uncontested, facts[1].Status);
        Assert.Empty(await store.GetFactsAsync([], None));
    }

    [SkippableFact]
    public async Task DisputedFactsAreFoundByStatusAsDisputedRelationsAre()
    {
        var store = await CreateClaimsWorldAsync();
        var disputed = await store.FindFactsAsync(new() { Statuses = [ClaimStatus.Disputed, ClaimStatus.Denied] }, new(10), None);
        Assert.Equal(1, disputed.TotalCount);
        Assert.Equal(DepotFunction, Assert.Single(disputed.Items).Item.Id);
    }

    [SkippableFact]
    public async Task FactsAreFoundBySubjectPropertyAndWhoClaimsThem()
    {
        var store = await CreateClaimsWorldAsync();
        async Task<List<string>> Find(FactQuery query) => (await store.FindFactsAsync(query, new(10), None)).Items.Select(i => i.Item.Id).ToList();
        Assert.Equal([DepotFunction], await Find(new() { Property = "function" }));
        Assert.Equal(["event:drones/count=at least five"], await Find(new() { SubjectId = "event:drones" }));
        Assert.Equal(["place:depot/presence=PMF fighters"], await Find(new() { ClaimedByActorId = "org:pmf" }));
        Assert.Equal(["event:drones/count=at least five"], await Find(new() { ClaimedByActorId = "person:official", Property = "count" }));
        Assert.Empty(await Find(new() { SubjectId = "place:depot", Property = "count" }));
    }

    [SkippableFact]
    public async Task FactPagesWalkInIdOrder()
    {
        var store = await CreateClaimsWorldAsync();
        var first = await store.FindFactsAsync(new(), new(2), None);
        Assert.Equal((3, true, false), (first.TotalCount, first.HasNextPage, first.HasPreviousPage));
        var second = await store.FindFactsAsync(new(), new PageRequest(2, first.EndCursor), None);
        Assert.Equal(["event:drones/count=at least five", DepotFunction, "place:depot/presence=PMF fighters"],
            first.Items.Concat(second.Items).Select(i => i.Item.Id));
        Assert.False(second.HasNextPage);
    }

    [SkippableFact]
    public async Task AFactLoadedAgainMergesItsClaims()
    {
        var store = await CreateClaimsWorldAsync();
        var version = await store.GetDataVersionAsync(None);
        var same = await store.ImportAsync(new GraphBatch([], []) { Facts = ClaimsWorld.Facts }, null, None);
        Assert.Equal((0, 0), (same.FactsCreated, same.FactsUpdated));
        Assert.Equal(version, await store.GetDataVersionAsync(None));

        var more = await store.ImportAsync(new GraphBatch([], [])
        {
            Facts = [new Fact("place:depot", "function", "weapons storage", [new Claim("statement:monitor")]),
                     new Fact("place:depot", "function", "operations against infiltration", [new Claim("statement:pmf")])],
        }, null, None);
        Assert.Equal((1, 1), (more.FactsCreated, more.FactsUpdated));
        Assert.NotEqual(version, await store.GetDataVersionAsync(None));
        var function = (await store.GetFactsAsync(["place:depot"], None)).Single(f => f.Id == DepotFunction);
        Assert.Equal(["statement:monitor", "statement:officials"], function.ClaimedBy);
    }

    [SkippableFact]
    public async Task AFactAboutAMissingNodeOrFromAMissingStatementWritesNothing()
    {
        var store = await CreateClaimsWorldAsync();
        var version = await store.GetDataVersionAsync(None);
        await Assert.ThrowsAsync<MissingReferenceException>(() => store.ImportAsync(new GraphBatch([], [])
            { Facts = [new Fact("place:nowhere", "function", "depot", [new Claim("statement:kirby")])] }, null, None));
        await Assert.ThrowsAsync<MissingReferenceException>(() => store.ImportAsync(new GraphBatch([], [])
            { Facts = [new Fact("place:depot", "function", "depot", [new Claim("statement:nobody")])] }, null, None));
        Assert.Equal(version, await store.GetDataVersionAsync(None));
        Assert.Equal(3, (await store.FindFactsAsync(new(), new(10), None)).TotalCount);
    }

    [SkippableFact]
    public async Task DeletingAStatementWithdrawsItsClaimsOnFacts()
    {
        var store = await CreateClaimsWorldAsync();
        Assert.True(await store.DeleteNodeAsync("statement:pmf", null, None));
        var facts = await store.GetFactsAsync(["place:depot"], None);
        Assert.Equal(ClaimStatus.Uncontested, facts.Single(f => f.Id == DepotFunction).Status);
        Assert.Equal(ClaimStatus.Unsourced, facts.Single(f => f.Property == "presence").Status);
        Assert.Equal(0, (await store.FindFactsAsync(new() { Statuses = [ClaimStatus.Disputed] }, new(10), None)).TotalCount);
    }

    [SkippableFact]
    public async Task DeletingANodeRemovesTheFactsAboutIt()
    {
        var store = await CreateClaimsWorldAsync();
        Assert.True(await store.DeleteNodeAsync("place:depot", null, None));
        Assert.Empty(await store.GetFactsAsync(["place:depot"], None));
        Assert.Equal(["event:drones/count=at least five"], (await store.FindFactsAsync(new(), new(10), None)).Items.Select(i => i.Item.Id));
        Assert.Empty((await store.GetCitationsAsync(["statement:officials"], None)).Facts);
    }

    [SkippableFact]
    public async Task ExportGivesBackFactsAndCharacterizedClaimsThatImportAlike()
    {
        var store = await CreateClaimsWorldAsync();
        var facts = new List<Fact>();
        await foreach (var fact in store.ExportFactsAsync(None)) facts.Add(fact);
        Assert.Equal(3, facts.Count);
        var nodes = new List<Node>();
        await foreach (var node in store.ExportNodesAsync(None)) nodes.Add(node);
        var relations = new List<Relation>();
        await foreach (var relation in store.ExportRelationsAsync(None)) relations.Add(relation);

        var copy = await CreateEmptyStoreAsync();
        var result = await copy.ImportAsync(new GraphBatch(nodes, relations) { Facts = facts }, null, None);
        Assert.Equal(3, result.FactsCreated);
        Assert.Equivalent(await store.GetFactsAsync(["place:depot", "event:drones"], None), await copy.GetFactsAsync(["place:depot", "event:drones"], None), strict: true);
        Assert.Equivalent(await ResponseAsync(store), await ResponseAsync(copy), strict: true);
    }
}
