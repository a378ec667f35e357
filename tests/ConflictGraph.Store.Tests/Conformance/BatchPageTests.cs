using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Store.Tests.Conformance;

/// <summary>
/// A batch of top-level pages (one statement on Neo4j, however many pages and shapes) answers each page as that page
/// asked alone is answered: whatever its filter, order, cursor, size or total, and whatever pages stand beside it.
/// </summary>
public abstract partial class GraphStoreConformanceTests
{
    private async Task<List<(NodeQuery Query, PageRequest Page)>> PagesOfEveryShapeAsync(IGraphStore store)
    {
        var pages = new List<(NodeQuery, PageRequest)>();
        foreach (var order in Enum.GetValues<NodeOrder>())
        {
            // The first two, the two after them without a total, keys only, and a page after the last event.
            var first = (await store.FindNodesAsync([(Events(order: order), new PageRequest(2))], None))[0];
            var all = (await store.FindNodesAsync([(Events(order: order), new PageRequest(20))], None))[0];
            pages.Add((Events(order: order), new PageRequest(2)));
            pages.Add((Events(order: order), new PageRequest(2, first.EndCursor, CountTotal: false)));
            pages.Add((Events(order: order), new PageRequest(2, first.EndCursor, KeysOnly: true)));
            pages.Add((Events(order: order), new PageRequest(5, all.EndCursor)));
        }
        pages.AddRange(
        [
            (Events(new EventCriteria { PlaceId = "place:syria" }), new PageRequest(5)),
            (Events(new EventCriteria { PerpetratorId = "org:kh" }), new PageRequest(5)),
            (Events(new EventCriteria { TargetId = "org:kh", Kinds = [EventKind.Airstrike] }), new PageRequest(5)),
            (Events(new EventCriteria { From = new DateOnly(2021, 6, 27), To = new DateOnly(2021, 6, 28) }), new PageRequest(5)),
            (StatementsOf(new StatementCriteria { AboutId = "event:strikes" }), new PageRequest(2)),
            (StatementsOf(new StatementCriteria { AboutId = "event:drones" }), new PageRequest(2)),
            (StatementsOf(new StatementCriteria { SpeakerId = "person:kirby" }, NodeOrder.DateDesc), new PageRequest(5)),
            (StatementsOf(new StatementCriteria { OrganizationId = "org:kh" }), new PageRequest(5)),
            (StatementsOf(new StatementCriteria { Anonymous = true }), new PageRequest(5)),
            (StatementsOf(new StatementCriteria { AboutId = "event:none" }), new PageRequest(5)),
            (StatementsOf(new StatementCriteria { AboutId = "event:none" }), new PageRequest(0)),
            (Events(), new PageRequest(0)),
            (Events(), new PageRequest(0, CountTotal: false)),
            (new NodeQuery { Kinds = [NodeKind.Organization], OrganizationKinds = [OrganizationKind.ArmedGroup] }, new PageRequest(5)),
            (new NodeQuery { Kinds = [NodeKind.Place], WithinPlaceId = "place:syria", Order = NodeOrder.Id }, new PageRequest(5)),
            (new NodeQuery { Kinds = [NodeKind.Person, NodeKind.Organization], Ids = ["person:kirby", "org:kh", "event:strikes"] }, new PageRequest(5)),
            (new NodeQuery { Kinds = [NodeKind.Organization], Text = "kataib" }, new PageRequest(5)),
            (new NodeQuery { Kinds = [] }, new PageRequest(5)),
        ]);
        return pages;
    }

    [SkippableFact]
    public async Task ABatchOfPagesAnswersEachPageAsItIsAnsweredAlone()
    {
        var store = await CreateWorldAsync();
        var pages = await PagesOfEveryShapeAsync(store);

        var batch = await store.FindNodesAsync(pages, None);

        var alone = new List<Page<Node>>();
        foreach (var page in pages) alone.Add((await store.FindNodesAsync([page], None))[0]);
        AssertSamePages(alone, batch);
        // The batch is not empty by accident: pages with items, a page past the end, and an empty page.
        Assert.Equal(2, batch[0].Items.Count);
        Assert.True(batch[0].HasNextPage);
        Assert.Null(batch[1].TotalCount);
        Assert.All(batch[2].Items, i => Assert.IsType<NodeKey>(i.Item));
        Assert.Equal((0, false, true, 5), (batch[3].Items.Count, batch[3].HasNextPage, batch[3].HasPreviousPage, batch[3].TotalCount));
        Assert.Equal("event:drones", Assert.Single(batch[13].Items).Item.Id);
        Assert.Equal((0, 0), (batch[21].Items.Count, batch[21].TotalCount));
        Assert.Equal(["org:kh"], batch[^2].Items.Select(i => i.Item.Id));
    }
}
