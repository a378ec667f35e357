using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;
using ConflictGraph.Sqlite.Schema;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>
/// A store opened on a file whose write-ahead log is empty gives the log one commit, and copies the log back into the file,
/// so reads take the file's page count from the log instead of an fstat each and skip the log's index for their pages
/// (LoggedPageCount); nothing a read answers changes.
/// </summary>
public sealed class LoggedPageCountTests : IDisposable
{
    private readonly TemporaryStores files = new("conflictgraph-sqlite-logged-");

    /// <summary>A file with one person in it and its log emptied, as an import leaves it once its last connection closed.</summary>
    private async Task<string> ImportedFileAsync()
    {
        var path = files.PathOf("imported.db");
        using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path }))
            await store.ImportAsync(new GraphBatch([new Person("person:a", "A", [], null, [])], []), null, CancellationToken.None);
        Assert.False(LoggedPageCount.LogHoldsAFrame(path));
        return path;
    }

    /// <summary>(frames in the log, frames copied back) by a checkpoint that copies nothing it need wait for.</summary>
    private static (long Logged, long CopiedBack) Log(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(1), reader.GetInt64(2));
    }

    private static long UserVersion(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return Migrations.UserVersion(connection);
    }

    [Fact]
    public async Task OpeningAFileWithAnEmptyLogCommitsOnceAndCopiesItBack()
    {
        var path = await ImportedFileAsync();

        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });

        Assert.True(LoggedPageCount.LogHoldsAFrame(path));
        Assert.Equal((1L, 1L), Log(path));
        Assert.Equal(Migrations.Latest, UserVersion(path));
        Assert.Equal("A", Assert.Single(await store.GetNodesAsync(["person:a"], CancellationToken.None)).Label);
    }

    [Fact]
    public async Task TheLogOutlivesTheStartUpsWriteConnection()
    {
        var path = await ImportedFileAsync();
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        string writes;
        await using (var write = store.Open(CancellationToken.None, writing: true)) writes = write.ConnectionString;

        // As Microsoft.Data.Sqlite's pool does with a connection idle for a few minutes: had the store kept no
        // connection of its own, the last one closed would have emptied the log again.
        using (var pooled = new SqliteConnection(writes)) SqliteConnection.ClearPool(pooled);

        Assert.True(LoggedPageCount.LogHoldsAFrame(path));
    }

    [Fact]
    public async Task AFileWhoseLogHoldsACommitIsNotWrittenAgain()
    {
        var path = files.PathOf("written.db");
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        await store.ImportAsync(new GraphBatch([new Person("person:a", "A", [], null, [])], []), null, CancellationToken.None);
        var before = Log(path);

        using var second = new SqliteGraphStore(new SqliteStoreOptions { Path = path });

        Assert.Equal(before, Log(path));
    }

    /// <summary>
    /// (frames in the log, frames copied back) as the log's index in the <c>-shm</c> file says (SQLite's documented
    /// wal-index layout: the header's mxFrame at byte 16, the checkpoint's nBackfill at byte 96), without copying any.
    /// </summary>
    private static (uint Logged, uint CopiedBack) Index(string path)
    {
        using var shm = new FileStream(path + "-shm", FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var bytes = new byte[100];
        shm.ReadExactly(bytes);
        return (BitConverter.ToUInt32(bytes, 16), BitConverter.ToUInt32(bytes, 96));
    }

    [Fact]
    public async Task FramesNotYetCopiedBackIntoTheFileAreCopiedBackWhenAStoreOpens()
    {
        var path = files.PathOf("pending.db");
        using var first = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        await first.ImportAsync(new GraphBatch([new Person("person:a", "A", [], null, [])], []), null, CancellationToken.None);
        var (logged, copiedBack) = Index(path);
        Assert.True(logged > copiedBack);

        using var second = new SqliteGraphStore(new SqliteStoreOptions { Path = path });

        Assert.Equal((logged, logged), Index(path));
        Assert.Equal("A", Assert.Single(await second.GetNodesAsync(["person:a"], CancellationToken.None)).Label);
    }

    [Fact]
    public async Task AnotherWriterHoldingTheFileIsNotWaitedFor()
    {
        var path = await ImportedFileAsync();
        using var writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        writer.Open();
        using (var begin = writer.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            begin.ExecuteNonQuery();
        }

        // Microsoft.Data.Sqlite's own BEGIN would wait out the busy timeout and fail the open.
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path, BusyTimeoutSeconds = 1 });

        Assert.False(LoggedPageCount.LogHoldsAFrame(path));
        Assert.Single(await store.GetNodesAsync(["person:a"], CancellationToken.None));
        using var rollback = writer.CreateCommand();
        rollback.CommandText = "ROLLBACK";
        rollback.ExecuteNonQuery();
    }

    public void Dispose() => files.Dispose();
}
