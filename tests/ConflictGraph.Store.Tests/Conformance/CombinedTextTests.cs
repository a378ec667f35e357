using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Store.Tests.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    [SkippableFact]
    public async Task WordsBesideAnotherEventCriterionFindTheEventsBothFindCountedExactly()
    {
        var store = await CreateWorldAsync();
        var (june27, june28) = (new DateOnly(2021, 6, 27), new DateOnly(2021, 6, 28));
        // "base" is in the rockets' title (Syria's Deir ez-Zor) and the drones' (Erbil, Iraq).
        foreach (var (criteria, text, expected) in new (EventCriteria, string, string[])[]
        {
            (new() { PlaceId = "place:syria" }, "base", ["event:rockets"]),
            (new() { PlaceId = "place:syria", From = june28, To = june28 }, "base", ["event:rockets"]),
            (new() { PlaceId = "place:syria", From = june27, To = june27 }, "base", []),
            (new() { PlaceId = "place:iraq" }, "base", ["event:drones"]),
            (new() { PlaceId = "place:syria", Kinds = [EventKind.Airstrike] }, "depots", ["event:strikes"]),
            (new() { PerpetratorId = "org:pentagon" }, "depots", ["event:strikes"]),
            (new() { PerpetratorId = "org:kh" }, "depots", []),
            (new() { TargetId = "org:kh" }, "night", ["event:strikes"]),
            (new() { To = june27 }, "base", ["event:drones"]),
        })
        {
            var query = Events(criteria) with { Text = text };
            foreach (var keys in new[] { false, true })
            {
                var page = (await store.FindNodesAsync([(query, new PageRequest(20, null, CountTotal: true, KeysOnly: keys))], None))[0];
                Assert.True(expected.SequenceEqual(page.Items.Select(i => i.Item.Id)), $"{text} with {criteria}: {string.Join(", ", page.Items.Select(i => i.Item.Id))}");
                Assert.Equal(expected.Length, page.TotalCount);
            }
        }
    }

    [SkippableFact]
    public async Task WordsBesideAContainingPlaceFindThePlacesInsideThatHoldThem()
    {
        var store = await CreateWorldAsync();
        var sites = (await FindAsync(store, new NodeQuery { Kinds = [NodeKind.Place], WithinPlaceId = "place:syria", Text = "border" })).Items;
        Assert.Equal("place:depot", Assert.Single(sites).Item.Id);
        Assert.Empty((await FindAsync(store, new NodeQuery { Kinds = [NodeKind.Place], WithinPlaceId = "place:iraq", Text = "border" })).Items);
    }
}
