using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Store.Tests.Conformance;

/// <summary>
/// A query level whose requests all follow relations to their far ends only (an event's perpetrators and place):
/// the same relations and nodes as the level read with claims, each node once.
/// </summary>
public abstract partial class GraphStoreConformanceTests
{
    private static readonly IReadOnlyList<RelationType>?[] TypeFilters =
        [null, [RelationType.CarriedOut, RelationType.OccurredIn], [RelationType.RetaliationFor], [RelationType.Killed]];

    [SkippableFact]
    public async Task AnEndsOnlyLevelFindsTheRelationsAndNodesTheSameLevelWithClaimsFinds()
    {
        var store = await CreateWorldAsync();
        string[] expanded = ["event:strikes", "event:drones", "org:kh", "person:nobody"];
        foreach (var direction in Enum.GetValues<Direction>())
            foreach (var types in TypeFilters)
            {
                var withClaims = await store.ExpandAsync(expanded.Select(id => new ExpandRequest(id, types, direction)).ToList(), ["person:kirby", "event:strikes", "nobody"], None);
                var endsOnly = await store.ExpandAsync(expanded.Select(id => new ExpandRequest(id, types, direction, EndsOnly: true)).ToList(), ["person:kirby", "event:strikes", "nobody"], None);
                var filter = $"{direction} {(types is null ? "all" : string.Join(',', types))}";
                Assert.True(withClaims.Relations.Count > 0 || types is [RelationType.Killed], filter);
                Assert.Equal(withClaims.Relations.Select(r => r.Id).Order(), endsOnly.Relations.Select(r => r.Id).Order());
                // Each node once, however many relations end at it or whether it is also asked for by id.
                Assert.Equal(withClaims.Nodes.Select(n => n.Id).Order(), endsOnly.Nodes.Select(n => n.Id).Order());
                Assert.Equal(endsOnly.Nodes.Count, endsOnly.Nodes.Select(n => n.Id).Distinct().Count());
            }
    }

    [SkippableFact]
    public async Task AnEndsOnlyLevelReadsEachFarEndOnceAndNotTheNodesItExpands()
    {
        var store = await CreateWorldAsync();
        // Both ways from drones: what retaliated for it, who carried it out, where it occurred; drones itself is not read again.
        var around = await store.ExpandAsync([new ExpandRequest("event:drones", null, Direction.Both, EndsOnly: true)], [], None);
        Assert.Equal(["event:drones-[OCCURRED_IN]->place:erbil", "event:strikes-[RETALIATION_FOR]->event:drones", "org:kh-[CARRIED_OUT]->event:drones"],
            around.Relations.Select(r => r.Id).Order());
        Assert.Equal(["event:strikes", "org:kh", "place:erbil"], around.Nodes.Select(n => n.Id).Order());

        // Two expanded events, each the other's far end: both are read.
        var between = await store.ExpandAsync([new ExpandRequest("event:strikes", [RelationType.RetaliationFor], Direction.Outgoing, EndsOnly: true),
                                               new ExpandRequest("event:drones", [RelationType.RetaliationFor], Direction.Incoming, EndsOnly: true)], [], None);
        Assert.Equal("event:strikes-[RETALIATION_FOR]->event:drones", Assert.Single(between.Relations).Id);
        Assert.Equal(["event:drones", "event:strikes"], between.Nodes.Select(n => n.Id).Order());

        // A node asked for by id that is also a far end comes once; the expanded node comes when asked for; unknown ids are left out.
        var asked = await store.ExpandAsync([new ExpandRequest("event:strikes", [RelationType.OccurredIn], Direction.Outgoing, EndsOnly: true),
                                             new ExpandRequest("event:drones", [RelationType.OccurredIn], Direction.Outgoing, EndsOnly: true),
                                             new ExpandRequest("event:nothing", [RelationType.OccurredIn], Direction.Outgoing, EndsOnly: true)],
            ["place:depot", "event:strikes", "person:nobody"], None);
        Assert.Equal(["event:drones-[OCCURRED_IN]->place:erbil", "event:strikes-[OCCURRED_IN]->place:depot"], asked.Relations.Select(r => r.Id).Order());
        Assert.Equal(["event:strikes", "place:depot", "place:erbil"], asked.Nodes.Select(n => n.Id).Order());
        Assert.Equivalent(TestWorld.Nodes.Single(n => n.Id == "place:depot"), asked.Nodes.Single(n => n.Id == "place:depot"), strict: true);

        // A request with no types reads nothing; the rest of its level is read as usual.
        var none = await store.ExpandAsync([new ExpandRequest("event:strikes", [], Direction.Both, EndsOnly: true)], ["person:kirby"], None);
        Assert.Empty(none.Relations);
        Assert.Equal("person:kirby", Assert.Single(none.Nodes).Id);
    }

    [SkippableFact]
    public async Task AnEndsOnlyLevelLeavesOutAFarEndThatIsGone()
    {
        var store = await CreateWorldAsync();
        Assert.True(await store.DeleteNodeAsync("place:erbil", null, None));
        var found = await store.ExpandAsync([new ExpandRequest("event:drones", [RelationType.OccurredIn, RelationType.CarriedOut], Direction.Both, EndsOnly: true)],
            ["place:erbil"], None);
        Assert.Equal("org:kh-[CARRIED_OUT]->event:drones", Assert.Single(found.Relations).Id);
        Assert.Equal("org:kh", Assert.Single(found.Nodes).Id);
    }

    [SkippableFact]
    public async Task ARelationALevelFollowsToItsEndAndShowsKeepsItsClaims()
    {
        var store = await CreateWorldAsync();
        var found = await store.ExpandAsync([new ExpandRequest("event:strikes", [RelationType.RetaliationFor], Direction.Outgoing, EndsOnly: true),
                                             new ExpandRequest("event:drones", [RelationType.RetaliationFor], Direction.Incoming)], [], None);
        var retaliation = Assert.Single(found.Relations);
        Assert.Equal(["statement:kirby"], retaliation.ClaimedBy);
        Assert.Equal(["statement:militia"], retaliation.DisputedBy);
        Assert.Equal(["event:drones", "event:strikes"], found.Nodes.Select(n => n.Id).Order());
    }
}
