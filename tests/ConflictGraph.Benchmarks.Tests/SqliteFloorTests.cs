using ConflictGraph.Cli.Generate;
using ConflictGraph.Core.Import;
using ConflictGraph.Sqlite;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Benchmarks.Tests;

/// <summary>The import's floor loads what our import writes: every table, with our indexes and triggers, held to our store's by a check.</summary>
public sealed class SqliteFloorTests : IDisposable
{
    private readonly string directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"floor-tests-{Guid.NewGuid():N}")).FullName;

    [SkippableFact]
    public async Task TheFloorHoldsEveryTableOurBulkImportWritesWithOurIndexesAndTriggers()
    {
        Skip.IfNot(SqliteShell.Installed, "no sqlite3 shell on PATH (apt-get install -y sqlite3)");
        var ours = Path.Combine(directory, "ours.db");
        // 4,000 events are over BulkLoad.MinimumItems: the import drops indexes and triggers and derives its tables set-wise.
        using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = ours }))
            await store.ImportAsync(GraphInputMapper.ToBatch(GraphGenerator.Whole(new GenerationSettings(4_000, 5, EventsPerFile: 4_000))), null, CancellationToken.None);
        SqliteConnection.ClearAllPools();

        await SqliteFloor.LoadAsync(ours, Path.Combine(directory, "floor"), echo: false, CancellationToken.None);

        var floor = Path.Combine(directory, "floor", "floor.db");
        Assert.Empty(FloorCheck.Differences(ours, floor));
        // Equal counts of empty tables would say nothing: the derived tables, the statistics and both full-text tables hold rows.
        string[] derived = ["node_refs", "event_places", "place_events", "counts", "event_rollup", "event_cube", "event_days", "actor_kinds", "place_months",
            "organization_statements", "speaker_statements", "sqlite_stat1", "search_docsize", "search_names_docsize"];
        Assert.All(derived, table => Assert.True(Count(floor, table) > 0, $"{table} is empty"));
    }

    [Fact]
    public async Task EachTableIsDumpedInItsKeysOrderFromTheTableItself()
    {
        // An imported store, with the planner statistics our import takes: with them SQLite answered a plain SELECT of
        // node_refs, event_places and place_events from a covering index, out of the tables' key order.
        var ours = Path.Combine(directory, "ours.db");
        using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = ours }))
            await store.ImportAsync(GraphInputMapper.ToBatch(GraphGenerator.Whole(new GenerationSettings(4_000, 5, EventsPerFile: 4_000))), null, CancellationToken.None);
        SqliteConnection.ClearAllPools();

        Assert.Equal("\"node_id\", \"field\", \"target_id\"", FloorSchema.KeyOrder(ours, "node_refs"));
        Assert.Equal("rowid", FloorSchema.KeyOrder(ours, "nodes"));
        Assert.All(FloorTables.Of(ours).Rows, table => Assert.Equal($"SCAN {table}", Plan(ours, FloorSchema.Dump(ours, table))));
    }

    [Fact]
    public void TheCheckNamesEveryTableIndexTriggerAndRowCountOurStoreHasAndTheFloorLacks()
    {
        var (ours, floor) = (Empty("ours.db"), Empty("floor.db"));
        Assert.Empty(FloorCheck.Differences(ours, floor));

        Execute(ours, """
            CREATE TABLE later_cells (place_id TEXT PRIMARY KEY, events INTEGER NOT NULL) STRICT, WITHOUT ROWID;
            CREATE INDEX nodes_by_label ON nodes (label);
            CREATE TRIGGER later_cells_counted AFTER INSERT ON nodes BEGIN SELECT 1; END;
            INSERT INTO counts (key, value) VALUES ('later', 1);
            """);
        Execute(floor, "DROP INDEX place_events_by_seq; CREATE INDEX place_events_by_seq ON place_events (event_seq, place_id);");

        var differences = FloorCheck.Differences(ours, floor);
        Assert.Contains("table later_cells is in our store, not in the floor's", differences);
        Assert.Contains("index nodes_by_label is in our store, not in the floor's", differences);
        Assert.Contains("trigger later_cells_counted is in our store, not in the floor's", differences);
        Assert.Contains(differences, d => d.StartsWith("index place_events_by_seq differs", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("table counts holds", StringComparison.Ordinal));
        Assert.Equal(5, differences.Count);
        Assert.Contains("later_cells", Assert.Throws<InvalidOperationException>(() => FloorCheck.Require(ours, floor)).Message);
    }

    [Fact]
    public void TheFloorsTablesAreReadOffOurSchemaSoATableAddedLaterIsLoaded()
    {
        var ours = Empty("ours.db");
        Execute(ours, "CREATE TABLE later_cells (place_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;");

        var tables = FloorTables.Of(ours);

        Assert.Contains("later_cells", tables.Rows);
        Assert.Contains("speaker_statements", tables.Rows);
        Assert.Equal(["search", "search_names"], tables.FullText.Select(t => t.Name).Order());
        Assert.DoesNotContain(tables.Rows, t => t.StartsWith("search", StringComparison.Ordinal) || t == "sqlite_schema");

        Execute(ours, "CREATE VIRTUAL TABLE later_words USING fts5 (text);");
        Assert.Contains("later_words", Assert.Throws<InvalidOperationException>(() => FloorTables.Of(ours)).Message);
    }

    private string Empty(string name)
    {
        var path = Path.Combine(directory, name);
        using (new SqliteGraphStore(new SqliteStoreOptions { Path = path })) { }
        SqliteConnection.ClearAllPools();
        return path;
    }

    private static void Execute(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Plan(string file, string query)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"EXPLAIN QUERY PLAN {query}";
        using var reader = command.ExecuteReader();
        var steps = new List<string>();
        while (reader.Read()) steps.Add(reader.GetString(3));
        return string.Join("; ", steps);
    }

    private static long Count(string file, string table)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM \"{table}\"";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
