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
    private readonly string folder = Directory.CreateTempSubdirectory("conflictgraph-rollup-").FullName;

    private static readonly EventAggregateQuery[] Queries =
    [
        new(EventSelection.All, [EventDimension.Time, EventDimension.Kind]),
        new(EventSelection.All, [EventDimension.Perpetrator]),
        new(new EventSelection(new EventCriteria { PlaceId = "place:syria" }), [EventDimension.Place], PlaceLevel: PlaceKind.Region),
    ];

    [Fact]
    public async Task AFileWrittenBeforeAggregatesGetsItsRollupBuiltWhenOpened()
    {
        var path = Path.Combine(folder, "claims-schema.db");
        using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path }))
        {
            await store.ImportAsync(TestWorld.Batch, null, None);
            await store.ImportAsync(ClaimsWorld.Batch, null, None);
        }
        // As the build before aggregates left it: schema version 5, no roll-up tables (nor the change log of version 7).
        SqliteFile.Query(path,
            "DROP TABLE event_cube; DROP TABLE event_rollup; DROP TABLE rollup_touched; DROP TABLE history; DROP TABLE history_batches; " +
            "DELETE FROM meta WHERE key = 'history_removed'; PRAGMA user_version = 5; SELECT 1", readOnly: false);

        using var reopened = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        Assert.Equal([Migrations.Latest.ToString()], SqliteFile.Query(path, "PRAGMA user_version"));
        var oracle = await AggregateOracle.FromExportAsync(reopened);
        foreach (var query in Queries)
            Assert.Equal(oracle.Aggregate(query).Groups.Select(AggregateOracle.Describe), (await reopened.AggregateEventsAsync(query, None)).Groups.Select(AggregateOracle.Describe));
    }

    [Fact]
    public async Task TheCubeKeepsOnlyCellsThatHoldEventsAndAgreesWithTheEventRows()
    {
        var path = Path.Combine(folder, "cube.db");
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

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
