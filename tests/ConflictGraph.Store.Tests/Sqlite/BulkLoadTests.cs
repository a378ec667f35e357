using ConflictGraph.Cli.Generate;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;
using ConflictGraph.Sqlite.Schema;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>
/// A bulk import drops the triggers and derives their tables set-wise before it commits; the same
/// batches written row by row, triggers in place, must leave every derived row the same.
/// </summary>
public sealed class BulkLoadTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    // Over BulkLoad.MinimumItems (about 22,000 nodes and relations), so one batch of it is a bulk import into a smaller store.
    private static readonly GenerationSettings Large = new(4_000, 5, EventsPerFile: 4_000);
    private static readonly GenerationSettings Small = new(600, 5, EventsPerFile: 600);

    private readonly TemporaryStores files = new("conflictgraph-bulk-");

    // What the triggers keep, each row as text in a fixed order. counts: readers take a missing key as 0.
    private static readonly string[] Derived =
    [
        "SELECT key, value FROM counts WHERE value <> 0 ORDER BY key",
        "SELECT * FROM node_refs ORDER BY node_id, field, target_id",
        "SELECT * FROM event_places ORDER BY event_id, place_id",
        "SELECT * FROM place_events ORDER BY event_id, place_id",
        "SELECT count(*) FROM places_touched",
        "SELECT r.dim, r.key, n.id, r.sub_kind, r.date_start, r.date_end, r.disputed, r.part_of, r.counted, r.with_best, r.open_ended, " +
        "r.killed_low, r.killed_best, r.killed_high FROM event_rollup r CROSS JOIN nodes n ON n.seq = r.seq ORDER BY r.dim, r.key, n.id",
        "SELECT sub_kind, date_start, date_end, events, disputed, counted, with_best, open_ended, killed_low, killed_best, killed_high FROM event_cube " +
        "ORDER BY sub_kind, date_start, date_end",
        "SELECT * FROM event_days ORDER BY sub_kind, date_start",
        "SELECT * FROM actor_kinds ORDER BY dim, key, sub_kind",
        "SELECT * FROM organization_statements ORDER BY organization_id",
        "SELECT * FROM speaker_statements ORDER BY speaker_id",
        "SELECT * FROM place_month_events ORDER BY place_id, month",
        "SELECT kind, target_kind, target_id, statement_id, before FROM history ORDER BY seq",
        // The full-text index (which keeps no text: every term of every row, where it stands), and what a search finds through it.
        "CREATE VIRTUAL TABLE temp.terms USING fts5vocab (main, search, instance); " +
        "SELECT n.id, t.term, t.offset FROM temp.terms t CROSS JOIN nodes n ON n.seq = t.doc ORDER BY n.id, t.offset, t.term",
        "SELECT n.id FROM search s CROSS JOIN nodes n ON n.seq = s.rowid WHERE search MATCH 'attack OR militia OR strike' ORDER BY n.id",
    ];

    [Fact]
    public async Task ABulkImportIntoAnEmptyStoreLeavesTheRowsTheTriggersLeaveRowByRow()
    {
        var (bulk, rowByRow) = (files.Open("bulk.db", bulkLoads: true), files.Open("rows.db", bulkLoads: false));
        var batch = Batch(Large);
        Assert.True(batch.Nodes.Count + batch.Relations.Count > 20_000);

        await bulk.Store.ImportAsync(batch, null, None);
        await rowByRow.Store.ImportAsync(batch, null, None);

        AssertSameDerivedRows(bulk.Path, rowByRow.Path);
        Assert.Equal(batch.Nodes.Count + batch.Relations.Count + batch.Facts.Count, Count(bulk.Path, "history"));
    }

    [Fact]
    public async Task ABulkImportOverAStoredGraphThatUpdatesAndMergesLeavesTheRowsTheTriggersLeaveRowByRow()
    {
        var (bulk, rowByRow) = (files.Open("bulk-over.db", bulkLoads: true), files.Open("rows-over.db", bulkLoads: false));
        // Stored first: a smaller graph of the same seed, whose ids the larger one reuses with other content.
        var stored = Batch(Small);
        var large = Batch(Large);
        foreach (var store in new[] { bulk, rowByRow }) await store.Store.ImportAsync(stored, null, None);

        var bulkResult = await bulk.Store.ImportAsync(large, null, None);
        var rowsResult = await rowByRow.Store.ImportAsync(large, null, None);

        Assert.Equal((rowsResult.Created, rowsResult.Updated, rowsResult.RelationsCreated, rowsResult.RelationsUpdated),
            (bulkResult.Created, bulkResult.Updated, bulkResult.RelationsCreated, bulkResult.RelationsUpdated));
        Assert.True(bulkResult.Created < large.Nodes.Count, "the larger graph should meet stored ids");
        AssertSameDerivedRows(bulk.Path, rowByRow.Path);
    }

    [Fact]
    public async Task ABulkImportLeavesItsTriggersInPlaceSoTheNextSmallWriteKeepsTheTablesRowByRow()
    {
        var (bulk, rowByRow) = (files.Open("bulk-then.db", bulkLoads: true), files.Open("rows-then.db", bulkLoads: false));
        var schema = "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_schema ORDER BY type, name";
        var before = SqliteFile.Query(bulk.Path, schema);
        var large = Batch(Large);
        var organization = large.Nodes.OfType<Organization>().First();
        var person = new Person("person:late", "Late Comer", [], null, []);
        var small = new GraphBatch([person], [new Relation(RelationType.MemberOf, person.Id, organization.Id, [], [])]);

        foreach (var store in new[] { bulk, rowByRow })
        {
            await store.Store.ImportAsync(large, null, None);
            await store.Store.ImportAsync(small, null, None);
            Assert.True(await store.Store.DeleteNodeAsync(large.Nodes.OfType<Event>().First().Id, null, None));
        }

        Assert.Equal(before, SqliteFile.Query(bulk.Path, schema));
        Assert.Equal(["ok"], SqliteFile.Query(bulk.Path, "PRAGMA integrity_check"));
        AssertSameDerivedRows(bulk.Path, rowByRow.Path);
    }

    [Fact]
    public async Task ABulkImportOverAStoreOfFewRowsRefreshesThePlannersStatisticsBeforeItDerives()
    {
        var (few, empty) = (files.Open("few.db", bulkLoads: true), files.Open("empty.db", bulkLoads: true));
        await few.Store.ImportAsync(new GraphBatch([new Person("person:first", "First", [], null, [])], []), null, None);
        var batch = Batch(Large);

        var overFew = await PhasesOfImportAsync(few.Store, batch);
        var overEmpty = await PhasesOfImportAsync(empty.Store, batch);

        Assert.Contains("planner statistics", overFew);
        Assert.True(overFew.IndexOf("planner statistics") < overFew.IndexOf("node_refs and event_places"), string.Join(", ", overFew));
        Assert.DoesNotContain("planner statistics", overEmpty);
    }

    [Fact]
    public async Task StatisticsOfAOneNodeStoreWouldHaveTheDerivationScanNodesOncePerRefUntilRefreshedInTheTransaction()
    {
        var (store, path) = files.Open("stale.db", bulkLoads: true);
        await store.ImportAsync(new GraphBatch([new Person("person:first", "First", [], null, [])], []), null, None);
        Assert.NotEmpty(SqliteFile.Query(path, "SELECT * FROM sqlite_stat1 WHERE tbl = 'nodes'"));
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, """
            WITH RECURSIVE i (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 5000)
            INSERT INTO nodes (id, kind, label, body) SELECT 'person:p' || n, 'PERSON', 'P' || n, '{}' FROM i;
            WITH RECURSIVE i (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < 5000)
            INSERT INTO refs (node_id, field, target_id) SELECT 'person:p' || n, 'speaker', 'person:first' FROM i;
            """);

        Assert.Contains("SCAN n", PlanOf(connection, transaction, DerivedRows.NodeRefs));
        PlannerStatistics.Refresh(connection, transaction);
        Assert.Contains("SEARCH n", PlanOf(connection, transaction, DerivedRows.NodeRefs));
    }

    private static async Task<List<string>> PhasesOfImportAsync(SqliteGraphStore store, GraphBatch batch)
    {
        var phases = new List<string>();
        await store.ImportAsync(batch, new WriteContext("test") { Phases = new PhaseNames(phases) }, None);
        return phases;
    }

    private sealed class PhaseNames(List<string> names) : IProgress<ImportPhase>
    {
        public void Report(ImportPhase value) => names.Add(value.Name);
    }

    private static string PlanOf(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"EXPLAIN QUERY PLAN {sql}";
        using var reader = command.ExecuteReader();
        var details = new List<string>();
        while (reader.Read()) details.Add(reader.GetString(3));
        return string.Join(" | ", details);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static GraphBatch Batch(GenerationSettings settings) => GraphInputMapper.ToBatch(GraphGenerator.Whole(settings));

    private static void AssertSameDerivedRows(string bulk, string rowByRow)
    {
        foreach (var sql in Derived)
        {
            var expected = SqliteFile.Query(rowByRow, sql);
            Assert.NotEmpty(expected);
            Assert.True(expected.SequenceEqual(SqliteFile.Query(bulk, sql)), $"rows differ between the bulk and row-by-row paths: {sql}");
        }
    }

    private static long Count(string path, string table) => long.Parse(SqliteFile.Query(path, $"SELECT count(*) FROM {table}")[0]);

    public void Dispose() => files.Dispose();
}
