using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>Where every statement makes its command, so a pooled read connection can hand out one it prepared before.</summary>
internal static class Statements
{
    /// <summary>A command for <paramref name="sql"/> on <paramref name="connection"/>; dispose it after use as any command.</summary>
    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null) =>
        connection is ReadConnection read ? read.Command(sql, transaction) : new SqliteCommand(sql, connection, transaction);

    /// <summary>Runs <paramref name="sql"/> (one statement or several) for its effect, inside <paramref name="transaction"/> when given.</summary>
    public static void Execute(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.Command(sql, transaction);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// A row count for a LIMIT, written into the SQL rather than bound: SQLite reads a bound LIMIT's
    /// value while planning, so every new binding makes it prepare the statement again at its next
    /// step (<c>SQLITE_STMTSTATUS_REPREPARE</c> counts one per run), which undoes keeping it prepared.
    /// Page sizes are few, so each stays one kept statement.
    /// </summary>
    public static string Limit(long rows) => rows.ToString(CultureInfo.InvariantCulture);
}
