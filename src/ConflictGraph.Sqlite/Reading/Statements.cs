using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>Where every statement makes its command, so a pooled read connection can hand out one it prepared before.</summary>
internal static class Statements
{
    /// <summary>A command for <paramref name="sql"/> on <paramref name="connection"/>; dispose it after use as any command.</summary>
    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null) =>
        connection is ReadConnection read ? read.Command(sql, transaction) : new SqliteCommand(sql, connection, transaction);

    /// <summary>
    /// The rows of a command of one statement, read through SQLite's own API (<see cref="KeptStatement"/>): a command the
    /// connection keeps keeps its statement so prepared; any other prepares it for this use. Dispose the rows before the command.
    /// </summary>
    public static StatementRows Rows(this SqliteCommand command, CancellationToken cancellationToken) =>
        command is PreparedCommand kept ? kept.Rows(cancellationToken)
            : new KeptStatement(command.Connection!, command.CommandText).Rows(command.Parameters, command.CommandTimeout, once: true, cancellationToken);

    /// <summary>
    /// Runs <paramref name="sql"/> (one statement or several) for its effect, inside <paramref name="transaction"/> when given;
    /// the first statement that fails throws, and the rest do not run.
    /// </summary>
    /// <remarks>
    /// Every statement is stepped through the reader here: a command's ExecuteNonQuery stops its reader at the first statement
    /// that returns columns and runs the rest as the reader is disposed, where Microsoft.Data.Sqlite drops their errors
    /// (dotnet/efcore#32740), so a script with a query before a failing statement returned as if it had run, and a caller's
    /// transaction committed what came before the failure.
    /// </remarks>
    public static void Execute(this SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.Command(sql, transaction);
        using var reader = command.ExecuteReader();
        while (reader.NextResult()) { }
    }

    /// <summary>
    /// A row count for a LIMIT, written into the SQL rather than bound: SQLite reads a bound LIMIT's
    /// value while planning, so every new binding makes it prepare the statement again at its next
    /// step (<c>SQLITE_STMTSTATUS_REPREPARE</c> counts one per run), which undoes keeping it prepared.
    /// Page sizes are few, so each stays one kept statement.
    /// </summary>
    public static string Limit(long rows) => rows.ToString(CultureInfo.InvariantCulture);
}
