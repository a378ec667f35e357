using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// The store's open read connections, each with its prepared statements (see <see cref="ReadConnection"/>).
/// A request takes one and gives it back when it disposes it; at most <see cref="MaxIdle"/> wait idle,
/// a connection handed back beyond that is closed (into Microsoft.Data.Sqlite's own pool).
/// </summary>
internal sealed class ReadConnections(string connectionString, Action<SqliteConnection> opened, long mapBytes) : IDisposable
{
    /// <summary>
    /// How much of the file each connection maps into memory (SQLite's <c>mmap_size</c>, from
    /// <see cref="SqliteStoreOptions.ReadMapMiB"/>): its pages are read in place from the operating system's cache
    /// instead of with one read call and one copy each into the connection's own page cache. Pages past it, and
    /// pages still in the write-ahead log, are read that way.
    /// </summary>
    public long MapBytes => mapBytes;

    /// <summary>Idle connections kept open: enough for the requests running at once on a few cores.</summary>
    public static readonly int MaxIdle = Math.Max(8, Environment.ProcessorCount * 4);

    private readonly ConcurrentBag<ReadConnection> idle = [];
    private int idleCount;
    private volatile bool disposed;

    /// <summary>An open connection for one request's reads; dispose it to give it back.</summary>
    public ReadConnection Take(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (!idle.TryTake(out var connection)) connection = new ReadConnection(connectionString, this);
        else Interlocked.Decrement(ref idleCount);
        connection.Lend(cancellationToken, opened);
        return connection;
    }

    /// <summary>
    /// Opens a connection and keeps it idle, so that the file's write-ahead log, which SQLite empties when the process's
    /// last connection to the file closes, outlives the store's start-up before the first request reads. It reads once:
    /// a connection holds the file's shared lock, which keeps the log, from its first read on.
    /// </summary>
    public void OpenOne()
    {
        using var connection = Take(CancellationToken.None);
        connection.Execute("PRAGMA schema_version");
    }

    /// <summary>Keeps a connection handed back when it is open, outside a transaction, and there is room.</summary>
    internal bool TryKeep(ReadConnection connection)
    {
        if (disposed || connection.State != System.Data.ConnectionState.Open
            || SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0) return false;
        if (Interlocked.Increment(ref idleCount) > MaxIdle)
        {
            Interlocked.Decrement(ref idleCount);
            return false;
        }
        idle.Add(connection);
        // Closed while it was being handed back: close it too.
        if (disposed) Drain();
        return true;
    }

    public void Dispose()
    {
        disposed = true;
        Drain();
    }

    private void Drain()
    {
        while (idle.TryTake(out var connection)) connection.Dispose();
    }
}
