using ConflictGraph.Core.Aggregation;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;
using ConflictGraph.Sqlite.Schema;
using ConflictGraph.Store.Tests.Conformance;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>
/// An aggregate of a place's events read from the roll-up's PLACE rows by place and date (schema 12) against
/// the same aggregate with the events found through the event filter, as every other selective criterion finds them.
/// </summary>
public sealed class PlaceRowsTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TemporaryStores files = new("conflictgraph-place-rows-");

    [Fact]
    public async Task APlaceAggregateFromThePlaceRowsEqualsTheOneFromTheEventFilterOnAGeneratedGraph()
    {
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = files.PathOf("generated.db") });
        await GeneratedGraph.ImportAsync(store);
        await store.ImportAsync(GeneratedGraph.TwicePlaced(await AggregateOracle.FromExportAsync(store)), null, None);
        var oracle = await AggregateOracle.FromExportAsync(store);
        var placed = GeneratedGraph.Queries(oracle).Where(q => q.Events.Criteria?.PlaceId is not null).ToList();
        // Each grouping again with a kind and a narrow window: the paths must agree where few rows match too.
        var narrowed = placed.Select(q => q with
        {
            Events = new EventSelection(q.Events.Criteria! with { Kinds = [EventKind.Airstrike], From = q.Events.Criteria.From ?? q.Events.Criteria.To?.AddDays(-10) }),
        });
        var compared = 0;
        foreach (var query in placed.Concat(narrowed))
        {
            var fromRows = await store.AggregateEventsAsync(query, byPlaceRows: true, None);
            var fromFilter = await store.AggregateEventsAsync(query, byPlaceRows: false, None);
            Assert.True(Lines(fromFilter).SequenceEqual(Lines(fromRows)),
                $"{GeneratedGraph.Describe(query)}:\n  filter {string.Join("\n         ", Lines(fromFilter))}\n  rows   {string.Join("\n         ", Lines(fromRows))}");
            if (fromFilter.Total.Events > 0) compared++;
        }
        Assert.True(compared >= 10, $"only {compared} of the place aggregates selected any event, so the comparison proves little");
        // The twice-placed events: once in their country's total, and their dead once.
        var twice = placed.First(q => q.Events.Criteria is { From: not null, To: not null } && q.GroupBy is [EventDimension.Time]);
        Assert.Equal(Lines(oracle.Aggregate(twice)), Lines(await store.AggregateEventsAsync(twice, None)));
    }

    [Fact]
    public async Task APlaceAggregateFollowsAnEventPlacedMovedAndUnplaced()
    {
        // Written row by row, so the triggers keep the PLACE rows and place_events, as the service's writes do.
        var (store, _) = files.Open("writes.db", bulkLoads: false);
        using var owned = store;
        await GeneratedGraph.ImportAsync(store);
        var oracle = await AggregateOracle.FromExportAsync(store);
        var places = oracle.Events.SelectMany(e => oracle.Far(e.Id, RelationType.OccurredIn, true)).SelectMany(oracle.PlaceAndAbove).Distinct()
            .Select(oracle.Node).OfType<Place>().OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var countries = places.Where(p => p.PlaceKind == PlaceKind.Country).Select(p => p.Id).Take(2).ToList();
        string CityOf(string country) => places.First(p => p.PlaceKind == PlaceKind.City && oracle.PlaceAndAbove(p.Id).Contains(country)).Id;
        var (first, second) = (countries[0], countries[1]);
        var day = new DateOnly(2016, 5, 3);
        var moved = new Event("event:moved", "An event placed, moved and unplaced", EventKind.Airstrike, null, new FuzzyDate(day, day, DatePrecision.Days));
        Place Site(string id, string name) => new(id, name, [], null, PlaceKind.Site, null);
        var queries = countries.SelectMany(country => new EventAggregateQuery[]
        {
            new(new EventSelection(new EventCriteria { PlaceId = country }), [EventDimension.Time]),
            new(new EventSelection(new EventCriteria { PlaceId = country, From = day.AddDays(-3), To = day.AddDays(3) }), [EventDimension.Place], PlaceLevel: PlaceKind.City),
            new(new EventSelection(new EventCriteria { PlaceId = country, Kinds = [EventKind.Airstrike], From = day }), [EventDimension.Kind, EventDimension.Time], TimeBucket.Year),
        }).ToList();
        async Task<int[]> TotalsAsync()
        {
            var now = await AggregateOracle.FromExportAsync(store);
            foreach (var query in queries)
            {
                var fromRows = await store.AggregateEventsAsync(query, byPlaceRows: true, None);
                var fromFilter = await store.AggregateEventsAsync(query, byPlaceRows: false, None);
                Assert.Equal(Lines(now.Aggregate(query)), Lines(fromRows));
                Assert.Equal(Lines(fromRows), Lines(fromFilter));
            }
            return [.. countries.Select(c => now.Aggregate(queries[0] with { Events = new EventSelection(new EventCriteria { PlaceId = c }) }).Total.Events)];
        }
        var start = await TotalsAsync();

        // Placed: a new site in the first country's city, the event in it.
        await store.ImportAsync(new GraphBatch([moved, Site("place:site-before", "Site before")],
            [TestWorld.Relation(RelationType.LocatedIn, "place:site-before", CityOf(first)), TestWorld.Relation(RelationType.OccurredIn, moved.Id, "place:site-before")]), null, None);
        Assert.Equal([start[0] + 1, start[1]], await TotalsAsync());

        // Moved: placed at a site of the second country's city, the first site gone (with its relations).
        await store.ImportAsync(new GraphBatch([Site("place:site-after", "Site after")],
            [TestWorld.Relation(RelationType.LocatedIn, "place:site-after", CityOf(second)), TestWorld.Relation(RelationType.OccurredIn, moved.Id, "place:site-after")]), null, None);
        Assert.True(await store.DeleteNodeAsync("place:site-before", null, None));
        Assert.Equal([start[0], start[1] + 1], await TotalsAsync());

        // Unplaced: its only place gone, it is in no country's aggregate.
        Assert.True(await store.DeleteNodeAsync("place:site-after", null, None));
        Assert.Equal(start, await TotalsAsync());
    }

    [Fact]
    public async Task AFileOfSchemaElevenGetsThePlaceRowsIndexWhenOpened()
    {
        var path = files.PathOf("schema-11.db");
        using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path }))
        {
            await store.ImportAsync(TestWorld.Batch, null, None);
            await store.ImportAsync(ClaimsWorld.Batch, null, None);
            await store.ImportAsync(AggregateWorld.Batch, null, None);
        }
        OlderSchemas.Write(path, 11, $"DROP INDEX {Migrations.PlaceRowsIndex};");

        using var reopened = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        OlderSchemas.AssertLatest(path);
        Assert.Equal(["1"], SqliteFile.Query(path, $"SELECT count(*) FROM sqlite_schema WHERE name = '{Migrations.PlaceRowsIndex}'"));
        var oracle = await AggregateOracle.FromExportAsync(reopened);
        var query = new EventAggregateQuery(new EventSelection(new EventCriteria { PlaceId = "place:syria", From = new DateOnly(2021, 6, 1), To = new DateOnly(2021, 7, 31) }),
            [EventDimension.Time], TimeBucket.Week);
        Assert.Equal(Lines(oracle.Aggregate(query)), Lines(await reopened.AggregateEventsAsync(query, None)));
    }

    private static IReadOnlyList<string> Lines(EventAggregate aggregate) =>
        aggregate.Groups.Select(AggregateOracle.Describe).Prepend(AggregateOracle.Describe(aggregate.Total)).ToList();

    public void Dispose() => files.Dispose();
}
