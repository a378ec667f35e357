using System.Text;
using ConflictGraph.Sqlite;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Benchmarks;

/// <summary>
/// The floor an import is measured against: the <c>sqlite3</c> shell loading the rows our import wrote into a file with
/// our schema, in one transaction, with the same secondary indexes and triggers and the full-text rows built after the
/// load. Every table our import writes is loaded (<see cref="FloorTables"/>), the ones it derives (place_events, the kept
/// counts and cells) and its planner statistics included: the floor gets those as rows, dumped from our store, where our
/// import computes them, since the floor is SQLite's own cost of storing the same data and nothing in it validates, parses
/// JSON or computes a row. After the load, untimed, <see cref="FloorCheck"/> requires the floor's file to hold the same
/// tables, indexes, triggers and row counts as ours. Our import's items/s is read as a share of the floor's.
/// </summary>
public static class SqliteFloor
{
    /// <summary>Null (after saying why) when the shell is not installed; the benchmark then reports no floor.</summary>
    public static async Task<ImportMeasure?> RunAsync(RepoLayout layout, GraphWorkspace graph, string ourStore, CancellationToken cancellationToken)
    {
        if (!SqliteShell.Installed)
        {
            Console.WriteLine("  no sqlite3 shell on PATH: the import floor is not measured (apt-get install -y sqlite3)");
            return null;
        }
        var work = Path.Combine(layout.WorkDirectory, $"floor-{graph.Events}-seed{graph.Seed}");
        try
        {
            var outcome = await LoadAsync(ourStore, work, echo: true, cancellationToken);
            return new ImportMeasure(graph.Events, graph.Nodes, graph.Relations, outcome.Elapsed, outcome.CpuTime, outcome.PeakResidentBytes, Reused: false);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// Prepares <paramref name="work"/> (untimed: the rows as CSV, an empty file with our schema), loads it with the shell
    /// (the outcome is its time), and checks the floor's file against <paramref name="ourStore"/> (untimed). The file is
    /// <c>floor.db</c> in <paramref name="work"/>, which the caller deletes.
    /// </summary>
    public static async Task<ProcessOutcome> LoadAsync(string ourStore, string work, bool echo, CancellationToken cancellationToken)
    {
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        Directory.CreateDirectory(work);
        var tables = FloorTables.Of(ourStore);
        foreach (var table in tables.Rows)
            await SqliteShell.DumpAsync(ourStore, FloorSchema.Dump(ourStore, table), Csv(work, table), cancellationToken);
        await FloorTexts.DumpAsync(ourStore, tables.FullText.Select(t => (t.Name, Csv(work, t.Name))).ToList(), cancellationToken);
        var floor = Path.Combine(work, "floor.db");
        FloorSchema.Create(floor, tables);
        var script = Path.Combine(work, "load.sql");
        await File.WriteAllTextAsync(script, Script(floor, work, tables), cancellationToken);

        Console.WriteLine($"  floor: sqlite3 .import of the same rows ({tables.Rows.Count} tables, {tables.FullText.Count} full-text) into {floor}");
        var outcome = await ChildProcess.RunAsync(SqliteShell.Command(floor, $".read {script}"), TimeSpan.FromMinutes(60), echo, cancellationToken);
        // .import reports a row it could not insert and goes on: any such line fails the floor, as an error does.
        if (outcome.ExitCode != 0 || outcome.Output.Contains("Error", StringComparison.OrdinalIgnoreCase) || outcome.Output.Contains("failed", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"the sqlite3 floor failed with exit code {outcome.ExitCode}:\n{outcome.Output}");
        FloorCheck.Require(ourStore, floor);
        return outcome;
    }

    /// <summary>Drop triggers and secondary indexes, load every table, fill the full-text tables, build indexes and triggers again, commit.</summary>
    private static string Script(string floor, string work, FloorTables tables)
    {
        var (indexes, triggers) = FloorSchema.IndexesAndTriggers(floor);
        var script = new StringBuilder();
        script.AppendLine(".bail on");
        // As our import's bulk write sets it (BulkLoad.ImportCacheKib).
        script.AppendLine("PRAGMA cache_size = -262144;");
        script.AppendLine("BEGIN;");
        foreach (var (name, _) in triggers) script.AppendLine($"DROP TRIGGER \"{name}\";");
        foreach (var (name, _) in indexes) script.AppendLine($"DROP INDEX \"{name}\";");
        foreach (var table in tables.Rows)
        {
            // Creating the schema wrote a few rows (codings, meta, counts of nothing, statistics of empty tables): the loaded rows replace them.
            script.AppendLine($"DELETE FROM \"{table}\";");
            var columns = FloorSchema.StoredColumns(floor, table);
            if (!FloorSchema.HasGeneratedColumns(floor, table))
            {
                script.AppendLine($".import --csv {Csv(work, table)} {table}");
                continue;
            }
            // .import binds one value per column SELECT * shows, generated ones included, so such a table is loaded through a copy without them.
            script.AppendLine($"CREATE TEMP TABLE load_{table} AS SELECT {columns} FROM {table} WHERE false;");
            script.AppendLine($".import --csv {Csv(work, table)} load_{table}");
            script.AppendLine($"INSERT INTO {table} ({columns}) SELECT {columns} FROM load_{table};");
            script.AppendLine($"DROP TABLE load_{table};");
        }
        foreach (var (name, _) in tables.FullText)
        {
            script.AppendLine($"CREATE TEMP TABLE text_{name} (seq INTEGER, text TEXT);");
            script.AppendLine($".import --csv {Csv(work, name)} text_{name}");
            script.AppendLine($"INSERT INTO \"{name}\" (rowid, text) SELECT seq, text FROM text_{name};");
        }
        foreach (var (_, sql) in indexes) script.AppendLine($"{sql};");
        foreach (var (_, sql) in triggers) script.AppendLine($"{sql};");
        script.AppendLine("COMMIT;");
        return script.ToString();
    }

    private static string Csv(string work, string table) => Path.Combine(work, $"{table}.csv");
}
