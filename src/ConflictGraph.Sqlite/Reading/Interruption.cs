using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

[assembly: InternalsVisibleTo("ConflictGraph.Store.Tests")]

namespace ConflictGraph.Sqlite.Reading;

/// <summary>Ties a connection's running statement to a cancellation token through <c>sqlite3_interrupt</c>.</summary>
internal static class Interruption
{
    public static void Attach(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var handle = connection.Handle;
        var registration = cancellationToken.Register(() => SQLitePCL.raw.sqlite3_interrupt(handle));
        // Detached when the connection closes, before its handle goes back to the pool for another request.
        connection.StateChange += (_, change) =>
        {
            if (change.CurrentState == System.Data.ConnectionState.Closed) registration.Dispose();
        };
    }

}
