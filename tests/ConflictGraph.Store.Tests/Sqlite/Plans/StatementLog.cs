using ConflictGraph.Sqlite;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite.Plans;

/// <summary>
/// Every statement a <see cref="SqliteGraphStore"/> runs, as SQLite itself reports it (with its
/// parameters' values written in), under the label of the store operation that ran it.
/// </summary>
public sealed class StatementLog
{
    private readonly Lock sync = new();
    private readonly List<(string Label, string Sql)> statements = [];

    /// <summary>What the store is doing now; every statement traced from here on is filed under it.</summary>
    public string Label { get; set; } = "open";

    public IReadOnlyList<(string Label, string Sql)> Statements
    {
        get
        {
            lock (sync) return statements.Distinct().ToList();
        }
    }

    /// <summary>Traces every connection the store opens (a pooled one is traced again, which replaces the hook).</summary>
    internal void Attach(SqliteGraphStore store) => store.ConnectionOpened = connection =>
        SQLitePCL.raw.sqlite3_trace(connection.Handle, (_, sql) => Record(sql), null);

    private void Record(string sql)
    {
        // Trigger programs are announced as comments; their statements are the schema's, checked on their own.
        if (sql.StartsWith("--", StringComparison.Ordinal)) return;
        lock (sync) statements.Add((Label, sql.Trim()));
    }
}
