using System.Security.Cryptography;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;
using ConflictGraph.Sqlite.Reading;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>Issue 10 on the embedded store: statements stop with their request, and files it cannot use are left untouched.</summary>
public sealed class SqliteHardeningTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("conflictgraph-sqlite-hard-").FullName;

    [Fact]
    public async Task ARunningStatementIsInterruptedWhenItsTokenFires()
    {
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = Path.Combine(folder, "slow.db") });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await using var connection = store.Open(cancel.Token);
        await using var command = connection.CreateCommand();
        // Counts forever unless interrupted.
        command.CommandText = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";

        var error = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteScalarAsync(CancellationToken.None));

        Assert.Equal(9, error.SqliteErrorCode);
    }

    [Fact]
    public void ATokenThatFiresAfterItsConnectionClosedThrowsNothingIntoTheCanceller()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "closed.db")};Pooling=False");
        connection.Open();
        using var cancel = new CancellationTokenSource();
        using var registration = Interruption.Register(connection, cancel.Token);
        // Without a pool, closing releases SQLite's handle.
        connection.Dispose();

        cancel.Cancel();

        Assert.True(cancel.IsCancellationRequested);
    }

    [Fact]
    public async Task AConnectionBackInThePoolIsNotInterruptedByAnEarlierRequest()
    {
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = Path.Combine(folder, "pool.db") });
        using var cancel = new CancellationTokenSource();
        await using (store.Open(cancel.Token))
        {
        }
        cancel.Cancel();

        await using var next = store.Open(CancellationToken.None);
        await using var command = next.CreateCommand();
        command.CommandText = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000) SELECT count(*) FROM c";
        Assert.Equal(200_000L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public void AFileFromANewerBuildIsRefusedWithoutBeingModified()
    {
        var path = Path.Combine(folder, "future.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE kept (x); PRAGMA user_version = 99;";
            command.ExecuteNonQuery();
        }
        var before = SHA256.HashData(File.ReadAllBytes(path));

        Assert.Throws<StoreUnavailableException>(() => new SqliteGraphStore(new SqliteStoreOptions { Path = path }));
        SqliteConnection.ClearAllPools();

        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(path)));
        Assert.False(File.Exists(path + "-wal"));
    }

    [Fact]
    public async Task AWriteWhileAnotherConnectionHoldsTheWriteLockIsBusyAfterTheTimeoutAndWritesNothing()
    {
        var path = Path.Combine(folder, "busy.db");
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path, BusyTimeoutSeconds = 1 });
        var batch = new GraphBatch([new Person("person:waiting", "Waiting", [], null, [])], []);
        using (ConflictGraph.Tests.WriteLock.Hold(path))
        {
            var busy = await Assert.ThrowsAsync<StoreBusyException>(() => store.ImportAsync(batch, null, CancellationToken.None));
            Assert.Contains("locked by another writer (waited 1 s)", busy.Message);
            await Assert.ThrowsAsync<StoreBusyException>(() => store.DeleteNodeAsync("person:waiting", null, CancellationToken.None));
            Assert.Equal(0, (await store.GetStatsAsync(CancellationToken.None)).Nodes);
        }

        Assert.Equal(1, (await store.ImportAsync(batch, null, CancellationToken.None)).Created);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(601)]
    public void ABusyTimeoutOutsideItsRangeIsRefused(int seconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteGraphStore(new SqliteStoreOptions { Path = Path.Combine(folder, "never.db"), BusyTimeoutSeconds = seconds }));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
