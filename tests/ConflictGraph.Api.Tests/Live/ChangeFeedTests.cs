using ConflictGraph.Api.Live;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Tests.Live;

/// <summary>The change feed over a real SQLite file: what the log holds reaches subscribers, whoever wrote it.</summary>
public sealed class ChangeFeedTests : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string folder = Directory.CreateTempSubdirectory("conflictgraph-feed-").FullName;
    private readonly List<SqliteGraphStore> stores = [];
    private readonly List<ChangeFeed> feeds = [];
    private readonly CancellationTokenSource stop = new(TimeSpan.FromSeconds(60));

    private SqliteGraphStore Store()
    {
        var store = new SqliteGraphStore(new SqliteStoreOptions { Path = Path.Combine(folder, "graph.db") });
        stores.Add(store);
        return store;
    }

    private ChangeFeed Feed(IGraphStore store, int changeBuffer = 256)
    {
        var feed = new ChangeFeed(store, Options.Create(new LiveOptions { ChangeBuffer = changeBuffer, PollInterval = TimeSpan.FromMilliseconds(20) }),
            NullLogger<ChangeFeed>.Instance);
        feeds.Add(feed);
        return feed;
    }

    private static Task<ImportResult> WriteAsync(IGraphStore store, string id, string writer = "test") =>
        store.ImportAsync(new GraphBatch([new Event(id, $"Event {id}", EventKind.Other, null, null)], []), new WriteContext(writer), CancellationToken.None);

    private async Task<GraphChanges> NextAsync(IAsyncEnumerator<GraphChanges> stream)
    {
        var next = stream.MoveNextAsync().AsTask();
        Assert.True(await next.WaitAsync(Patience), "the stream ended");
        return stream.Current;
    }

    private static async Task JoinedAsync(ChangeFeed feed, int subscribers)
    {
        for (var i = 0; i < 400 && feed.Subscribers < subscribers; i++) await Task.Delay(10);
        Assert.Equal(subscribers, feed.Subscribers);
    }

    [Fact]
    public async Task AWriteByAnotherConnectionToTheFileReachesTheSubscriberWithItsCursorAndBatch()
    {
        var feed = Feed(Store());
        var stream = feed.SubscribeAsync(null, stop.Token).GetAsyncEnumerator();
        var first = stream.MoveNextAsync();
        await JoinedAsync(feed, 1);

        var written = await WriteAsync(Store(), "event:elsewhere", "cli");

        Assert.True(await first.AsTask().WaitAsync(Patience));
        Assert.Equal(["event:elsewhere"], stream.Current.Nodes.Select(n => n.Id));
        Assert.Equal(ChangeKind.Created, stream.Current.Nodes[0].Change);
        Assert.Equal(written.BatchId, stream.Current.BatchId);
        Assert.Equal(await stores[0].GetDataVersionAsync(CancellationToken.None), stream.Current.Cursor);
        await stream.DisposeAsync();
    }

    [Fact]
    public async Task AfterACursorEveryLaterWriteIsReplayedThenLiveOnesFollowEachOnceInOrder()
    {
        var store = Store();
        await WriteAsync(store, "event:1");
        var cursor = await store.GetDataVersionAsync(CancellationToken.None);
        await WriteAsync(store, "event:2");
        await WriteAsync(store, "event:3");
        var feed = Feed(store);
        var stream = feed.SubscribeAsync(cursor, stop.Token).GetAsyncEnumerator();

        var replayed = new[] { await NextAsync(stream), await NextAsync(stream) };
        await WriteAsync(Store(), "event:4");
        var live = await NextAsync(stream);

        Assert.Equal(["event:2", "event:3", "event:4"], replayed.Append(live).Select(c => c.Nodes.Single().Id));
        Assert.True(replayed[0].Cursor < replayed[1].Cursor && replayed[1].Cursor < live.Cursor);
        await WriteAsync(store, "event:5");
        Assert.Equal("event:5", (await NextAsync(stream)).Nodes.Single().Id);
        await stream.DisposeAsync();
    }

    [Fact]
    public async Task ASlowSubscriberIsEndedAloneWhileOthersKeepReceiving()
    {
        var store = Store();
        var feed = Feed(store, changeBuffer: 2);
        var slow = feed.SubscribeAsync(null, stop.Token).GetAsyncEnumerator();
        var fast = feed.SubscribeAsync(null, stop.Token).GetAsyncEnumerator();
        var slowFirst = slow.MoveNextAsync();
        var fastFirst = fast.MoveNextAsync();
        await JoinedAsync(feed, 2);

        await WriteAsync(store, "event:1");
        feed.Wake();
        Assert.True(await fastFirst.AsTask().WaitAsync(Patience));
        for (var i = 2; i <= 5; i++)
        {
            await WriteAsync(store, $"event:{i}");
            feed.Wake();
            Assert.Equal($"event:{i}", (await NextAsync(fast)).Nodes[0].Id);
        }

        Assert.True(await slowFirst);
        await Assert.ThrowsAsync<SlowSubscriberException>(async () =>
        {
            while (await slow.MoveNextAsync())
            {
            }
        });
        await fast.DisposeAsync();
    }

    [Fact]
    public async Task ASubscriberThatLeftIsForgotten()
    {
        var feed = Feed(Store());
        using var leave = new CancellationTokenSource();
        var stream = feed.SubscribeAsync(null, leave.Token).GetAsyncEnumerator();
        var first = stream.MoveNextAsync();
        await JoinedAsync(feed, 1);
        await leave.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await first);
        await stream.DisposeAsync();
        Assert.Equal(0, feed.Subscribers);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        foreach (var feed in feeds) await feed.DisposeAsync();
        foreach (var store in stores) store.Dispose();
        stop.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
