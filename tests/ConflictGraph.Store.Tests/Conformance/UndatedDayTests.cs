using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Store.Tests.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    // Dates at both ends of what a date can be, 9999-12-31 being the day an undated row's cursor names when dates
    // ascend; two rows share a day; two are undated, their ids falling between those of the rows dated 9999-12-31.
    private static readonly (string Name, FuzzyDate? Date)[] UndatedDayRows =
    [
        ("a", FuzzyDate.Day(DateOnly.MaxValue)), ("b", null), ("c", FuzzyDate.Day(DateOnly.MaxValue)), ("d", null),
        ("e", TestWorld.June27), ("f", TestWorld.June27), ("g", FuzzyDate.Day(DateOnly.MinValue)),
    ];

    /// <summary>The names in each order: dated rows by date (ids ascending within one), the undated last by id.</summary>
    private static readonly Dictionary<NodeOrder, string[]> UndatedDayOrder = new()
    {
        [NodeOrder.DateAsc] = ["g", "e", "f", "a", "c", "b", "d"],
        [NodeOrder.DateDesc] = ["a", "c", "e", "f", "g", "b", "d"],
    };

    private static GraphBatch UndatedDayGraph()
    {
        var nodes = new List<Node>
        {
            new Place("place:town", "Town", [], null, PlaceKind.City, null),
            new Organization("org:group", "Group", [], null, OrganizationKind.ArmedGroup, null),
        };
        nodes.AddRange(UndatedDayRows.Select(e => new Event($"event:{e.Name}", $"Event {e.Name}", EventKind.RocketAttack, null, e.Date)));
        nodes.AddRange(UndatedDayRows.Select(e => new Statement($"statement:{e.Name}", $"Words {e.Name}.", e.Name == "b" ? Stance.Denies : Stance.Asserts,
            e.Date, null, null, "org:group", null, ["event:a"], null, [])));
        var relations = UndatedDayRows.SelectMany(e => new[]
        {
            TestWorld.Relation(RelationType.OccurredIn, $"event:{e.Name}", "place:town"),
            TestWorld.Relation(RelationType.CarriedOut, "org:group", $"event:{e.Name}"),
        });
        return new GraphBatch(nodes, relations.ToList());
    }

    /// <summary>The lists in date order that the edge-dated graph fills, each with the prefix of its ids.</summary>
    private static IEnumerable<(string What, NodeQuery Query, string Prefix)> UndatedDayLists(NodeOrder order)
    {
        NodeQuery Events(EventCriteria? criteria = null) => new() { Kinds = [NodeKind.Event], Order = order, Events = criteria };
        NodeQuery Said(StatementCriteria criteria) => new() { Kinds = [NodeKind.Statement], Order = order, Statements = criteria };
        yield return ("events", Events(), "event:");
        yield return ("events in the town", Events(new EventCriteria { PlaceId = "place:town" }), "event:");
        yield return ("events the group carried out", Events(new EventCriteria { PerpetratorId = "org:group" }), "event:");
        yield return ("statements about an event", Said(new StatementCriteria { AboutId = "event:a" }), "statement:");
        yield return ("the group's statements", Said(new StatementCriteria { ActorId = "org:group" }), "statement:");
        yield return ("statements spoken for the group", Said(new StatementCriteria { OrganizationId = "org:group" }), "statement:");
    }

    [SkippableFact]
    public async Task ListsInDateOrderTellRowsDatedOnTheUndatedDayFromUndatedOnesAtEveryCut()
    {
        var store = await CreateEmptyStoreAsync();
        await store.ImportAsync(UndatedDayGraph(), null, None);

        foreach (var (order, names) in UndatedDayOrder)
        {
            foreach (var (what, query, prefix) in UndatedDayLists(order))
            {
                var ids = names.Select(n => prefix + n).ToArray();
                var whole = (await store.FindNodesAsync([(query, new PageRequest(500))], None))[0];
                Assert.True(ids.SequenceEqual(whole.Items.Select(i => i.Item.Id)), $"{what}, {order}: {string.Join(" ", whole.Items.Select(i => i.Item.Id))}");
                Assert.Equal(ids.Length, whole.TotalCount);
                for (var cut = 1; cut <= ids.Length; cut++)
                {
                    // Cut after any row, the rest comes whole; walked in pages of the cut's size, each row comes once, with
                    // the cursor it has on the whole page; by keys alone the same.
                    var first = (await store.FindNodesAsync([(query, new PageRequest(cut, CountTotal: cut % 2 == 0))], None))[0];
                    var rest = (await store.FindNodesAsync([(query, new PageRequest(500, first.EndCursor))], None))[0];
                    Assert.True(ids.SequenceEqual(first.Items.Concat(rest.Items).Select(i => i.Item.Id)), $"{what}, {order}, cut after {cut}");
                    Assert.Equal(cut < ids.Length, first.HasNextPage);
                    var walked = new List<PageItem<Node>>();
                    string? after = null;
                    for (var pages = 0; pages <= ids.Length; pages++)
                    {
                        var page = (await store.FindNodesAsync([(query, new PageRequest(cut, after, CountTotal: false, KeysOnly: pages % 2 == 1))], None))[0];
                        walked.AddRange(page.Items);
                        if (!page.HasNextPage) break;
                        after = page.EndCursor;
                    }
                    Assert.True(whole.Items.Select(i => (i.Item.Id, i.Cursor)).SequenceEqual(walked.Select(i => (i.Item.Id, i.Cursor))), $"{what}, {order}, pages of {cut}");
                }
            }
        }
    }

    [SkippableFact]
    public async Task ACursorIssuedBeforeDatesOnTheUndatedDayWereToldApartStillResumesAmongTheUndatedRows()
    {
        var store = await CreateEmptyStoreAsync();
        await store.ImportAsync(UndatedDayGraph(), null, None);
        var about = new NodeQuery { Kinds = [NodeKind.Statement], Order = NodeOrder.DateAsc, Statements = new StatementCriteria { AboutId = "event:a" } };

        // What every cursor after an undated row said, and still says: the undated day and the row's id.
        var old = Cursor.Encode("a:9999-12-31", "statement:b");
        var rest = (await store.FindNodesAsync([(about, new PageRequest(500, old))], None))[0];

        Assert.Equal(["statement:d"], rest.Items.Select(i => i.Item.Id));
        var whole = (await store.FindNodesAsync([(about, new PageRequest(500))], None))[0];
        Assert.Equal(old, whole.Items.Single(i => i.Item.Id == "statement:b").Cursor);
        Assert.NotEqual(old, whole.Items.Single(i => i.Item.Id == "statement:a").Cursor);
    }

    [SkippableFact]
    public async Task ADateOrdersCursorWhoseKeyIsNoDateIsRefused()
    {
        var store = await CreateEmptyStoreAsync();
        await store.ImportAsync(UndatedDayGraph(), null, None);

        foreach (var key in new[] { "a:2021-06-27 dated", "a:not-a-date", "d:9999-12-31 dated" })
        {
            var order = key[0] == 'a' ? NodeOrder.DateAsc : NodeOrder.DateDesc;
            var query = new NodeQuery { Kinds = [NodeKind.Event], Order = order };
            await Assert.ThrowsAsync<InvalidCursorException>(() => store.FindNodesAsync([(query, new PageRequest(5, Cursor.Encode(key, "event:a")))], None));
        }
    }
}
