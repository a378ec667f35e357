using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// A read transaction for a store call that runs several statements: each sees the same state of
/// the file until the snapshot is disposed. BEGIN and ROLLBACK run as commands of the connection,
/// so a kept read connection keeps them prepared like any other statement; Microsoft.Data.Sqlite's
/// own transaction compiles both again for every call. Statements inside take no
/// <see cref="SqliteTransaction"/>: Microsoft.Data.Sqlite asks for one only when it began the
/// transaction itself. A store call of one statement needs none: a statement reads one state.
/// </summary>
internal readonly struct ReadSnapshot : IDisposable
{
    private readonly SqliteConnection connection;

    private ReadSnapshot(SqliteConnection connection) => this.connection = connection;

    public static ReadSnapshot Begin(SqliteConnection connection)
    {
        connection.Execute("BEGIN");
        return new ReadSnapshot(connection);
    }

    /// <summary>
    /// A snapshot for a store call that runs <paramref name="statements"/> statements; for one (or none), nothing to
    /// begin or end: BEGIN and ROLLBACK would be two of its three executions.
    /// </summary>
    public static ReadSnapshot For(SqliteConnection connection, int statements) => statements > 1 ? Begin(connection) : default;

    /// <summary>Ends the read; a connection left inside a transaction (ROLLBACK failed) is closed, not kept (<see cref="ReadConnections.TryKeep"/>).</summary>
    public void Dispose()
    {
        // A failed statement may have ended the transaction already; a snapshot of one statement began none.
        if (connection is not null && SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0) connection.Execute("ROLLBACK");
    }
}
