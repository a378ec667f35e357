using ConflictGraph.Core.Model;

namespace ConflictGraph.Store.Tests.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    /// <summary>
    /// A group that carried out 40 events, a few of which targeted an army; the army is a hub, targeted in
    /// 60 more events elsewhere, and based in the place where the group's events happened. event:e05-b
    /// sorts before event:e05 in the answer (node ids are joined with '/', and '-' is below '/'); the
    /// group and event:e17 are joined both ways, so two paths run through the same nodes.
    /// </summary>
    private static GraphBatch HubWorld()
    {
        var events = Enumerable.Range(0, 40).Select(i => $"event:e{i:D2}").Append("event:e05-b").ToList();
        var elsewhere = Enumerable.Range(0, 60).Select(i => $"event:h{i:D2}").ToList();
        var nodes = new List<Node>
        {
            new Organization("org:group", "Group", [], null, OrganizationKind.ArmedGroup, null),
            new Organization("org:army", "Army", [], null, OrganizationKind.Military, null),
            new Place("place:here", "Here", [], null, PlaceKind.Region, null),
            new Place("place:there", "There", [], null, PlaceKind.Region, null),
        };
        nodes.AddRange(events.Concat(elsewhere).Select(id => new Event(id, id, EventKind.Other, null, null)));
        var relations = new List<Relation>
        {
            TestWorld.Relation(RelationType.BasedIn, "org:army", "place:here"),
            TestWorld.Relation(RelationType.Targeted, "event:e17", "org:group"),
        };
        relations.AddRange(events.Select(e => TestWorld.Relation(RelationType.CarriedOut, "org:group", e)));
        relations.AddRange(events.Select(e => TestWorld.Relation(RelationType.OccurredIn, e, "place:here")));
        relations.AddRange(new[] { "event:e05", "event:e05-b", "event:e17", "event:e33" }.Select(e => TestWorld.Relation(RelationType.Targeted, e, "org:army")));
        relations.AddRange(elsewhere.Select(e => TestWorld.Relation(RelationType.Targeted, e, "org:army")));
        relations.AddRange(elsewhere.Select(e => TestWorld.Relation(RelationType.OccurredIn, e, "place:there")));
        return new GraphBatch(nodes, relations);
    }

    private static IEnumerable<string> Described(IEnumerable<GraphPath> paths) =>
        paths.Select(p => string.Join(" ", p.NodeIds) + " | " + string.Join(" ", p.Relations.Select(r => EnumNames.Of(r.Type))));

    [SkippableFact]
    public async Task PathsThroughAHubComeInTheOrderOfTheirNodeIdsThenRelationIds()
    {
        var store = await CreateEmptyStoreAsync();
        await store.ImportAsync(HubWorld(), null, None);

        Assert.Equal(
        [
            "org:group event:e05-b org:army | CARRIED_OUT TARGETED",
            "org:group event:e05 org:army | CARRIED_OUT TARGETED",
            "org:group event:e17 org:army | TARGETED TARGETED",
        ], Described(await store.FindPathsAsync("org:group", "org:army", 3, 3, None)));
        Assert.Equal(["org:group event:e05-b org:army | CARRIED_OUT TARGETED"], Described(await store.FindPathsAsync("org:group", "org:army", 3, 1, None)));
        // Ignoring direction, the same paths the other way round, in their own order.
        Assert.Equal(
        [
            "org:army event:e05-b org:group | TARGETED CARRIED_OUT",
            "org:army event:e05 org:group | TARGETED CARRIED_OUT",
            "org:army event:e17 org:group | TARGETED TARGETED",
            "org:army event:e17 org:group | TARGETED CARRIED_OUT",
        ], Described(await store.FindPathsAsync("org:army", "org:group", 3, 4, None)));
    }

    [SkippableFact]
    public async Task TooFewShortestPathsAreFollowedByTheFirstLongerOnesWithinTheDepth()
    {
        var store = await CreateEmptyStoreAsync();
        await store.ImportAsync(HubWorld(), null, None);

        var paths = await store.FindPathsAsync("org:group", "org:army", 3, 8, None);
        Assert.Equal(
        [
            "org:group event:e05-b org:army | CARRIED_OUT TARGETED",
            "org:group event:e05 org:army | CARRIED_OUT TARGETED",
            "org:group event:e17 org:army | TARGETED TARGETED",
            "org:group event:e17 org:army | CARRIED_OUT TARGETED",
            "org:group event:e33 org:army | CARRIED_OUT TARGETED",
            "org:group event:e00 place:here org:army | CARRIED_OUT OCCURRED_IN BASED_IN",
            "org:group event:e01 place:here org:army | CARRIED_OUT OCCURRED_IN BASED_IN",
            "org:group event:e02 place:here org:army | CARRIED_OUT OCCURRED_IN BASED_IN",
        ], Described(paths));
        Assert.Equal(5, (await store.FindPathsAsync("org:group", "org:army", 2, 8, None)).Count);
        Assert.Empty(await store.FindPathsAsync("org:group", "org:army", 1, 8, None));
        Assert.Empty(await store.FindPathsAsync("org:group", "org:army", 3, 0, None));
    }

    [SkippableFact]
    public async Task AnEndWithMoreRelationsThanACheapReadIsWeighedNotTakenFromAPartRead()
    {
        // An army that carried out 1,100 events (more than a search reads before weighing a side); a person was killed
        // in the last of them by id, the last relation a read of the army meets.
        var events = Enumerable.Range(0, 1_100).Select(i => $"event:e{i:D4}").ToList();
        var nodes = new List<Node>
        {
            new Organization("org:army", "Army", [], null, OrganizationKind.Military, null),
            new Person("person:p", "P", [], null, []),
        };
        nodes.AddRange(events.Select(id => new Event(id, id, EventKind.Other, null, null)));
        var relations = events.Select(e => TestWorld.Relation(RelationType.CarriedOut, "org:army", e)).Append(TestWorld.Relation(RelationType.Killed, "event:e1099", "person:p")).ToList();
        var store = await CreateEmptyStoreAsync();
        await store.ImportAsync(new GraphBatch(nodes, relations), null, None);

        Assert.Equal(["org:army event:e1099 person:p | CARRIED_OUT KILLED"], Described(await store.FindPathsAsync("org:army", "person:p", 2, 3, None)));
        Assert.Equal(["person:p event:e1099 org:army | KILLED CARRIED_OUT"], Described(await store.FindPathsAsync("person:p", "org:army", 2, 3, None)));
    }
}
