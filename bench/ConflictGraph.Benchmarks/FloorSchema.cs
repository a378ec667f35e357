using System.Text.RegularExpressions;
using ConflictGraph.Sqlite;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Benchmarks;

/// <summary>The floor's file: created empty with our schema by our own store, and what the load script reads off a schema.</summary>
public static partial class FloorSchema
{
    /// <summary>
    /// An empty file with our schema, as our store creates one, whose full-text tables the shell can open: the shell here
    /// (Debian's 3.40) predates FTS5's contentless_delete option (3.43), with which our schema makes them, so the floor's
    /// are contentless without that option. They hold the same index (the option adds what a delete by rowid needs, and
    /// the floor deletes nothing).
    /// </summary>
    public static void Create(string floor, FloorTables tables)
    {
        using (new SqliteGraphStore(new SqliteStoreOptions { Path = floor })) { }
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={floor};Pooling=False");
        connection.Open();
        foreach (var (name, sql) in tables.FullText)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"DROP TABLE \"{name}\"; {ContentlessDelete().Replace(sql, "")};";
            command.ExecuteNonQuery();
        }
    }

    public static (List<(string Name, string Sql)> Indexes, List<(string Name, string Sql)> Triggers) IndexesAndTriggers(string file)
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

    /// <summary>
    /// The query that dumps <paramref name="table"/>'s rows for the floor: its stored columns only (.import fills those, and a
    /// generated column, event_rollup.kind, is computed again), in the order of its key. Without the order SQLite answers
    /// a plain SELECT of refs, node_refs, event_places and place_events from a covering index, and the shell then inserts
    /// the rows out of the table's own order, each a seek into the B-tree where in key order it is an append: a dearer
    /// floor than the shell's best.
    /// </summary>
    public static string Dump(string file, string table) => $"SELECT {StoredColumns(file, table)} FROM \"{table}\" ORDER BY {KeyOrder(file, table)}";

    /// <summary>The columns of a WITHOUT ROWID table's primary key in the key's order; <c>rowid</c> for a rowid table.</summary>
    public static string KeyOrder(string file, string table)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT CASE (SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = $name) WHEN 1
                THEN (SELECT group_concat('"' || name || '"', ', ') FROM (SELECT name FROM pragma_table_info($name) WHERE pk > 0 ORDER BY pk))
                ELSE 'rowid' END
            """;
        command.Parameters.AddWithValue("$name", table);
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>The table's columns as table_info lists them (generated columns are not among them), in order.</summary>
    public static string StoredColumns(string file, string table)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat('\"' || name || '\"', ', ') FROM (SELECT name FROM pragma_table_info($name) ORDER BY cid)";
        command.Parameters.AddWithValue("$name", table);
        return (string)command.ExecuteScalar()!;
    }

    public static bool HasGeneratedColumns(string file, string table)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM pragma_table_xinfo($name) WHERE hidden IN (2, 3)";
        command.Parameters.AddWithValue("$name", table);
        return (long)command.ExecuteScalar()! > 0;
    }

    [GeneratedRegex(@",\s*contentless_delete\s*=\s*1", RegexOptions.IgnoreCase)]
    private static partial Regex ContentlessDelete();
}
