using ConflictGraph.Cli.Generate;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>
/// A kept count as its tests see it: its table, the fill that derives it, the rows read back, its triggers and its import phase.
/// <paramref name="Prefix"/>: what its schema objects' names (its table, its triggers) start with, when not the table's name:
/// rows kept in a table of another's (<c>node_refs WHERE field = ...</c>) name their triggers apart.
/// </summary>
internal sealed record KeptTable(string Table, string Fill, string Rows, IReadOnlyList<string> Triggers, string Phase, string? Prefix = null)
{
    public string Names => Prefix ?? Table;
}

/// <summary>The checks every kept count's tests make, given the kept table.</summary>
internal static class KeptCounts
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A small generated graph, and a larger one of the same seed that rewrites its statements and people.</summary>
    public static readonly GenerationSettings Small = new(600, 5, EventsPerFile: 600), Large = new(4_000, 5, EventsPerFile: 4_000);

    public static GraphBatch Batch(GenerationSettings settings) => GraphInputMapper.ToBatch(GraphGenerator.Whole(settings));

    /// <summary>
    /// The rows <paramref name="kept"/> reads equal those it reads once <paramref name="table"/> is emptied and derived again
    /// by <paramref name="fill"/> (<see cref="Recount"/>); and there are some.
    /// </summary>
    public static void AssertIsRecount(string path, string table, string fill, string kept)
    {
        var stored = SqliteFile.Query(path, kept);
        var recounted = Recount(path, table, fill, kept);
        Assert.NotEmpty(recounted);
        Assert.Equal(recounted, stored);
    }

    /// <summary>
    /// The rows <paramref name="kept"/> reads (as <see cref="SqliteFile.Query"/> gives them) once <paramref name="table"/> is
    /// emptied and derived again by <paramref name="fill"/>, in a transaction rolled back: what the kept rows would be, derived
    /// from scratch, with the file left as it was.
    /// </summary>
    public static List<string> Recount(string path, string table, string fill, string kept)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"DELETE FROM {table}; {fill}";
        command.ExecuteNonQuery();
        command.CommandText = kept;
        var recounted = SqliteFile.Rows(command);
        transaction.Rollback();
        return recounted;
    }

    public static void AssertIsRecount(string path, KeptTable kept) => AssertIsRecount(path, kept.Table, kept.Fill, kept.Rows);

    /// <summary>
    /// A bulk import of <paramref name="batch"/> derives the rows <paramref name="rows"/> reads as the triggers keep them when
    /// the same batch is written row by row, and there are more than <paramref name="atLeast"/>. Returns them, with both files.
    /// </summary>
    public static async Task<(List<string> Rows, string BulkPath, string RowsPath)> AssertBulkImportDerivesWhatTheTriggersKeepAsync(
        TemporaryStores files, GraphBatch batch, string rows, int atLeast)
    {
        var (bulk, bulkPath) = files.Open("bulk.db");
        var (byRow, rowsPath) = files.Open("rows.db", bulkLoads: false);
        await bulk.ImportAsync(batch, null, None);
        await byRow.ImportAsync(batch, null, None);
        var derived = SqliteFile.Query(bulkPath, rows);
        Assert.True(derived.Count > atLeast, $"{derived.Count} rows, fewer than the {atLeast} expected");
        Assert.Equal(derived, SqliteFile.Query(rowsPath, rows));
        return (derived, bulkPath, rowsPath);
    }

    /// <summary>
    /// An import of the larger graph stopped before its commit leaves the kept rows as they were, and a recount: a bulk import
    /// stopped once it reaches the kept table's phase (it has derived the rows), a write row by row after its first items.
    /// </summary>
    public static async Task AssertStoppedImportLeavesThemAsTheyWereAsync(TemporaryStores files, KeptTable kept, bool bulkLoads)
    {
        var (store, path) = files.Open($"stopped-{bulkLoads}.db", bulkLoads);
        await store.ImportAsync(Batch(Small), null, None);
        var before = SqliteFile.Query(path, kept.Rows);
        using var stop = new CancellationTokenSource();
        var write = WriteContext.Unattributed with
        {
            Progress = bulkLoads ? null : new SynchronousProgress<int>(_ => stop.Cancel()),
            Phases = new SynchronousProgress<ImportPhase>(p => { if (p.Name == kept.Phase) stop.Cancel(); }),
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ImportAsync(Batch(Large), write, stop.Token));

        Assert.True(stop.IsCancellationRequested);
        Assert.Equal(before, SqliteFile.Query(path, kept.Rows));
        AssertIsRecount(path, kept);
    }

    /// <summary>
    /// A file written as schema <paramref name="version"/> (<see cref="OlderSchemas"/>, with <paramref name="older"/> run after its
    /// undo) has no kept table; opened, it is the latest schema, with the rows a fresh import made and every trigger. Returns the
    /// reopened store, its file and those rows, for the checks a kept count adds.
    /// </summary>
    public static async Task<(SqliteGraphStore Store, string Path, List<string> Fresh)> AssertOlderFileGainsThemAsync(
        TemporaryStores files, KeptTable kept, int version, string older = "")
    {
        var (store, path) = files.Open("old.db", bulkLoads: false);
        await store.ImportAsync(Batch(Small), null, None);
        var fresh = SqliteFile.Query(path, kept.Rows);
        Assert.NotEmpty(fresh);
        store.Dispose();
        OlderSchemas.Write(path, version, older);
        Assert.Empty(SqliteFile.Query(path, $"SELECT name FROM sqlite_schema WHERE name LIKE '{kept.Names}%'"));
        // Rows kept in another's table outlive their own schema objects: the older file must hold none of them either.
        if (kept.Prefix is not null) Assert.Empty(SqliteFile.Query(path, kept.Rows));

        var (reopened, _) = files.Open("old.db", bulkLoads: false);
        await reopened.GetStatsAsync(None);

        OlderSchemas.AssertLatest(path);
        Assert.Equal(fresh, SqliteFile.Query(path, kept.Rows));
        Assert.Equal(kept.Triggers.Order(StringComparer.Ordinal),
            SqliteFile.Query(path, $"SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '{kept.Names}%' ORDER BY name"));
        return (reopened, path, fresh);
    }
}
