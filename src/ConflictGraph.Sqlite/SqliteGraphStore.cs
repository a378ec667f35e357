using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.History;
using ConflictGraph.Sqlite.Reading;
using ConflictGraph.Sqlite.Schema;
using ConflictGraph.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, so reads run on their own pooled connections
/// and see the last committed state while a write is in progress. One write at a time.
/// </summary>
public sealed partial class SqliteGraphStore : IGraphStore, IDisposable
{
    private readonly string connectionString;
    private readonly string readConnectionString;
    private readonly SqliteStoreOptions options;
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly TimeProvider clock;
    private readonly ReadConnections reads;

    /// <summary>Opens (creating when missing) and migrates the file.</summary>
    /// <param name="clock">Stamps change-log batches; the system clock by default.</param>
    /// <exception cref="StoreUnavailableException">The file cannot be opened or is from a newer build.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The busy timeout or the read mapping lies outside its accepted range.</exception>
    public SqliteGraphStore(SqliteStoreOptions options, TimeProvider? clock = null)
    {
        if (options.BusyTimeoutSeconds is < SqliteStoreOptions.MinBusyTimeoutSeconds or > SqliteStoreOptions.MaxBusyTimeoutSeconds)
            throw new ArgumentOutOfRangeException(nameof(options), options.BusyTimeoutSeconds,
                $"the busy timeout must lie in {SqliteStoreOptions.MinBusyTimeoutSeconds}..{SqliteStoreOptions.MaxBusyTimeoutSeconds} s");
        if (options.ReadMapMiB is < 0 or > SqliteStoreOptions.MaxReadMapMiB)
            throw new ArgumentOutOfRangeException(nameof(options), options.ReadMapMiB,
                $"the read connections' mapping must lie in 0..{SqliteStoreOptions.MaxReadMapMiB} MiB");
        this.options = options;
        this.clock = clock ?? TimeProvider.System;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.Path,
            Mode = options.CreateIfMissing ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            // Microsoft.Data.Sqlite retries a busy statement (and BEGIN) until this many seconds have passed.
            DefaultTimeout = options.BusyTimeoutSeconds,
        }.ToString();
        // Reads check no foreign key, so their connections skip the PRAGMA that turns the checks on at every open.
        readConnectionString = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = null }.ToString();
        reads = new ReadConnections(readConnectionString, Opened, options.ReadMapMiB * 1024L * 1024);
        try
        {
            using var connection = Open(writing: true);
            Migrations.Apply(connection);
            CodingRows.Sync(connection);
            PlannerStatistics.Refresh(connection);
            LoggedPageCount.Ensure(connection, options.Path);
            // Open before the write connection can leave Microsoft.Data.Sqlite's pool: the last connection closed
            // empties the log again, and reads would ask the OS for the file's size once more (LoggedPageCount).
            reads.OpenOne();
        }
        catch (SqliteException e)
        {
            throw new StoreUnavailableException($"cannot open the SQLite store at '{options.Path}': {e.Message}", e);
        }
    }

    /// <summary>Runs on every connection the store opens; the query-plan test traces statements with it.</summary>
    internal Action<SqliteConnection>? ConnectionOpened { get; set; }

    /// <summary>
    /// An open pooled connection whose running statement SQLite interrupts when
    /// <paramref name="cancellationToken"/> fires (Microsoft.Data.Sqlite's own Cancel does nothing),
    /// so a request that was stopped stops its query too.
    /// </summary>
    /// <param name="writing">
    /// A connection for writes, with foreign keys checked; reads share open connections of their own
    /// that keep their prepared statements (<see cref="ReadConnections"/>).
    /// </param>
    internal SqliteConnection Open(CancellationToken cancellationToken = default, bool writing = false)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!writing) return reads.Take(cancellationToken);
        var connection = new WriteConnection(connectionString);
        connection.Lend(cancellationToken, Opened);
        return connection;
    }

    private void Opened(SqliteConnection connection)
    {
        if (options.StatementTimed is { } timed)
            SQLitePCL.raw.sqlite3_profile(connection.Handle, (_, sql, ns) => timed(sql, TimeSpan.FromTicks(ns / 100)), null);
        ConnectionOpened?.Invoke(connection);
    }

    public async Task<IReadOnlyList<Node>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return [];
        await using var connection = Open(cancellationToken);
        return await NodeReads.ByIdsAsync(connection, ids, cancellationToken);
    }

    public async Task<IReadOnlyList<Node>> GetReferencingNodesAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = Open(cancellationToken);
        await using var command = connection.Command("SELECT kind, body FROM nodes WHERE id IN (SELECT node_id FROM refs WHERE target_id = $id) AND id <> $id ORDER BY id");
        command.Parameters.AddWithValue("$id", id);
        var found = new List<Node>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) found.Add(NodeRow.Read(reader));
        return found;
    }

    public Task<ImportResult> ImportAsync(GraphBatch batch, WriteContext? write, CancellationToken cancellationToken) =>
        WriteAsync(connection => GraphWriter.ImportAsync(connection, batch, write ?? WriteContext.Unattributed, clock, options.LogImports, options.BulkLoads, cancellationToken), cancellationToken);

    /// <summary>Chunk by chunk inside one transaction: memory holds one chunk, not the batch.</summary>
    public Task<ImportResult> ImportAsync(GraphChunks chunks, WriteContext? write, CancellationToken cancellationToken) =>
        WriteAsync(connection => GraphWriter.ImportAsync(connection, chunks, write ?? WriteContext.Unattributed, clock, options.LogImports, options.BulkLoads, cancellationToken), cancellationToken);

    public Task<bool> DeleteNodeAsync(string id, WriteContext? write, CancellationToken cancellationToken) =>
        WriteAsync(connection => NodeDeletion.DeleteAsync(connection, id, write ?? WriteContext.Unattributed, clock, cancellationToken), cancellationToken);

    /// <summary>One write at a time from this process; other processes wait on the file's write lock.</summary>
    private async Task<T> WriteAsync<T>(Func<SqliteConnection, Task<T>> write, CancellationToken cancellationToken)
    {
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = Open(cancellationToken, writing: true);
            var result = await write(connection);
            // The planner's statistics follow what the write changed (cheap when little did).
            PlannerStatistics.Refresh(connection);
            return result;
        }
        catch (SqliteException e) when (IsBusy(e))
        {
            throw Busy(e);
        }
        finally
        {
            writeLock.Release();
        }
    }

    public async IAsyncEnumerable<Node> ExportNodesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = Open(cancellationToken);
        await using var command = connection.Command("SELECT kind, body FROM nodes ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) yield return NodeRow.Read(reader);
    }

    public async IAsyncEnumerable<Relation> ExportRelationsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = Open(cancellationToken);
        const int chunk = 1000;
        string after = "";
        while (true)
        {
            var relations = await RelationReads.QueryAsync(connection,
                $"SELECT id, type, from_id, to_id FROM relations WHERE id > $after ORDER BY id LIMIT {Statements.Limit(chunk)}",
                c => c.Parameters.AddWithValue("$after", after),
                cancellationToken);
            foreach (var relation in relations) yield return relation;
            if (relations.Count < chunk) yield break;
            after = relations[^1].Id;
        }
    }

    public async Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        // The kept counts (see the schema): node kinds are the keys 'node:KIND', relations 'relations'.
        var byKind = new List<KindCount>();
        await using (var command = connection.Command("SELECT substr(key, 6), value FROM counts WHERE key > 'node:' AND key < 'node;' AND instr(substr(key, 6), ':') = 0 AND value > 0 ORDER BY key", transaction))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                byKind.Add(new KindCount(EnumNames.Parse<NodeKind>(reader.GetString(0)), reader.GetInt32(1)));
        }
        await using var relations = connection.Command("SELECT coalesce(sum(value), 0) FROM counts WHERE key = 'relations'", transaction);
        var relationCount = Convert.ToInt32(await relations.ExecuteScalarAsync(cancellationToken));
        return new GraphStats(byKind.Sum(k => k.Count), relationCount, byKind);
    }

    /// <summary>SQLITE_BUSY or SQLITE_LOCKED: another connection held the lock past <see cref="SqliteStoreOptions.BusyTimeoutSeconds"/>.</summary>
    private static bool IsBusy(SqliteException e) => e.SqliteErrorCode is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED;

    private StoreBusyException Busy(SqliteException e) => new(
        $"the SQLite store at '{options.Path}' is locked by another writer (waited {options.BusyTimeoutSeconds} s); nothing was written, try again when it is done", e);

    public async Task<long> GetDataVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open(cancellationToken);
        await using var command = connection.Command(HistoryCounts.Newest);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    public void Dispose()
    {
        writeLock.Dispose();
        reads.Dispose();
        // Pooled connections keep the file open; release them so the file can be moved or deleted.
        foreach (var pool in new[] { connectionString, readConnectionString })
        {
            using var pooled = new SqliteConnection(pool);
            SqliteConnection.ClearPool(pooled);
        }
    }
}
