using System.Diagnostics;
using System.Text;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Rules;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Benchmarks;

/// <summary>
/// The floor an import is measured against: the <c>sqlite3</c> shell loading the rows our import
/// wrote (every table, as CSV, through <c>.import</c>) into a file with our schema, in one
/// transaction, with the secondary indexes, the triggers and the full-text rows built after the
/// load. Nothing validates, parses JSON or computes a row: what is left is SQLite's own cost of
/// storing the same data, and our import's items/s is read as a share of it.
/// </summary>
public static class SqliteFloor
{
    // Tables whose rows the floor loads as they are. codings and meta are written when the schema is created.
    private static readonly string[] Tables =
        ["nodes", "refs", "relations", "claims", "facts", "fact_claims", "counts", "event_places", "node_refs", "event_rollup", "event_cube", "history_batches", "history"];

    /// <summary>Null (after saying why) when the shell is not installed; the benchmark then reports no floor.</summary>
    public static async Task<ImportMeasure?> RunAsync(RepoLayout layout, GraphWorkspace graph, string ourStore, CancellationToken cancellationToken)
    {
        if (!OnPath("sqlite3"))
        {
            Console.WriteLine("  no sqlite3 shell on PATH: the import floor is not measured (apt-get install -y sqlite3)");
            return null;
        }
        var work = Path.Combine(layout.WorkDirectory, $"floor-{graph.Events}-seed{graph.Seed}");
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        Directory.CreateDirectory(work);
        try
        {
            // Not timed: the rows as CSV, and an empty file with our schema (the CLI creates it importing an empty graph).
            var tables = Tables.Where(t => Exists(ourStore, t)).ToList();
            // Stored columns only: .import fills those, and a generated column (event_rollup.kind) is computed again.
            foreach (var table in tables)
                await DumpAsync(ourStore, $"SELECT {StoredColumns(ourStore, table)} FROM {table}", Path.Combine(work, $"{table}.csv"), cancellationToken);
            await DumpSearchTextsAsync(ourStore, Path.Combine(work, "search.csv"), cancellationToken);
            var floor = Path.Combine(work, "floor.db");
            var empty = Path.Combine(work, "empty.json");
            await File.WriteAllTextAsync(empty, "{}", cancellationToken);
            var created = await ChildProcess.RunAsync(
                ChildProcess.Dotnet(layout.Root, ImportMeasure.StoreEnvironment(floor), layout.CliDll, "import", empty), TimeSpan.FromMinutes(5), echo: false, cancellationToken);
            if (created.ExitCode != 0) throw new InvalidOperationException($"creating the floor's schema failed:\n{created.Output}");
            ShellReadableSearch(floor);
            var script = Path.Combine(work, "load.sql");
            await File.WriteAllTextAsync(script, Script(floor, work, tables), cancellationToken);

            Console.WriteLine($"  floor: sqlite3 .import of the same rows into {floor}");
            var outcome = await ChildProcess.RunAsync(Shell(floor, $".read {script}"), TimeSpan.FromMinutes(60), echo: true, cancellationToken);
            if (outcome.ExitCode != 0 || outcome.Output.Contains("Error", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"the sqlite3 floor failed with exit code {outcome.ExitCode}:\n{outcome.Output}");
            return new ImportMeasure(graph.Events, graph.Nodes, graph.Relations, outcome.Elapsed, outcome.CpuTime, outcome.PeakResidentBytes, Reused: false);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Drop triggers and secondary indexes, load every table, fill the full-text index, build indexes and triggers again, commit.</summary>
    private static string Script(string floor, string work, IReadOnlyList<string> tables)
    {
        var (indexes, triggers) = Schema(floor);
        var script = new StringBuilder();
        script.AppendLine(".bail on");
        // As our import's bulk write sets it (BulkLoad.ImportCacheKib).
        script.AppendLine("PRAGMA cache_size = -262144;");
        script.AppendLine("BEGIN;");
        foreach (var (name, _) in triggers) script.AppendLine($"DROP TRIGGER \"{name}\";");
        foreach (var (name, _) in indexes) script.AppendLine($"DROP INDEX \"{name}\";");
        // Creating the schema counted its empty tables; the loaded rows hold the counts.
        script.AppendLine("DELETE FROM counts;");
        foreach (var table in tables)
        {
            var csv = Path.Combine(work, $"{table}.csv");
            var columns = StoredColumns(floor, table);
            if (!HasGeneratedColumns(floor, table))
            {
                script.AppendLine($".import --csv {csv} {table}");
                continue;
            }
            // .import binds one value per column SELECT * shows, generated ones included, so such a table is loaded through a copy without them.
            script.AppendLine($"CREATE TEMP TABLE load_{table} AS SELECT {columns} FROM {table} WHERE false;");
            script.AppendLine($".import --csv {csv} load_{table}");
            script.AppendLine($"INSERT INTO {table} ({columns}) SELECT {columns} FROM load_{table};");
            script.AppendLine($"DROP TABLE load_{table};");
        }
        script.AppendLine("CREATE TEMP TABLE search_rows (seq INTEGER, text TEXT);");
        script.AppendLine($".import --csv {Path.Combine(work, "search.csv")} search_rows");
        script.AppendLine("INSERT INTO search (rowid, text) SELECT seq, text FROM search_rows;");
        foreach (var (_, sql) in indexes) script.AppendLine($"{sql};");
        foreach (var (_, sql) in triggers) script.AppendLine($"{sql};");
        script.AppendLine("COMMIT;");
        return script.ToString();
    }

    private static (List<(string Name, string Sql)> Indexes, List<(string Name, string Sql)> Triggers) Schema(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT type, name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name";
        using var reader = command.ExecuteReader();
        var (indexes, triggers) = (new List<(string, string)>(), new List<(string, string)>());
        while (reader.Read()) (reader.GetString(0) == "index" ? indexes : triggers).Add((reader.GetString(1), reader.GetString(2)));
        return (indexes, triggers);
    }

    /// <summary>The table's columns as table_info lists them (generated columns are not among them), in order.</summary>
    private static string StoredColumns(string file, string table)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat('\"' || name || '\"', ', ') FROM (SELECT name FROM pragma_table_info($name) ORDER BY cid)";
        command.Parameters.AddWithValue("$name", table);
        return (string)command.ExecuteScalar()!;
    }

    private static bool HasGeneratedColumns(string file, string table)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM pragma_table_xinfo($name) WHERE hidden IN (2, 3)";
        command.Parameters.AddWithValue("$name", table);
        return (long)command.ExecuteScalar()! > 0;
    }

    private static bool Exists(string file, string table)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return command.ExecuteScalar() is not null;
    }

    /// <summary>
    /// Our full-text table keeps no text (schema version 10), so the rows to fill it with are made from the
    /// nodes as our import makes them (<see cref="SearchText.For"/>), one (seq, text) line a node, not timed.
    /// </summary>
    private static async Task DumpSearchTextsAsync(string file, string csv, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, kind, body FROM nodes ORDER BY seq";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await using var output = new StreamWriter(csv, append: false, new UTF8Encoding(false));
        while (await reader.ReadAsync(cancellationToken))
        {
            var text = SearchText.For(NodeJson.Parse(reader.GetString(1), reader.GetString(2)));
            await output.WriteLineAsync($"{reader.GetInt64(0)},\"{text.Replace("\"", "\"\"")}\"");
        }
    }

    /// <summary>
    /// The shell here (Debian's 3.40) predates FTS5's contentless_delete option (3.43), with which our schema makes the
    /// full-text table, and cannot open the table: the floor's file gets a contentless table without that option, which
    /// holds the same index (the option adds what a delete by rowid needs, and the floor deletes nothing).
    /// </summary>
    private static void ShellReadableSearch(string floor)
    {
        using var connection = new SqliteConnection($"Data Source={floor};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DROP TABLE search; CREATE VIRTUAL TABLE search USING fts5 (text, content = '', tokenize = 'unicode61 remove_diacritics 2');";
        command.ExecuteNonQuery();
    }

    private static async Task DumpAsync(string file, string query, string csv, CancellationToken cancellationToken)
    {
        var outcome = await ChildProcess.RunAsync(Shell(file, ".mode csv", $".once {csv}", query), TimeSpan.FromMinutes(30), echo: false, cancellationToken);
        if (outcome.ExitCode != 0) throw new InvalidOperationException($"dumping '{query}' failed:\n{outcome.Output}");
    }

    private static ProcessStartInfo Shell(string file, params string[] commands)
    {
        var info = new ProcessStartInfo("sqlite3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-batch");
        info.ArgumentList.Add(file);
        foreach (var command in commands) info.ArgumentList.Add(command);
        return info;
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, program)));
}
