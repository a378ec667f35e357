using ConflictGraph.Cli.Generate;
using ConflictGraph.Core.Aggregation;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;
using ConflictGraph.Sqlite.Aggregation;
using ConflictGraph.Sqlite.Schema;
using ConflictGraph.Store.Tests.Conformance;
using GeneratedGraph = ConflictGraph.Store.Tests.Conformance.GeneratedGraph;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>
/// The kept aggregate cells (place_months, schema 18): an aggregate they answer gives what the events give (the statement
/// that reads events, and the export's oracle), after every kind of write; the triggers leave what deriving them from scratch
/// gives; a bulk import derives the same; a schema-17 file gains them on open.
/// </summary>
public sealed class PlaceMonthsTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private const string Cells =
        "SELECT place_id, sub_kind, coalesce(date_start, '-'), coalesce(date_end, '-'), events, disputed, counted, with_best, open_ended, killed_low, killed_best, killed_high " +
        "FROM place_months ORDER BY 1, 2, 3, 4";

    private readonly TemporaryStores files = new("conflictgraph-placemonths-");

    [Fact]
    public async Task TheCellsAnswerAsTheEventsDoOnAGeneratedGraph()
    {
        var (store, _) = files.Open("generated.db");
        await GeneratedGraph.ImportAsync(store);
        await store.ImportAsync(GeneratedGraph.TwicePlaced(await AggregateOracle.FromExportAsync(store)), null, None);
        var oracle = await AggregateOracle.FromExportAsync(store);
        var compared = await AssertPathsAgreeAsync(store, oracle, CellQueries(oracle, Countries(oracle)));
        Assert.True(compared >= 40, $"only {compared} of the cell aggregates selected any event, so the comparison proves little");
    }

    [Fact]
    public void TheCellsLeaveToTheEventsWhatMonthsCannotTell()
    {
        var place = new EventCriteria { PlaceId = "place:somewhere" };
        EventAggregateQuery Query(EventCriteria criteria, TimeBucket bucket = TimeBucket.Month) => new(new EventSelection(criteria), [EventDimension.Time], bucket);
        Assert.True(AggregateSql.CellsAnswer(Query(place with { From = new DateOnly(2020, 1, 31), To = new DateOnly(2020, 3, 1) })), "February is whole inside");
        Assert.False(AggregateSql.CellsAnswer(Query(place with { From = new DateOnly(2020, 1, 2), To = new DateOnly(2020, 2, 28) })), "no whole month inside");
        Assert.False(AggregateSql.CellsAnswer(Query(place with { From = new DateOnly(2020, 1, 31), To = new DateOnly(2020, 2, 28) })), "no whole month inside");
        Assert.False(AggregateSql.CellsAnswer(Query(place with { From = new DateOnly(9999, 12, 2) })), "no whole month after the last one's second day");
        Assert.True(AggregateSql.CellsAnswer(Query(place with { To = new DateOnly(9999, 12, 31) })));
        Assert.False(AggregateSql.CellsAnswer(Query(place, TimeBucket.Day)), "a day's bucket is not a month's");
        Assert.False(AggregateSql.CellsAnswer(Query(place, TimeBucket.Week)), "a week's bucket is not a month's");
        Assert.False(AggregateSql.CellsAnswer(Query(place with { PerpetratorId = "actor:someone" })), "the cells know no perpetrator");
    }

    [Fact]
    public async Task TheCellsFollowEveryKindOfWrite()
    {
        // Written row by row, so the triggers keep place_events, the roll-up rows and the cells, as the service's writes do.
        var (store, path) = files.Open("writes.db", bulkLoads: false);
        await store.ImportAsync(GraphInputMapper.ToBatch(GraphGenerator.Whole(new GenerationSettings(600, 5, EventsPerFile: 600))), null, None);
        var oracle = await AggregateOracle.FromExportAsync(store);
        var countries = Countries(oracle).Take(2).ToList();
        var places = oracle.Events.SelectMany(e => oracle.Far(e.Id, RelationType.OccurredIn, true)).SelectMany(oracle.PlaceAndAbove).Distinct()
            .Select(oracle.Node).OfType<Place>().OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        string CityOf(string country) => places.First(p => p.PlaceKind == PlaceKind.City && oracle.PlaceAndAbove(p.Id).Contains(country)).Id;
        var queries = CellQueries(oracle, countries).ToList();
        async Task CheckAsync(string step)
        {
            Assert.True(Derived(path).SequenceEqual(SqliteFile.Query(path, Cells)), $"after {step}, the cells differ from a fresh derivation");
            await AssertPathsAgreeAsync(store, await AggregateOracle.FromExportAsync(store), queries, step);
        }
        await CheckAsync("the import");

        Place Site(string id, string city) => new(id, $"Site {id}", [], null, PlaceKind.Site, null);
        var spanning = new FuzzyDate(new DateOnly(2016, 5, 20), new DateOnly(2016, 6, 10), DatePrecision.Days);
        var written = new Event("event:written", "An event written again and again", EventKind.Airstrike, null, spanning);
        var whole = new Event("event:whole", "An event the written one is part of", EventKind.Airstrike, null, spanning);
        await store.ImportAsync(new GraphBatch([written, whole, Site("place:site-a", CityOf(countries[0]))],
            [TestWorld.Relation(RelationType.LocatedIn, "place:site-a", CityOf(countries[0])), TestWorld.Relation(RelationType.OccurredIn, written.Id, "place:site-a"),
             TestWorld.Relation(RelationType.OccurredIn, whole.Id, CityOf(countries[0])), TestWorld.Relation(RelationType.PartOf, written.Id, whole.Id)]), null, None);
        await CheckAsync("an event added, spanning two months");

        await store.ImportAsync(new GraphBatch([written with { Date = FuzzyDate.Day(new DateOnly(2017, 1, 3)) }], []), null, None);
        await CheckAsync("the event redated");
        await store.ImportAsync(new GraphBatch([written with { EventKind = EventKind.ArmedClash, Date = FuzzyDate.Day(new DateOnly(2017, 1, 3)) }], []), null, None);
        await CheckAsync("the event re-kinded");

        var reporter = oracle.Statements.OrderBy(s => s.Id, StringComparer.Ordinal).First();
        var figures = reporter with { Id = "statement:figures", CasualtyReports = [new CasualtyReport(written.Id, 3, 5, null, null, null), new CasualtyReport(whole.Id, 4, 9, null, null, null)] };
        await store.ImportAsync(new GraphBatch([figures], []), null, None);
        await CheckAsync("figures given (the part's dead counted under its whole once)");
        await store.ImportAsync(new GraphBatch([], [TestWorld.Relation(RelationType.OccurredIn, written.Id, "place:site-a", [], [figures.Id])]), null, None);
        await CheckAsync("its place disputed");

        await store.ImportAsync(new GraphBatch([Site("place:site-b", CityOf(countries[1]))],
            [TestWorld.Relation(RelationType.LocatedIn, "place:site-b", CityOf(countries[1])), TestWorld.Relation(RelationType.OccurredIn, written.Id, "place:site-b")]), null, None);
        Assert.True(await store.DeleteNodeAsync("place:site-a", null, None));
        await CheckAsync("the event moved to another country");

        await store.ImportAsync(new GraphBatch([], [TestWorld.Relation(RelationType.LocatedIn, "place:site-b", CityOf(countries[0]))]), null, None);
        await CheckAsync("its site put in a second country's city too");
        var region = SqliteFile.Query(path, $"SELECT to_id FROM relations WHERE type = 'LOCATED_IN' AND from_id = '{CityOf(countries[1])}'").Single();
        Assert.True(await store.DeleteNodeAsync(region, null, None));
        await CheckAsync("a region deleted (its cities re-parented to nothing)");

        await store.ImportAsync(new GraphBatch([figures with { CasualtyReports = [] }], []), null, None);
        await CheckAsync("the figures stripped");
        await store.ImportAsync(new GraphBatch([written with { Date = null }], []), null, None);
        await CheckAsync("the event undated");
        Assert.True(await store.DeleteNodeAsync(written.Id, null, None));
        Assert.True(await store.DeleteNodeAsync(whole.Id, null, None));
        await CheckAsync("the events deleted");
        Assert.Empty(SqliteFile.Query(path, "SELECT place_id FROM place_months WHERE events <= 0"));
    }

    [Fact]
    public async Task ABulkImportDerivesTheCellsTheTriggersKeepRowByRow()
    {
        var batch = GraphInputMapper.ToBatch(GraphGenerator.Whole(new GenerationSettings(400, 7, EventsPerFile: 400)));
        var (cells, _, rowsPath) = await KeptCounts.AssertBulkImportDerivesWhatTheTriggersKeepAsync(files, batch, Cells, atLeast: 400);
        Assert.Equal(Derived(rowsPath), cells);
    }

    [Fact]
    public async Task AVersion17FileGainsTheCellsOnOpenAndKeepsThem()
    {
        var (store, path) = files.Open("v17.db", bulkLoads: false);
        await store.ImportAsync(GraphInputMapper.ToBatch(GraphGenerator.Whole(new GenerationSettings(300, 5, EventsPerFile: 300))), null, None);
        var fresh = SqliteFile.Query(path, Cells);
        store.Dispose();
        OlderSchemas.Write(path, 17);
        Assert.Empty(SqliteFile.Query(path, "SELECT name FROM sqlite_schema WHERE name LIKE 'place_months%' OR name = 'place_events_by_seq'"));

        var (reopened, _) = files.Open("v17.db", bulkLoads: false);
        OlderSchemas.AssertLatest(path);
        Assert.Equal(fresh, SqliteFile.Query(path, Cells));
        var city = SqliteFile.Query(path, "SELECT place_id FROM event_places e CROSS JOIN nodes n ON n.id = e.place_id WHERE n.sub_kind = 'CITY' ORDER BY place_id LIMIT 1").Single();
        Assert.True(await reopened.DeleteNodeAsync(city, null, None));
        Assert.Equal(Derived(path), SqliteFile.Query(path, Cells));
        var oracle = await AggregateOracle.FromExportAsync(reopened);
        await AssertPathsAgreeAsync(reopened, oracle, CellQueries(oracle, Countries(oracle).Take(2).ToList()));
    }

    /// <summary>
    /// Aggregates the cells answer: places (countries, a region, a city) all time and in windows on and off month bounds, with
    /// kinds, by month, quarter and year, grouped by nothing, TIME, KIND, ACLED type, and by PLACE (countries, regions, cities);
    /// every place of a level with TIME and KIND.
    /// </summary>
    private static IEnumerable<EventAggregateQuery> CellQueries(AggregateOracle oracle, IReadOnlyList<string> countries)
    {
        var middle = oracle.Events.Where(e => e.Date is not null).Select(e => e.Date!.Start).Order().ElementAt(oracle.Events.Count() / 2);
        var month = new DateOnly(middle.Year, middle.Month, 1);
        var inside = oracle.Events.SelectMany(e => oracle.Far(e.Id, RelationType.OccurredIn, true)).SelectMany(oracle.PlaceAndAbove).Distinct()
            .Where(p => oracle.PlaceAndAbove(p).Contains(countries[0]) && p != countries[0]).Order(StringComparer.Ordinal).Take(2);
        EventCriteria[] windows =
        [
            new(), new() { From = month }, new() { To = month.AddDays(-1) }, new() { From = month.AddMonths(-7), To = month.AddMonths(5).AddDays(-1) },
            new() { Kinds = [EventKind.Airstrike, EventKind.ArmedClash], From = month.AddMonths(-24), To = month.AddMonths(1).AddDays(-1) },
        ];
        // Off month bounds: the whole months from the cells, the part months either side from the events.
        EventCriteria[] edges =
        [
            new() { From = month.AddDays(9), To = month.AddMonths(3).AddDays(13) }, new() { From = month.AddMonths(-2).AddDays(20) },
            new() { Kinds = [EventKind.Airstrike, EventKind.ArmedClash], To = month.AddMonths(1).AddDays(4) },
        ];
        IReadOnlyList<EventDimension>[] groupings = [[], [EventDimension.Time], [EventDimension.Kind, EventDimension.Time], [EventDimension.AcledEventType]];
        foreach (var place in countries.Concat(inside))
            foreach (var window in windows)
                foreach (var bucket in new[] { TimeBucket.Month, TimeBucket.Quarter, TimeBucket.Year })
                    foreach (var groupBy in groupings)
                        yield return new(new EventSelection(window with { PlaceId = place }), groupBy, bucket);
        foreach (var place in countries.Concat(inside))
            foreach (var window in edges)
                foreach (var groupBy in groupings)
                    yield return new(new EventSelection(window with { PlaceId = place }), groupBy, TimeBucket.Month);
        // A PLACE grouping beside a place: the level's places inside it (or around it), those of events placed twice, and the
        // events in none of them.
        foreach (var place in countries.Take(1).Concat(inside.Take(1)))
            foreach (var window in new[] { windows[0], windows[3], edges[0], edges[2] })
                foreach (var level in new[] { PlaceKind.Country, PlaceKind.Region, PlaceKind.City })
                    yield return new(new EventSelection(window with { PlaceId = place }), [EventDimension.Place, EventDimension.Time], TimeBucket.Month, level, First: 40);
        foreach (var level in new[] { PlaceKind.Country, PlaceKind.Region, PlaceKind.City, PlaceKind.Site })
            foreach (var window in windows.Concat(edges))
            {
                yield return new(new EventSelection(window), [EventDimension.Place], TimeBucket.Year, level);
                yield return new(new EventSelection(window), [EventDimension.Place, EventDimension.Time], TimeBucket.Month, level);
                yield return new(new EventSelection(window), [EventDimension.Kind, EventDimension.Place, EventDimension.Time], TimeBucket.Quarter, level, First: 30);
            }
    }

    private static List<string> Countries(AggregateOracle oracle) => oracle.Events.SelectMany(e => oracle.Far(e.Id, RelationType.OccurredIn, true))
        .SelectMany(oracle.PlaceAndAbove).Distinct().Where(p => oracle.Node(p) is Place { PlaceKind: PlaceKind.Country }).Order(StringComparer.Ordinal).ToList();

    /// <summary>Each query from the cells, from the events (the statement without cells) and from the oracle: all three alike. Returns how many selected events.</summary>
    private static async Task<int> AssertPathsAgreeAsync(SqliteGraphStore store, AggregateOracle oracle, IEnumerable<EventAggregateQuery> queries, string step = "")
    {
        var compared = 0;
        foreach (var query in queries)
        {
            Assert.True(AggregateSql.CellsAnswer(query), $"the cells should answer {GeneratedGraph.Describe(query)}");
            var fromCells = Lines(await store.AggregateEventsAsync(query, byPlaceRows: true, byCells: true, None));
            var fromEvents = Lines(await store.AggregateEventsAsync(query, byPlaceRows: true, byCells: false, None));
            var expected = Lines(oracle.Aggregate(query));
            Assert.True(expected.SequenceEqual(fromEvents), $"{step}: {GeneratedGraph.Describe(query)}:\n  oracle {string.Join("\n         ", expected)}\n  events {string.Join("\n         ", fromEvents)}");
            Assert.True(expected.SequenceEqual(fromCells), $"{step}: {GeneratedGraph.Describe(query)}:\n  oracle {string.Join("\n         ", expected)}\n  cells  {string.Join("\n         ", fromCells)}");
            if (oracle.Aggregate(query).Total.Events > 0) compared++;
        }
        return compared;
    }

    private static IReadOnlyList<string> Lines(EventAggregate aggregate) =>
        aggregate.Groups.Select(AggregateOracle.Describe).Prepend(AggregateOracle.Describe(aggregate.Total)).ToList();

    /// <summary>place_months derived from scratch (in a transaction rolled back).</summary>
    private static List<string> Derived(string path) => KeptCounts.Recount(path, "place_months", DerivedRows.PlaceMonths, Cells);

    public void Dispose() => files.Dispose();
}
