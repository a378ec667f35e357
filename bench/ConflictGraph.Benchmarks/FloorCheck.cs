using Microsoft.Data.Sqlite;

namespace ConflictGraph.Benchmarks;

/// <summary>
/// The floor's file against the store our import wrote, once the floor has loaded it: the same tables, indexes and
/// triggers (by name and SQL; a full-text table by name only, the floor's being the form the sqlite3 shell can open) and
/// the same number of rows in every table, each full-text table's counted by its rows' sizes. A difference is a floor
/// that no longer loads what our import writes, and stops the benchmark rather than print a ratio against less work.
/// Empty and NULL are not told apart: a CSV line has one empty field for both, so the floor stores '' where our
/// nullable text columns hold NULL (the same size on the page, and no index is partial on them).
/// </summary>
public static class FloorCheck
{
    /// <summary>Each difference in words, naming the table, index or trigger; empty when the floor matches.</summary>
    public static IReadOnlyList<string> Differences(string ours, string floor)
    {
        using var a = Open(ours);
        using var b = Open(floor);
        var differences = new List<string>();
        var (oursSchema, floorSchema, fullText) = (Schema(a), Schema(b), FullTextTables(a));
        foreach (var (key, sql) in oursSchema)
        {
            if (!floorSchema.TryGetValue(key, out var other)) differences.Add($"{key.Type} {key.Name} is in our store, not in the floor's");
            else if (!fullText.Contains(key.Name) && sql != other) differences.Add($"{key.Type} {key.Name} differs: ours {sql}, the floor's {other}");
        }
        differences.AddRange(floorSchema.Keys.Where(k => !oursSchema.ContainsKey(k)).Select(k => $"{k.Type} {k.Name} is in the floor's file, not in our store"));
        foreach (var table in Counted(a).Where(t => floorSchema.ContainsKey(("table", t))))
        {
            var (mine, theirs) = (Count(a, table), Count(b, table));
            if (mine != theirs) differences.Add($"table {table} holds {mine:N0} rows in our store, {theirs:N0} in the floor's");
        }
        return differences;
    }

    /// <summary>Throws with every difference listed when the floor does not hold what our import wrote.</summary>
    public static void Require(string ours, string floor)
    {
        var differences = Differences(ours, floor);
        if (differences.Count > 0)
            throw new InvalidOperationException($"the sqlite3 floor did not load what our import wrote:\n  {string.Join("\n  ", differences)}");
    }

    private static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>Full-text tables and their shadow tables, whose SQL differs in the floor's shell-readable form (no contentless_delete).</summary>
    private static HashSet<string> FullTextTables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('virtual', 'shadow')";
        using var reader = command.ExecuteReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    /// <summary>Tables, indexes and triggers by (type, name), with their SQL ('' for an index behind a key).</summary>
    private static Dictionary<(string Type, string Name), string> Schema(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT type, name, coalesce(sql, '') FROM sqlite_schema WHERE type IN ('table', 'index', 'trigger')";
        using var reader = command.ExecuteReader();
        var schema = new Dictionary<(string, string), string>();
        while (reader.Read()) schema[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        return schema;
    }

    /// <summary>Ordinary tables, and of each full-text table the shadow table with a row per indexed row (its segments may differ).</summary>
    private static List<string> Counted(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_list WHERE schema = 'main' AND name <> 'sqlite_schema' " +
                              "AND (type = 'table' OR (type = 'shadow' AND name GLOB '*_docsize')) ORDER BY name";
        using var reader = command.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read()) tables.Add(reader.GetString(0));
        return tables;
    }

    private static long Count(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM \"{table}\"";
        return (long)command.ExecuteScalar()!;
    }
}
