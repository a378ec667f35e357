using ConflictGraph.Api.Caching;
using ConflictGraph.Api.Diagnostics;
using ConflictGraph.Api.Tests.Performance;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Tests.Diagnostics;

/// <summary>
/// A request's meter counts what reached the store under the read cache, the cache's own look-ups among them, and
/// apart from them the reads the cache answered from memory or from another caller's call already on its way.
/// </summary>
public sealed class StoreCallMeterTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("conflictgraph-meter-").FullName;
    private readonly List<SqliteGraphStore> opened = [];
    private static CancellationToken None => CancellationToken.None;

    /// <param name="versionCheckInterval">Zero reads the data version before every read; by default it is read once, at the first.</param>
    private (CachingGraphStore Cached, CountingStore Counter) Store(TimeSpan? versionCheckInterval = null)
    {
        var inner = new SqliteGraphStore(new SqliteStoreOptions { Path = Path.Combine(folder, "meter.db") });
        opened.Add(inner);
        var (counted, counter) = CountingStore.Wrap(inner);
        var cached = new CachingGraphStore(new MeteredGraphStore(counted), new MemoryCache(new MemoryCacheOptions { SizeLimit = 1000 }),
            // Every read kept at its first miss, so a read asked twice is a hit the second time.
            Options.Create(new CachingOptions { VersionCheckInterval = versionCheckInterval ?? TimeSpan.FromHours(1), AdmissionWindow = 0 }),
            TimeProvider.System);
        return (cached, counter);
    }

    private static Person Person(string id, string? description = null) => new(id, id, [], description, []);

    private static async Task<StoreCallMeter> MeteredAsync(Func<Task> request)
    {
        var meter = new StoreCallMeter();
        await meter.MeterAsync(async () =>
        {
            await request();
            return 0;
        });
        return meter;
    }

    private static void AssertCounts(StoreCallMeter meter, int calls, int hits, int shared)
    {
        Assert.Equal(calls, meter.Calls);
        Assert.Equal(hits, meter.CacheHits);
        Assert.Equal(shared, meter.SharedCalls);
    }

    [Fact]
    public async Task AReadTheCacheAnswersIsAHitAndNoStoreCall()
    {
        var (cached, counter) = Store();
        await cached.ImportAsync(new GraphBatch([Person("person:a")], []), null, None);

        AssertCounts(await MeteredAsync(() => cached.GetNodesAsync(["person:a"], None)), calls: 1, hits: 0, shared: 0);
        var again = await MeteredAsync(() => cached.GetNodesAsync(["person:a"], None));
        AssertCounts(again, calls: 0, hits: 1, shared: 0);
        Assert.Equal(TimeSpan.Zero, again.Elapsed);
        Assert.Equal(1, counter.Calls(nameof(IGraphStore.GetNodesAsync)));
    }

    [Fact]
    public async Task TheCachesOwnLookUpsAreStoreCallsOfTheRequestThatMadeThem()
    {
        var (cached, counter) = Store(TimeSpan.Zero);
        // The first read of a cache that has not seen the data version yet reads it first.
        AssertCounts(await MeteredAsync(() => cached.GetNodesAsync(["person:a"], None)), calls: 2, hits: 0, shared: 0);
        await cached.ImportAsync(new GraphBatch([Person("person:a", "first")], []), null, None);
        await cached.GetNodesAsync(["person:a"], None);

        // Another process writes: the next read reads the version, then the log to learn what moved, then the read itself.
        using (var other = new SqliteGraphStore(new SqliteStoreOptions { Path = Path.Combine(folder, "meter.db") }))
            await other.ImportAsync(new GraphBatch([Person("person:a", "second")], []), null, None);
        var historyBefore = counter.Calls(nameof(IGraphStore.ReadHistoryAsync));
        AssertCounts(await MeteredAsync(() => cached.GetNodesAsync(["person:a"], None)), calls: 3, hits: 0, shared: 0);
        Assert.Equal(historyBefore + 1, counter.Calls(nameof(IGraphStore.ReadHistoryAsync)));

        // Nothing moved: the version is read, and the answer comes from memory.
        AssertCounts(await MeteredAsync(() => cached.GetNodesAsync(["person:a"], None)), calls: 1, hits: 1, shared: 0);
    }

    [Fact]
    public async Task AWriteCountsItsCallAndTheCatchUpAfterItAndTheReadsItTouchedGoToTheStoreAgain()
    {
        var (cached, _) = Store();
        await cached.ImportAsync(new GraphBatch([Person("person:a", "first")], []), null, None);
        await cached.GetNodesAsync(["person:a"], None);

        // The import, then the data version and the log's new entries, which say what it changed.
        AssertCounts(await MeteredAsync(() => cached.ImportAsync(new GraphBatch([Person("person:a", "second")], []), null, None)), calls: 3, hits: 0, shared: 0);
        AssertCounts(await MeteredAsync(() => cached.GetNodesAsync(["person:a"], None)), calls: 1, hits: 0, shared: 0);
    }

    [Fact]
    public async Task ARequestThatTakesAnotherCallersAnswerCountsItSharedAndTheCallGoesToTheOneThatMadeIt()
    {
        var (cached, counter) = Store();
        await cached.ImportAsync(new GraphBatch([Person("person:a")], []), null, None);
        counter.Close();
        var first = new StoreCallMeter();
        var firstRead = first.MeterAsync(() => cached.GetNodesAsync(["person:a"], None));
        await WaitUntilAsync(() => counter.Calls(nameof(IGraphStore.GetNodesAsync)) == 1);
        var second = new StoreCallMeter();
        // Joining happens before the read's first wait, so it is counted by the time the call returns.
        var secondRead = second.MeterAsync(() => cached.GetNodesAsync(["person:a"], None));
        Assert.Equal(1, second.SharedCalls);
        counter.Open();
        Assert.Same(await firstRead, await secondRead);

        AssertCounts(first, calls: 1, hits: 0, shared: 0);
        AssertCounts(second, calls: 0, hits: 0, shared: 1);
        Assert.Equal(1, counter.Calls(nameof(IGraphStore.GetNodesAsync)));
    }

    [Fact]
    public async Task OverAStoreThatIsNotMeteredTheCacheCountsNothing()
    {
        var inner = new SqliteGraphStore(new SqliteStoreOptions { Path = Path.Combine(folder, "plain.db") });
        opened.Add(inner);
        var cached = new CachingGraphStore(inner, new MemoryCache(new MemoryCacheOptions { SizeLimit = 1000 }),
            Options.Create(new CachingOptions { AdmissionWindow = 0 }), TimeProvider.System);
        await cached.ImportAsync(new GraphBatch([Person("person:a")], []), null, None);
        await cached.GetNodesAsync(["person:a"], None);

        AssertCounts(await MeteredAsync(() => cached.GetNodesAsync(["person:a"], None)), calls: 0, hits: 0, shared: 0);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 10)
        {
            if (waited > 10_000) throw new TimeoutException("the store call never started");
            await Task.Delay(10);
        }
    }

    public void Dispose()
    {
        foreach (var store in opened) store.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
