using System.Data;
using System.Reflection;
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
    private readonly TemporaryStores files = new("conflictgraph-sqlite-hard-");

    [Fact]
    public async Task ARunningStatementIsInterruptedWhenItsTokenFires()
    {
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = files.PathOf("slow.db") });
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
        var connection = new SqliteConnection($"Data Source={files.PathOf("closed.db")};Pooling=False");
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
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = files.PathOf("pool.db") });
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
    public async Task AReadThatFailsAfterTakingItsConnectionGivesItBackWithoutItsToken()
    {
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = files.PathOf("failed.db") });
        var handed = new List<SqliteConnection>();
        var fail = true;
        store.ConnectionOpened = connection =>
        {
            handed.Add(connection);
            if (fail) throw new InvalidOperationException("the test's hook failed");
        };
        using var cancel = new CancellationTokenSource();
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.GetStatsAsync(cancel.Token));
        fail = false;

        // Not left to the collector, whose pool would hand its handle to a later request still tied to the token.
        await using var next = store.Open(CancellationToken.None);
        Assert.Same(handed[0], next);
        await using var command = next.CreateCommand();
        command.CommandText = CountTo200k;
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        cancel.Cancel();
        var rows = 1;
        while (await reader.ReadAsync()) rows++;
        Assert.Equal(200_000, rows);
    }

    [Fact]
    public void AWriteConnectionLetsGoOfItsTokenBeforeTheNextConnectionTakesItsHandle()
    {
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = files.PathOf("handed-on.db") });
        using var cancel = new CancellationTokenSource();
        var first = store.Open(cancel.Token, writing: true);
        var handle = first.Handle;
        SqliteConnection? next = null;
        SqliteCommand? command = null;
        SqliteDataReader? reader = null;
        // Microsoft.Data.Sqlite raises StateChange once the handle is back in its pool. Run first, this stands where another
        // request's thread can take the handle and start a statement while the closing thread has not reached its other handlers.
        RunFirstWhenClosed(first, () =>
        {
            next = store.Open(CancellationToken.None, writing: true);
            command = next.CreateCommand();
            command.CommandText = CountTo200k;
            reader = command.ExecuteReader();
            Assert.True(reader.Read());
            cancel.Cancel();
        });

        first.Dispose();

        Assert.Same(handle, next!.Handle);
        var rows = 1;
        while (reader!.Read()) rows++;
        Assert.Equal(200_000, rows);
        reader.Dispose();
        command!.Dispose();
        next.Dispose();
    }

    private const string CountTo200k = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000) SELECT x FROM c";

    /// <summary>Puts <paramref name="closed"/> ahead of the connection's other StateChange handlers, for its change to Closed.</summary>
    private static void RunFirstWhenClosed(SqliteConnection connection, Action closed)
    {
        var field = typeof(System.Data.Common.DbConnection).GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
            .Single(f => f.FieldType == typeof(StateChangeEventHandler));
        var others = (StateChangeEventHandler?)field.GetValue(connection);
        StateChangeEventHandler first = (_, change) =>
        {
            if (change.CurrentState == ConnectionState.Closed) closed();
        };
        field.SetValue(connection, first + others);
    }

    [Fact]
    public void AFileFromANewerBuildIsRefusedWithoutBeingModified()
    {
        var path = files.PathOf("future.db");
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
        var path = files.PathOf("busy.db");
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
        Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteGraphStore(new SqliteStoreOptions { Path = files.PathOf("never.db"), BusyTimeoutSeconds = seconds }));

    public void Dispose() => files.Dispose();
}
