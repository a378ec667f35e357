using ConflictGraph.Cli.Generate;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;
using ConflictGraph.Sqlite.Schema;
using ConflictGraph.Store.Tests.Conformance;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>
/// The dated place_events rows kept with their events' bodies (place_event_bodies, schema 22): after every kind of write
/// the table is what deriving it from scratch gives, and a place's pages in a window, read from it, equal the same pages
/// read through the nodes table (a criterion the kept bodies do not answer); a bulk import derives what the triggers keep
/// row by row, a stopped import leaves the rows as they were, and a schema-21 file gains them on open.
/// </summary>
public sealed class PlaceEventBodiesTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private const string Rows = $"SELECT place_id, span, date_start, event_id, date_end, body FROM {PlaceEventBodies.Table} ORDER BY 1, 2, 3, 4";

    private static readonly KeptTable Kept = new(PlaceEventBodies.Table, PlaceEventBodies.Fill, Rows, PlaceEventBodies.Triggers, "place_event_bodies");

    private readonly TemporaryStores files = new("conflictgraph-placeeventbodies-");

    [Fact]
    public async Task TheBodiesFollowEveryKindOfWriteAndThePagesReadThemAsTheNodes()
    {
        // Written row by row, so the triggers keep place_events and the bodies, as the service's writes do.
        var (store, path) = files.Open("writes.db", bulkLoads: false);
        await store.ImportAsync(KeptCounts.Batch(KeptCounts.Small), null, None);
        var oracle = await AggregateOracle.FromExportAsync(store);
        var places = PlacesWithEvents(oracle);
        string CityOf(string country) => places.First(p => oracle.Node(p) is Place { PlaceKind: PlaceKind.City } && oracle.PlaceAndAbove(p).Contains(country));
        var countries = places.Where(p => oracle.Node(p) is Place { PlaceKind: PlaceKind.Country }).Take(2).ToList();
        async Task CheckAsync(string step)
        {
            KeptCounts.AssertIsRecount(path, Kept);
            var now = await AggregateOracle.FromExportAsync(store);
            var placed = PlacesWithEvents(now);
            var some = countries.Concat(placed.Where(p => p.StartsWith("place:site-", StringComparison.Ordinal))).Concat(placed.Where((_, i) => i % 9 == 0));
            await AssertPagesAsync(store, now, some.Distinct().ToList(), step);
        }
        await CheckAsync("the import");

        Place Site(string id) => new(id, $"Site {id}", [], null, PlaceKind.Site, null);
        var written = new Event("event:written", "An event written again and again", EventKind.Airstrike, null,
            new FuzzyDate(new DateOnly(2016, 5, 20), new DateOnly(2016, 8, 10), DatePrecision.Days));
        await store.ImportAsync(new GraphBatch([written, Site("place:site-a")],
            [TestWorld.Relation(RelationType.LocatedIn, "place:site-a", CityOf(countries[0])), TestWorld.Relation(RelationType.OccurredIn, written.Id, "place:site-a")]), null, None);
        await CheckAsync("an event added");
        string SiteBody() => SqliteFile.Query(path, $"SELECT body FROM {PlaceEventBodies.Table} WHERE place_id = 'place:site-a'").Single();
        await store.ImportAsync(new GraphBatch([written with { Title = "An event retitled, its dates as they were" }], []), null, None);
        await CheckAsync("the event retitled");
        Assert.Contains("retitled", SiteBody(), StringComparison.Ordinal);
        await store.ImportAsync(new GraphBatch([written with { Title = "Redated and retitled", Date = new FuzzyDate(new DateOnly(2016, 12, 20), new DateOnly(2017, 2, 3), DatePrecision.Days) }], []), null, None);
        await CheckAsync("the event redated and retitled in one write");
        Assert.Contains("Redated and retitled", SiteBody(), StringComparison.Ordinal);
        await store.ImportAsync(new GraphBatch([written with { Title = "Redated and retitled", Date = new FuzzyDate(new DateOnly(2014, 3, 10), new DateOnly(2019, 8, 2), DatePrecision.Days) }], []), null, None);
        await CheckAsync("the event redated to span five years");
        await store.ImportAsync(new GraphBatch([Site("place:site-b")],
            [TestWorld.Relation(RelationType.LocatedIn, "place:site-b", CityOf(countries[1])), TestWorld.Relation(RelationType.OccurredIn, written.Id, "place:site-b")]), null, None);
        Assert.True(await store.DeleteNodeAsync("place:site-a", null, None));
        await CheckAsync("the event moved to another country");
        await store.ImportAsync(new GraphBatch([], [TestWorld.Relation(RelationType.LocatedIn, "place:site-b", CityOf(countries[0]))]), null, None);
        await CheckAsync("its site put in a second country's city too");
        var region = SqliteFile.Query(path, $"SELECT to_id FROM relations WHERE type = 'LOCATED_IN' AND from_id = '{CityOf(countries[1])}'").Single();
        Assert.True(await store.DeleteNodeAsync(region, null, None));
        await CheckAsync("a region deleted (its cities re-parented to nothing)");
        await store.ImportAsync(new GraphBatch([written with { Date = null }], []), null, None);
        await CheckAsync("the event undated");
        Assert.Empty(SqliteFile.Query(path, $"SELECT place_id FROM {PlaceEventBodies.Table} WHERE event_id = '{written.Id}'"));
        await store.ImportAsync(new GraphBatch([written with { Date = FuzzyDate.Day(new DateOnly(2016, 6, 30)) }], []), null, None);
        await CheckAsync("the event dated again");
        Assert.NotEmpty(SqliteFile.Query(path, $"SELECT place_id FROM {PlaceEventBodies.Table} WHERE event_id = '{written.Id}'"));
        Assert.True(await store.DeleteNodeAsync(written.Id, null, None));
        await CheckAsync("the event deleted");
        Assert.Empty(SqliteFile.Query(path, $"SELECT place_id FROM {PlaceEventBodies.Table} WHERE event_id = '{written.Id}'"));
    }

    [Fact]
    public async Task ABulkImportDerivesTheBodiesTheTriggersKeepRowByRow()
    {
        var batch = GraphInputMapper.ToBatch(GraphGenerator.Whole(new GenerationSettings(400, 7, EventsPerFile: 400)));
        var (_, _, rowsPath) = await KeptCounts.AssertBulkImportDerivesWhatTheTriggersKeepAsync(files, batch, Rows, atLeast: 400);
        KeptCounts.AssertIsRecount(rowsPath, Kept);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public Task AStoppedImportLeavesTheBodiesAsTheyWere(bool bulkLoads) => KeptCounts.AssertStoppedImportLeavesThemAsTheyWereAsync(files, Kept, bulkLoads);

    [Fact]
    public async Task AVersion21FileGainsTheBodiesOnOpenAndKeepsThem()
    {
        var (reopened, path, _) = await KeptCounts.AssertOlderFileGainsThemAsync(files, Kept, 21);

        var city = SqliteFile.Query(path, "SELECT place_id FROM event_places e CROSS JOIN nodes n ON n.id = e.place_id WHERE n.sub_kind = 'CITY' ORDER BY place_id LIMIT 1").Single();
        Assert.True(await reopened.DeleteNodeAsync(city, null, None));
        KeptCounts.AssertIsRecount(path, Kept);
        var oracle = await AggregateOracle.FromExportAsync(reopened);
        await AssertPagesAsync(reopened, oracle, PlacesWithEvents(oracle).Where((_, i) => i % 7 == 0).ToList(), "after the migration");
    }

    private static List<string> PlacesWithEvents(AggregateOracle oracle) => oracle.Events.SelectMany(e => oracle.Far(e.Id, RelationType.OccurredIn, true))
        .SelectMany(oracle.PlaceAndAbove).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// For each place, windows of one and several months around the events' middle, in both date orders, with and without
    /// the total, the first page and the next: the page read from the kept bodies equals the one read through the nodes
    /// table (every event kind named beside the place, a criterion the bodies do not answer), node for node and cursor for
    /// cursor, and its events equal the oracle's in the window there.
    /// </summary>
    private static async Task AssertPagesAsync(SqliteGraphStore store, AggregateOracle oracle, IReadOnlyList<string> places, string step)
    {
        var middle = oracle.Events.Where(e => e.Date is not null).Select(e => e.Date!.Start).Order().ElementAt(oracle.Events.Count(e => e.Date is not null) / 2);
        var month = new DateOnly(middle.Year, middle.Month, 1);
        (DateOnly From, DateOnly To)[] windows =
        [
            (month, month.AddMonths(1).AddDays(-1)), (month.AddMonths(-5), month.AddMonths(7).AddDays(-1)), (month.AddDays(3), month.AddMonths(2).AddDays(-9)),
            (new DateOnly(2016, 6, 1), new DateOnly(2016, 6, 30)), (new DateOnly(2014, 1, 1), new DateOnly(2019, 12, 31)),
        ];
        var placesOf = oracle.Events.ToDictionary(e => e.Id, e => oracle.Far(e.Id, RelationType.OccurredIn, true).SelectMany(oracle.PlaceAndAbove).ToHashSet());
        var nonempty = 0;
        foreach (var place in places)
            foreach (var (from, to) in windows)
                foreach (var order in new[] { NodeOrder.DateAsc, NodeOrder.DateDesc })
                    foreach (var total in new[] { true, false })
                    {
                        NodeQuery Query(IReadOnlyList<EventKind>? kinds) => new()
                        {
                            Kinds = [NodeKind.Event], Order = order, Events = new EventCriteria { PlaceId = place, From = from, To = to, Kinds = kinds },
                        };
                        var where = $"{step}: {place} {from}..{to} {order} total {total}";
                        var expected = oracle.Events.Where(e => e.Date is { } date && date.Overlaps(from, to) && placesOf[e.Id].Contains(place)).Select(e => e.Id).Order(StringComparer.Ordinal).ToList();
                        string? after = null;
                        var seen = new List<string>();
                        do
                        {
                            var pages = await store.FindNodesAsync(
                                [(Query(null), new PageRequest(4, after, CountTotal: total)), (Query(Enum.GetValues<EventKind>()), new PageRequest(4, after, CountTotal: total))], None);
                            Assert.True(pages[1].Items.Select(Written).SequenceEqual(pages[0].Items.Select(Written)),
                                $"{where}: from the bodies [{string.Join(", ", pages[0].Items.Select(Written))}], through the nodes [{string.Join(", ", pages[1].Items.Select(Written))}]");
                            Assert.Equal(pages[1].HasNextPage, pages[0].HasNextPage);
                            seen.AddRange(pages[0].Items.Select(i => i.Item.Id));
                            after = pages[0].HasNextPage ? pages[0].Items[^1].Cursor : null;
                        }
                        while (after is not null && seen.Count < 12);
                        if (seen.Count < 12) Assert.True(expected.SequenceEqual(seen.Order(StringComparer.Ordinal)), $"{where}: {seen.Count} read, the oracle {expected.Count}");
                        if (seen.Count > 0) nonempty++;
                    }
        Assert.True(nonempty >= 10, $"{step}: only {nonempty} windows held events, so the comparison proves little");
    }

    /// <summary>An item as an answer shows it: the node written out whole, and its cursor.</summary>
    private static string Written(PageItem<Node> item) => $"{NodeJson.Serialize(item.Item)} @ {item.Cursor}";

    public void Dispose() => files.Dispose();
}
