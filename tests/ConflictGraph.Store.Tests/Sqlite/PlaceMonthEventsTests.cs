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
/// The kept months of places' events (place_month_events, schema 20): the total of a place's events in a window of whole
/// months, read from them, is the number of events the window overlaps there (the oracle's, and the store's own count of
/// the same events through a criterion the kept months do not answer), after every kind of write; the triggers leave what
/// deriving the table from scratch gives; a bulk import derives the same; a schema-19 file gains it on open.
/// </summary>
public sealed class PlaceMonthEventsTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private const string Months = $"SELECT place_id, month, overlapping, starting FROM {PlaceMonthEvents.Table} ORDER BY 1, 2";

    private static readonly KeptTable Kept = new(PlaceMonthEvents.Table, PlaceMonthEvents.Fill, Months, PlaceMonthEvents.Triggers, "place_month_events");

    private readonly TemporaryStores files = new("conflictgraph-placemonthevents-");

    [Fact]
    public void OnlyWindowsOfWholeMonthsAreAnsweredByTheKeptMonths()
    {
        Assert.True(PlaceMonthEvents.Answers(new DateOnly(2020, 2, 1), new DateOnly(2020, 2, 29)));
        Assert.True(PlaceMonthEvents.Answers(new DateOnly(2019, 11, 1), new DateOnly(2021, 1, 31)));
        Assert.False(PlaceMonthEvents.Answers(new DateOnly(2020, 2, 1), new DateOnly(2020, 2, 28)), "February 2020 has 29 days");
        Assert.False(PlaceMonthEvents.Answers(new DateOnly(2020, 2, 2), new DateOnly(2020, 2, 29)));
        Assert.False(PlaceMonthEvents.Answers(new DateOnly(2020, 3, 1), new DateOnly(2020, 2, 29)), "an empty window");
        Assert.False(PlaceMonthEvents.Answers(new DateOnly(2020, 2, 1), null));
        Assert.False(PlaceMonthEvents.Answers(null, new DateOnly(2020, 2, 29)));
    }

    [Fact]
    public async Task TheKeptTotalsFollowEveryKindOfWrite()
    {
        // Written row by row, so the triggers keep place_events and the months, as the service's writes do.
        var (store, path) = files.Open("writes.db", bulkLoads: false);
        await store.ImportAsync(GraphInputMapper.ToBatch(GraphGenerator.Whole(new GenerationSettings(600, 5, EventsPerFile: 600))), null, None);
        var oracle = await AggregateOracle.FromExportAsync(store);
        var places = PlacesWithEvents(oracle);
        string CityOf(string country) => places.First(p => oracle.Node(p) is Place { PlaceKind: PlaceKind.City } && oracle.PlaceAndAbove(p).Contains(country));
        var countries = places.Where(p => oracle.Node(p) is Place { PlaceKind: PlaceKind.Country }).Take(2).ToList();
        async Task CheckAsync(string step)
        {
            Assert.Equal(Derived(path), SqliteFile.Query(path, Months));
            var now = await AggregateOracle.FromExportAsync(store);
            var placed = PlacesWithEvents(now);
            // The two countries, the sites the writes use and a few places of every level: the oracle walks every event's places.
            var some = countries.Concat(placed.Where(p => p.StartsWith("place:site-", StringComparison.Ordinal))).Concat(placed.Where((_, i) => i % 9 == 0));
            await AssertTotalsAsync(store, now, some.Distinct().ToList(), step);
        }
        await CheckAsync("the import");

        Place Site(string id) => new(id, $"Site {id}", [], null, PlaceKind.Site, null);
        var written = new Event("event:written", "An event written again and again", EventKind.Airstrike, null,
            new FuzzyDate(new DateOnly(2016, 5, 20), new DateOnly(2016, 8, 10), DatePrecision.Days));
        await store.ImportAsync(new GraphBatch([written, Site("place:site-a")],
            [TestWorld.Relation(RelationType.LocatedIn, "place:site-a", CityOf(countries[0])), TestWorld.Relation(RelationType.OccurredIn, written.Id, "place:site-a")]), null, None);
        await CheckAsync("an event added, spanning four months");
        await store.ImportAsync(new GraphBatch([written with { Date = new FuzzyDate(new DateOnly(2016, 12, 20), new DateOnly(2017, 2, 3), DatePrecision.Days) }], []), null, None);
        await CheckAsync("the event redated across a year's end");
        string SiteMonths() => SqliteFile.Query(path, $"SELECT count(*) FROM {PlaceMonthEvents.Table} WHERE place_id = 'place:site-a'").Single();
        Assert.Equal("3", SiteMonths());
        await store.ImportAsync(new GraphBatch([written with { Date = new FuzzyDate(new DateOnly(2014, 3, 10), new DateOnly(2019, 8, 2), DatePrecision.Days) }], []), null, None);
        await CheckAsync("the event redated to span five years (longer than the months keep: counted from its own range)");
        Assert.Equal("0", SiteMonths());
        await store.ImportAsync(new GraphBatch([written with { Date = new FuzzyDate(new DateOnly(2016, 12, 20), new DateOnly(2017, 2, 3), DatePrecision.Days) }], []), null, None);
        await CheckAsync("the event redated back to three months");
        Assert.Equal("3", SiteMonths());
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
        await store.ImportAsync(new GraphBatch([written with { Date = FuzzyDate.Day(new DateOnly(2016, 6, 30)) }], []), null, None);
        await CheckAsync("the event dated again");
        Assert.True(await store.DeleteNodeAsync(written.Id, null, None));
        await CheckAsync("the event deleted");
        Assert.Empty(SqliteFile.Query(path, $"SELECT place_id FROM {PlaceMonthEvents.Table} WHERE overlapping <= 0 OR starting < 0"));
    }

    [Fact]
    public async Task ABulkImportDerivesTheMonthsTheTriggersKeepRowByRow()
    {
        var batch = GraphInputMapper.ToBatch(GraphGenerator.Whole(new GenerationSettings(400, 7, EventsPerFile: 400)));
        var (months, _, rowsPath) = await KeptCounts.AssertBulkImportDerivesWhatTheTriggersKeepAsync(files, batch, Months, atLeast: 400);
        Assert.Equal(Derived(rowsPath), months);
    }

    [Fact]
    public async Task AVersion19FileGainsTheMonthsOnOpenAndKeepsThem()
    {
        var (reopened, path, _) = await KeptCounts.AssertOlderFileGainsThemAsync(files, Kept, 19);

        var city = SqliteFile.Query(path, "SELECT place_id FROM event_places e CROSS JOIN nodes n ON n.id = e.place_id WHERE n.sub_kind = 'CITY' ORDER BY place_id LIMIT 1").Single();
        Assert.True(await reopened.DeleteNodeAsync(city, null, None));
        Assert.Equal(Derived(path), SqliteFile.Query(path, Months));
        var oracle = await AggregateOracle.FromExportAsync(reopened);
        await AssertTotalsAsync(reopened, oracle, PlacesWithEvents(oracle).Where((_, i) => i % 7 == 0).ToList(), "after the migration");
    }

    private static List<string> PlacesWithEvents(AggregateOracle oracle) => oracle.Events.SelectMany(e => oracle.Far(e.Id, RelationType.OccurredIn, true))
        .SelectMany(oracle.PlaceAndAbove).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// For each place, windows of one and several whole months around the events' middle: the total with the first page, and
    /// alone, equals the oracle's count of overlapping events there and the store's count through every event kind named
    /// (a criterion beside the place, so the matches are counted).
    /// </summary>
    private static async Task AssertTotalsAsync(SqliteGraphStore store, AggregateOracle oracle, IReadOnlyList<string> places, string step)
    {
        var middle = oracle.Events.Where(e => e.Date is not null).Select(e => e.Date!.Start).Order().ElementAt(oracle.Events.Count(e => e.Date is not null) / 2);
        var month = new DateOnly(middle.Year, middle.Month, 1);
        (DateOnly From, DateOnly To)[] windows =
        [
            (month, month.AddMonths(1).AddDays(-1)), (month.AddMonths(-1), month.AddDays(-1)), (month.AddMonths(-5), month.AddMonths(7).AddDays(-1)),
            (new DateOnly(2016, 6, 1), new DateOnly(2016, 6, 30)), (new DateOnly(2016, 12, 1), new DateOnly(2017, 1, 31)), (new DateOnly(2000, 1, 1), new DateOnly(2039, 12, 31)),
        ];
        var placesOf = oracle.Events.ToDictionary(e => e.Id, e => oracle.Far(e.Id, RelationType.OccurredIn, true).SelectMany(oracle.PlaceAndAbove).ToHashSet());
        var nonzero = 0;
        foreach (var place in places)
            foreach (var (from, to) in windows)
            {
                Assert.True(PlaceMonthEvents.Answers(from, to));
                var expected = oracle.Events.Count(e => e.Date is { } date && date.Overlaps(from, to) && placesOf[e.Id].Contains(place));
                NodeQuery Query(IReadOnlyList<EventKind>? kinds) => new()
                {
                    Kinds = [NodeKind.Event], Order = NodeOrder.DateAsc, Events = new EventCriteria { PlaceId = place, From = from, To = to, Kinds = kinds },
                };
                var pages = await store.FindNodesAsync(
                    [(Query(null), new PageRequest(3)), (Query(null), new PageRequest(0)), (Query(Enum.GetValues<EventKind>()), new PageRequest(0))], None);
                var where = $"{step}: {place} {from}..{to}";
                Assert.True(expected == pages[0].TotalCount, $"{where}: with a page {pages[0].TotalCount}, the oracle {expected}");
                Assert.True(expected == pages[1].TotalCount, $"{where}: alone {pages[1].TotalCount}, the oracle {expected}");
                Assert.True(expected == pages[2].TotalCount, $"{where}: counted {pages[2].TotalCount}, the oracle {expected}");
                if (expected > 0) nonzero++;
            }
        Assert.True(nonzero >= 10, $"{step}: only {nonzero} windows held events, so the comparison proves little");
    }

    /// <summary>place_month_events derived from scratch (in a transaction rolled back).</summary>
    private static List<string> Derived(string path) => KeptCounts.Recount(path, PlaceMonthEvents.Table, PlaceMonthEvents.Fill, Months);

    public void Dispose() => files.Dispose();
}
