using ConflictGraph.Core.Model;

namespace ConflictGraph.Store.Tests.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    [SkippableFact]
    public async Task PlacesContainPlacesTransitively()
    {
        var store = await CreateWorldAsync();
        var within = await store.GetPlacesWithinAsync(["place:syria", "place:iraq", "place:depot"], None);
        Assert.Equal(["place:deir", "place:depot"], within["place:syria"].Order());
        Assert.Equal(["place:erbil"], within["place:iraq"]);
        Assert.Empty(within["place:depot"]);
    }

    [SkippableFact]
    public async Task EscalationFollowsRetaliationsAndResponsesEachWay()
    {
        var store = await CreateEmptyStoreAsync();
        // d <- c <- b <- a: each answers the one before it; e answers b on a side branch.
        var events = new[] { "a", "b", "c", "d", "e" }.Select(id => (Node)new Event($"event:{id}", id, EventKind.Other, null, null)).ToList();
        await store.ImportAsync(new GraphBatch(events,
        [
            TestWorld.Relation(RelationType.RetaliationFor, "event:b", "event:a"),
            TestWorld.Relation(RelationType.ResponseTo, "event:c", "event:b"),
            TestWorld.Relation(RelationType.RetaliationFor, "event:d", "event:c"),
            TestWorld.Relation(RelationType.ResponseTo, "event:e", "event:b"),
        ]), null, None);

        var backward = await store.GetEscalationAsync(["event:d"], ChainDirection.Backward, 10, None);
        Assert.Equal(["event:a", "event:b", "event:c"], backward["event:d"].Select(r => r.ToId).Order());
        var shallow = await store.GetEscalationAsync(["event:d"], ChainDirection.Backward, 2, None);
        Assert.Equal(["event:b", "event:c"], shallow["event:d"].Select(r => r.ToId).Order());
        var forward = await store.GetEscalationAsync(["event:b"], ChainDirection.Forward, 10, None);
        Assert.Equal(["event:c", "event:d", "event:e"], forward["event:b"].Select(r => r.FromId).Order());
        var both = await store.GetEscalationAsync(["event:c"], ChainDirection.Both, 10, None);
        // Back to a through b, forward to d; never sideways from b to e.
        Assert.Equal(3, both["event:c"].Count);
        Assert.DoesNotContain(both["event:c"], r => r.FromId == "event:e");
    }

    [SkippableFact]
    public async Task PathsAreShortestFirstAndBoundedByDepth()
    {
        var store = await CreateWorldAsync();
        var paths = await store.FindPathsAsync("person:kirby", "org:kh", 4, 3, None);
        Assert.NotEmpty(paths);
        Assert.Equal(3, paths[0].Length);
        Assert.Equal(["person:kirby", "org:pentagon", "event:strikes", "org:kh"], paths[0].NodeIds);
        Assert.Equal(["MEMBER_OF", "CARRIED_OUT", "TARGETED"], paths[0].Relations.Select(r => EnumNames.Of(r.Type)));
        Assert.True(paths.Zip(paths.Skip(1)).All(p => p.First.Length <= p.Second.Length));
        Assert.All(paths, p => Assert.Equal(p.NodeIds.Count, p.NodeIds.Distinct().Count()));
        Assert.Empty(await store.FindPathsAsync("person:kirby", "org:kh", 2, 3, None));
        Assert.Empty(await store.FindPathsAsync("person:kirby", "person:muhandis", 6, 3, None));
        Assert.Empty(await store.FindPathsAsync("person:kirby", "person:nobody", 4, 3, None));
    }
}
