using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

[assembly: InternalsVisibleTo("ConflictGraph.Store.Tests")]

namespace ConflictGraph.Sqlite.Reading;

/// <summary>Ties a connection's running statement to a cancellation token through <c>sqlite3_interrupt</c>.</summary>
internal static class Interruption
{
    /// <summary>
    /// Interrupts the connection's running statement when the token fires, until the registration is disposed, which
    /// must happen before the handle can serve another connection (<see cref="InterruptibleConnection"/>).
    /// </summary>
    public static CancellationTokenRegistration Register(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var handle = connection.Handle!;
        return cancellationToken.Register(() =>
        {
            // A handle released meanwhile runs no statement: nothing to interrupt. Without this, a token that fires
            // late (the host's stopping token, long after the connection it once served closed) throws
            // ObjectDisposedException into whoever cancels it.
            if (handle.IsClosed) return;
            try { SQLitePCL.raw.sqlite3_interrupt(handle); }
            catch (ObjectDisposedException) { }
        });
    }
}
