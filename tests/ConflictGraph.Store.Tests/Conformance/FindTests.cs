using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Store.Tests.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    private static NodeQuery Events(EventCriteria? criteria = null, NodeOrder order = NodeOrder.DateAsc) =>
        new() { Kinds = [NodeKind.Event], Events = criteria, Order = order };

    private async Task<Page<Node>> FindAsync(IGraphStore store, NodeQuery query, int first = 20, string? after = null) =>
        (await store.FindNodesAsync([(query, new PageRequest(first, after))], None))[0];

    [SkippableFact]
    public async Task EventsComeInDateOrderEitherWay()
    {
        var store = await CreateWorldAsync();
        var ascending = await FindAsync(store, Events());
        Assert.Equal(["event:killing", "event:drones", "event:strikes", "event:artillery", "event:rockets"], ascending.Items.Select(i => i.Item.Id));
        var descending = await FindAsync(store, Events(order: NodeOrder.DateDesc));
        Assert.Equal(["event:artillery", "event:rockets", "event:strikes", "event:drones", "event:killing"], descending.Items.Select(i => i.Item.Id));
    }

    [SkippableFact]
    public async Task PagesWalkTheWholeListWithoutGapsOrRepeats()
    {
        var store = await CreateWorldAsync();
        foreach (var order in new[] { NodeOrder.Id, NodeOrder.DateAsc, NodeOrder.DateDesc })
        {
            var all = (await FindAsync(store, Events(order: order))).Items.Select(i => i.Item.Id).ToList();
            var walked = new List<string>();
            string? after = null;
            var pages = 0;
            while (true)
            {
                var page = await FindAsync(store, Events(order: order), 2, after);
                Assert.Equal(5, page.TotalCount);
                Assert.Equal(after is not null, page.HasPreviousPage);
                walked.AddRange(page.Items.Select(i => i.Item.Id));
                pages++;
                if (!page.HasNextPage) break;
                after = page.EndCursor;
            }
            Assert.Equal(all, walked);
            Assert.Equal(3, pages);
        }
    }

    [SkippableFact]
    public async Task APageAfterTheLastItemIsEmpty()
    {
        var store = await CreateWorldAsync();
        var all = await FindAsync(store, Events());
        var beyond = await FindAsync(store, Events(), 10, all.EndCursor);
        Assert.Empty(beyond.Items);
        Assert.False(beyond.HasNextPage);
        Assert.Equal(5, beyond.TotalCount);
    }

    [SkippableFact]
    public async Task FirstZeroCountsWithoutItems()
    {
        var store = await CreateWorldAsync();
        var page = await FindAsync(store, Events(), 0);
        Assert.Empty(page.Items);
        Assert.Equal(5, page.TotalCount);
    }

    [SkippableFact]
    public async Task ACursorFromAnotherOrderOrNotOursIsRefused()
    {
        var store = await CreateWorldAsync();
        var byDate = await FindAsync(store, Events(), 1);
        await Assert.ThrowsAsync<InvalidCursorException>(() => FindAsync(store, Events(order: NodeOrder.Id), 1, byDate.EndCursor));
        await Assert.ThrowsAsync<InvalidCursorException>(() => FindAsync(store, Events(), 1, "not-a-cursor"));
    }

    [SkippableFact]
    public async Task ManyQueriesAreAnsweredInOneCallInOrder()
    {
        var store = await CreateWorldAsync();
        var pages = await store.FindNodesAsync(
        [
            (new NodeQuery { Kinds = [NodeKind.Person] }, new PageRequest(10)),
            (Events(new EventCriteria { PerpetratorId = "org:kh" }), new PageRequest(10)),
            (new NodeQuery { Kinds = [NodeKind.Statement], Statements = new StatementCriteria { AboutId = "event:strikes" } }, new PageRequest(2)),
        ], None);
        Assert.Equal(2, pages[0].TotalCount);
        Assert.Equal("event:drones", Assert.Single(pages[1].Items).Item.Id);
        Assert.Equal(3, pages[2].TotalCount);
        Assert.True(pages[2].HasNextPage);
    }

    [SkippableFact]
    public async Task EventsAreFilteredByKindDatePlaceAndTarget()
    {
        var store = await CreateWorldAsync();
        async Task<IEnumerable<string>> Ids(EventCriteria criteria) => (await FindAsync(store, Events(criteria, NodeOrder.Id))).Items.Select(i => i.Item.Id);
        Assert.Equal(["event:rockets"], await Ids(new() { Kinds = [EventKind.RocketAttack] }));
        // A month-precision range overlaps any day inside it.
        Assert.Equal(["event:drones"], await Ids(new() { From = new DateOnly(2021, 5, 10), To = new DateOnly(2021, 5, 10) }));
        Assert.Equal(["event:rockets", "event:strikes"], await Ids(new() { PlaceId = "place:syria" }));
        Assert.Equal(["event:strikes"], await Ids(new() { TargetId = "org:kh" }));
    }

    [SkippableFact]
    public async Task StatementsAreFilteredBySpeakerOrganizationStanceAndSource()
    {
        var store = await CreateWorldAsync();
        async Task<IEnumerable<string>> Ids(StatementCriteria criteria) =>
            (await FindAsync(store, new NodeQuery { Kinds = [NodeKind.Statement], Statements = criteria })).Items.Select(i => i.Item.Id);
        Assert.Equal(["statement:kirby"], await Ids(new() { SpeakerId = "person:kirby" }));
        Assert.Equal(["statement:kirby"], await Ids(new() { OrganizationId = "org:pentagon" }));
        Assert.Equal(["statement:militia"], await Ids(new() { ActorId = "org:kh" }));
        Assert.Equal(["statement:militia"], await Ids(new() { Stances = [Stance.Denies] }));
        Assert.Equal(3, (await Ids(new() { SourceId = "source:report" })).Count());
    }

    [SkippableFact]
    public async Task ActorsAndPlacesAreFilteredByTheirKinds()
    {
        var store = await CreateWorldAsync();
        var armed = await FindAsync(store, new NodeQuery { Kinds = [NodeKind.Person, NodeKind.Organization], OrganizationKinds = [OrganizationKind.ArmedGroup] });
        Assert.Equal("org:kh", Assert.Single(armed.Items).Item.Id);
        var countries = await FindAsync(store, new NodeQuery { Kinds = [NodeKind.Place], PlaceKinds = [PlaceKind.Country] });
        Assert.Equal(["place:iraq", "place:syria"], countries.Items.Select(i => i.Item.Id));
        var insideSyria = await FindAsync(store, new NodeQuery { Kinds = [NodeKind.Place], WithinPlaceId = "place:syria" });
        Assert.Equal(["place:deir", "place:depot"], insideSyria.Items.Select(i => i.Item.Id));
        var named = await FindAsync(store, new NodeQuery { Kinds = [NodeKind.Organization], Text = "kataib" });
        Assert.Equal("org:kh", Assert.Single(named.Items).Item.Id);
    }

    [SkippableFact]
    public async Task EventsInAPlaceWithinAWindowFollowTheirDatesAndPlaces()
    {
        var store = await CreateWorldAsync();
        async Task<IEnumerable<string>> InSyriaOnJune27() => (await FindAsync(store, Events(new EventCriteria
        {
            PlaceId = "place:syria", From = new DateOnly(2021, 6, 27), To = new DateOnly(2021, 6, 27),
        }))).Items.Select(i => i.Item.Id);
        Assert.Equal(["event:strikes"], await InSyriaOnJune27());

        // The rockets move to the 27th; then the region they fell in is deleted, and its OCCURRED_IN with it.
        await store.ImportAsync(new GraphBatch([new Event("event:rockets", "Rockets fired at a base", EventKind.RocketAttack, null, TestWorld.June27)], []), null, None);
        Assert.Equal(["event:rockets", "event:strikes"], (await InSyriaOnJune27()).Order());
        Assert.True(await store.DeleteNodeAsync("place:deir", null, None));
        Assert.Empty(await InSyriaOnJune27());
    }

    [SkippableFact]
    public async Task EventsInAPlacePageInDateOrderEitherWayWithoutGapsOrRepeats()
    {
        var store = await CreateWorldAsync();
        // Whole countries: an event may have happened in several places inside one, and is listed once.
        foreach (var criteria in new EventCriteria[]
        {
            new() { PlaceId = "place:syria" }, new() { PlaceId = "place:iraq" },
            new() { PlaceId = "place:syria", From = new DateOnly(2021, 6, 1), To = new DateOnly(2021, 6, 30) },
        })
            foreach (var order in new[] { NodeOrder.DateAsc, NodeOrder.DateDesc })
            {
                var all = (await FindAsync(store, Events(criteria, order))).Items.Select(i => i.Item).ToList();
                Assert.NotEmpty(all);
                var dates = all.Select(e => ((Event)e).Date?.Start.ToString("yyyy-MM-dd") ?? (order == NodeOrder.DateAsc ? "9999" : "0000")).ToList();
                Assert.Equal(order == NodeOrder.DateAsc ? dates.Order(StringComparer.Ordinal) : dates.OrderDescending(StringComparer.Ordinal), dates);
                var walked = new List<string>();
                string? after = null;
                string? last = null;
                do
                {
                    // Every page, the first, the middle ones and the last, carries the whole total.
                    var page = await FindAsync(store, Events(criteria, order), 1, after);
                    Assert.Equal(all.Count, page.TotalCount);
                    walked.AddRange(page.Items.Select(i => i.Item.Id));
                    last = page.Items[^1].Cursor;
                    after = page.HasNextPage ? last : null;
                }
                while (after is not null);
                Assert.Equal(all.Select(e => e.Id), walked);
                // After the last event: no row, and still the total.
                var beyond = await FindAsync(store, Events(criteria, order), 2, last);
                Assert.Empty(beyond.Items);
                Assert.Equal(all.Count, beyond.TotalCount);
            }
    }

    [SkippableFact]
    public async Task EventsInAPlaceWithinAWindowCountEachEventOnceOnEveryPage()
    {
        var store = await CreateWorldAsync();
        // The strikes happened in two places inside Syria (the depot and Deir ez-Zor), and count once.
        await store.ImportAsync(new GraphBatch([], [TestWorld.Relation(RelationType.OccurredIn, "event:strikes", "place:deir")]), null, None);
        var june = Events(new EventCriteria { PlaceId = "place:syria", From = new DateOnly(2021, 6, 1), To = new DateOnly(2021, 6, 30) });
        var all = await FindAsync(store, june);
        Assert.Equal(all.Items.Count, all.TotalCount);
        Assert.Equal(all.Items.Select(i => i.Item.Id).Distinct(), all.Items.Select(i => i.Item.Id));
        Assert.Contains("event:strikes", all.Items.Select(i => i.Item.Id));
        var first = await FindAsync(store, june, 1);
        Assert.Equal(all.TotalCount, first.TotalCount);
        Assert.Equal(all.Items[0].Item.Id, Assert.Single(first.Items).Item.Id);
        // Not asked for: no total.
        var uncounted = (await store.FindNodesAsync([(june, new PageRequest(1, null, false))], None))[0];
        Assert.Null(uncounted.TotalCount);
        Assert.Equal(all.Items[0].Item.Id, Assert.Single(uncounted.Items).Item.Id);
    }

    [SkippableFact]
    public async Task AStatementFoundBySeveralOfItsReferencesCountsOnceInTheTotal()
    {
        var store = await CreateWorldAsync();
        // Kirby speaks for the Pentagon and belongs to it: his statement is the organization's twice over.
        foreach (var criteria in new StatementCriteria[] { new() { OrganizationId = "org:pentagon" }, new() { ActorId = "org:pentagon" }, new() { ActorId = "person:kirby" } })
            foreach (var order in new[] { NodeOrder.DateAsc, NodeOrder.DateDesc, NodeOrder.Id })
            {
                var page = await FindAsync(store, new NodeQuery { Kinds = [NodeKind.Statement], Statements = criteria, Order = order });
                Assert.Equal(["statement:kirby"], page.Items.Select(i => i.Item.Id));
                Assert.Equal(1, page.TotalCount);
            }
    }
}
