using ConflictGraph.Core.Aggregation;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;
using ConflictGraph.Sqlite.Schema;
using ConflictGraph.Store.Tests.Conformance;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>What only the file store has for aggregates: the roll-up of a file written before it, and a cube without empty cells.</summary>
public sealed class EventRollupTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TemporaryStores files = new("conflictgraph-rollup-");

    private static readonly EventAggregateQuery[] Queries =
    [
        new(EventSelection.All, [EventDimension.Time, EventDimension.Kind]),
        new(EventSelection.All, [EventDimension.Perpetrator]),
        new(new EventSelection(new EventCriteria { PlaceId = "place:syria" }), [EventDimension.Place], PlaceLevel: PlaceKind.Region),
    ];

    [Fact]
    public async Task AFileWrittenBeforeAggregatesGetsItsRollupBuiltWhenOpened()
    {
        var path = files.PathOf("claims-schema.db");
        using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path }))
        {
            await store.ImportAsync(TestWorld.Batch, null, None);
            await store.ImportAsync(ClaimsWorld.Batch, null, None);
        }
        // As the build before aggregates left it: schema version 5, no roll-up tables (nor the change log of version 7, nor the roll-ups of 9).
        OlderSchemas.Write(path, 5,
            "DROP TABLE search_names; DROP TABLE event_days; DROP TABLE actor_kinds; DROP TABLE event_cube; DROP TABLE event_rollup; DROP TABLE rollup_touched; DROP TABLE history; DROP TABLE history_batches; " +
            "DELETE FROM meta WHERE key = 'history_removed';");

        using var reopened = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        OlderSchemas.AssertLatest(path);
        var oracle = await AggregateOracle.FromExportAsync(reopened);
        foreach (var query in Queries)
            Assert.Equal(oracle.Aggregate(query).Groups.Select(AggregateOracle.Describe), (await reopened.AggregateEventsAsync(query, None)).Groups.Select(AggregateOracle.Describe));
    }

    [Fact]
    public async Task TheCubeKeepsOnlyCellsThatHoldEventsAndAgreesWithTheEventRows()
    {
        var path = files.PathOf("cube.db");
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        await store.ImportAsync(TestWorld.Batch, null, None);
        await store.ImportAsync(ClaimsWorld.Batch, null, None);
        foreach (var id in new[] { "event:killing", "event:drones", "statement:monitor" }) await store.DeleteNodeAsync(id, null, None);

        Assert.Empty(SqliteFile.Query(path, "SELECT sub_kind FROM event_cube WHERE events <= 0"));
        const string fromRows = "SELECT sub_kind, coalesce(date_start, '-'), count(*), sum(disputed), sum(counted), sum(killed_low), sum(open_ended) " +
                                "FROM event_rollup WHERE dim = '' GROUP BY sub_kind, date_start, date_end ORDER BY 1, 2";
        const string fromCube = "SELECT sub_kind, coalesce(date_start, '-'), events, disputed, counted, killed_low, open_ended FROM event_cube ORDER BY 1, 2";
        Assert.Equal(SqliteFile.Query(path, fromRows), SqliteFile.Query(path, fromCube));
        Assert.Equal(["AIRSTRIKE 2021-06-27 2 0 2 6 0"], SqliteFile.Query(path, fromCube).Where(r => r.StartsWith("AIRSTRIKE")));
    }

    [Fact]
    public async Task TheRollupsByStartDayAndByActorAgreeWithTheEventRowsAfterEveryWrite()
    {
        var path = files.PathOf("days.db");
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        // Each bucket's imprecise count, worked out from the event rows by the rule the roll-ups keep.
        var imprecise = string.Join(", ", Enum.GetValues<TimeBucket>().Select(b =>
            $"sum(CASE WHEN date_start IS NULL OR {Start(b, "date_end")} <> {Start(b, "date_start")} THEN 1 ELSE 0 END)"));
        var kept = string.Join(", ", Enum.GetValues<TimeBucket>().Select(Migrations.ImpreciseColumn));
        void AssertAgree(string after)
        {
            Assert.Equal(
                SqliteFile.Query(path, $"SELECT sub_kind, coalesce(date_start, '-'), count(*), {imprecise}, sum(disputed), sum(counted), sum(killed_low), sum(open_ended) " +
                                       "FROM event_rollup WHERE dim = '' GROUP BY sub_kind, date_start ORDER BY 1, 2"),
                SqliteFile.Query(path, $"SELECT sub_kind, coalesce(date_start, '-'), events, {kept}, disputed, counted, killed_low, open_ended FROM event_days ORDER BY 1, 2"));
            Assert.Equal(
                SqliteFile.Query(path, $"SELECT dim, key, sub_kind, count(*), {imprecise}, sum(disputed), sum(killed_best) " +
                                       "FROM event_rollup WHERE dim IN ('PERPETRATOR', 'TARGET') GROUP BY dim, key, sub_kind ORDER BY 1, 2, 3"),
                SqliteFile.Query(path, $"SELECT dim, key, sub_kind, events, {kept}, disputed, killed_best FROM actor_kinds ORDER BY 1, 2, 3"));
            Assert.Empty(SqliteFile.Query(path, "SELECT sub_kind FROM event_days WHERE events <= 0 UNION ALL SELECT key FROM actor_kinds WHERE events <= 0"));
            Assert.True(SqliteFile.Query(path, "SELECT count(*) FROM actor_kinds").Single() != "0", $"{after}: no actor cell, so the comparison proves nothing");
        }

        await store.ImportAsync(TestWorld.Batch, null, None);
        await store.ImportAsync(ClaimsWorld.Batch, null, None);
        await store.ImportAsync(AggregateWorld.Batch, null, None);
        AssertAgree("the worlds imported");
        foreach (var id in new[] { "event:killing", "org:kh", "statement:monitor" }) await store.DeleteNodeAsync(id, null, None);
        AssertAgree("an event, a perpetrator and a report deleted");
    }

    /// <summary>Dates as the roll-ups' rule reads them, spelled here without the store's helper: the first day of the bucket.</summary>
    private static string Start(TimeBucket bucket, string column) => bucket switch
    {
        TimeBucket.Day => column,
        TimeBucket.Week => $"date({column}, '-' || ((strftime('%w', {column}) + 6) % 7) || ' days')",
        TimeBucket.Month => $"strftime('%Y-%m-01', {column})",
        TimeBucket.Quarter => $"printf('%s-%02d-01', strftime('%Y', {column}), ((strftime('%m', {column}) - 1) / 3) * 3 + 1)",
        _ => $"strftime('%Y-01-01', {column})",
    };

    [Fact]
    public async Task AllTimeAndTopActorAggregatesFromTheRollupsMatchTheExport()
    {
        var path = files.PathOf("tops.db");
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        await store.ImportAsync(TestWorld.Batch, null, None);
        await store.ImportAsync(ClaimsWorld.Batch, null, None);
        await store.ImportAsync(AggregateWorld.Batch, null, None);
        var oracle = await AggregateOracle.FromExportAsync(store);
        EventAggregateQuery[] queries =
        [
            new(EventSelection.All, [EventDimension.Perpetrator, EventDimension.Kind], TimeBucket.Week),
            new(new EventSelection(new EventCriteria { Kinds = [EventKind.Airstrike, EventKind.RocketAttack] }), [EventDimension.Target, EventDimension.AcledEventType], TimeBucket.Day),
            new(EventSelection.All, [EventDimension.Kind, EventDimension.Time], TimeBucket.Quarter),
            new(new EventSelection(new EventCriteria { Kinds = [EventKind.Airstrike] }), [], TimeBucket.Year),
        ];
        foreach (var query in queries)
        {
            var expected = oracle.Aggregate(query);
            var got = await store.AggregateEventsAsync(query, None);
            Assert.Equal(expected.Groups.Select(AggregateOracle.Describe).Prepend(AggregateOracle.Describe(expected.Total)),
                got.Groups.Select(AggregateOracle.Describe).Prepend(AggregateOracle.Describe(got.Total)));
        }
    }

    public void Dispose() => files.Dispose();
}
