using ConflictGraph.Api.Caching;
using ConflictGraph.Api.Diagnostics;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Tests.Performance;

/// <summary>Concurrent misses share one store call; a write, whichever process made it, makes stale only the reads the log says it touched.</summary>
public sealed class ReadCacheTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("conflictgraph-readcache-").FullName;
    private readonly List<SqliteGraphStore> opened = [];
    private static CancellationToken None => CancellationToken.None;

    /// <param name="admissionWindow">0 (the tests of what a write makes stale) keeps every read at its first miss, so counting calls counts what went stale.</param>
    /// <param name="metered">Over a metered store, as with the cost report on: a request's meter then counts the calls it joined.</param>
    private (CachingGraphStore Cached, CountingStore Counter) Store(
        TimeSpan? versionCheckInterval = null, int admissionWindow = 0, int hitRateWindow = 2048, double minimumHitRate = 0.1, bool metered = false)
    {
        var inner = new SqliteGraphStore(new SqliteStoreOptions { Path = Path.Combine(folder, $"{opened.Count}.db") });
        opened.Add(inner);
        var (counted, counter) = CountingStore.Wrap(inner);
        var cached = new CachingGraphStore(metered ? new MeteredGraphStore(counted) : counted, new MemoryCache(new MemoryCacheOptions { SizeLimit = 1000 }),
            Options.Create(new CachingOptions
            {
                VersionCheckInterval = versionCheckInterval ?? TimeSpan.FromHours(1), AdmissionWindow = admissionWindow,
                HitRateWindow = hitRateWindow, MinimumHitRate = minimumHitRate,
            }),
            TimeProvider.System);
        return (cached, counter);
    }

    [Fact]
    public async Task AReadAskedOnceIsNotKeptAndOneAskedAgainIs()
    {
        var (cached, counter) = Store(admissionWindow: 1024);
        await cached.ImportAsync(new GraphBatch([Person("person:a"), Person("person:b")], []), null, None);
        int Calls() => counter.Calls(nameof(IGraphStore.GetNodesAsync));

        await cached.GetNodesAsync(["person:a"], None);
        await cached.GetNodesAsync(["person:b"], None);
        await cached.GetNodesAsync(["person:a"], None);
        Assert.Equal(3, Calls());
        // person:a went to the store twice and is kept; person:b once, and is not.
        await cached.GetNodesAsync(["person:a"], None);
        Assert.Equal(3, Calls());
        await cached.GetNodesAsync(["person:b"], None);
        Assert.Equal(4, Calls());
    }

    [Fact]
    public async Task AKeptReadThatAWriteMadeStaleIsKeptAgainAtItsNextMiss()
    {
        var (cached, counter) = Store(admissionWindow: 1024);
        await cached.ImportAsync(new GraphBatch([Person("person:a", "first")], []), null, None);
        await cached.GetNodesAsync(["person:a"], None);
        await cached.GetNodesAsync(["person:a"], None);
        await cached.ImportAsync(new GraphBatch([Person("person:a", "second")], []), null, None);

        Assert.Equal("second", ((Person)(await cached.GetNodesAsync(["person:a"], None))[0]).Description);
        Assert.Equal("second", ((Person)(await cached.GetNodesAsync(["person:a"], None))[0]).Description);
        Assert.Equal(3, counter.Calls(nameof(IGraphStore.GetNodesAsync)));
    }

    [Fact]
    public async Task ConcurrentMissesOfAOneOffReadShareOneCallAndLeaveNothingKept()
    {
        var (cached, counter) = Store(admissionWindow: 1024, metered: true);
        await cached.ImportAsync(new GraphBatch([Person("person:a")], []), null, None);
        counter.Close();
        // Each reader its own request's meter, so the test sees when all ten are in: one made the call, nine joined it.
        var meters = Enumerable.Range(0, 10).Select(_ => new StoreCallMeter()).ToList();
        var readers = meters.Select(meter => Task.Run(() => meter.MeterAsync(() => cached.GetNodesAsync(["person:a"], None)))).ToList();
        await WaitUntilAsync(() => counter.Calls(nameof(IGraphStore.GetNodesAsync)) == 1 && meters.Sum(m => m.SharedCalls) == 9);
        counter.Open();
        Assert.All(await Task.WhenAll(readers), found => Assert.Single(found));
        Assert.Equal(1, counter.Calls(nameof(IGraphStore.GetNodesAsync)));
        // Ten callers sharing one store call are one read to the doorkeeper: the next is its second miss.
        await cached.GetNodesAsync(["person:a"], None);
        Assert.Equal(2, counter.Calls(nameof(IGraphStore.GetNodesAsync)));
    }

    [Fact]
    public async Task AKindThatHardlyHitsIsScreenedAndItsReadsThatComeRoundAreStillKeptWhileOtherKindsAreLookedUp()
    {
        // Judged every 4 reads of a kind, screened below 2 hits (or misses the doorkeeper saw before) in 4.
        var (cached, counter) = Store(admissionWindow: 1024, hitRateWindow: 4, minimumHitRate: 0.5);
        await cached.ImportAsync(new GraphBatch([Person("person:a"), Person("person:b"), Person("person:c"), Person("person:d"), Person("person:e")], []), null, None);
        int Calls() => counter.Calls(nameof(IGraphStore.GetNodesAsync));
        foreach (var id in new[] { "person:a", "person:b", "person:c", "person:d" }) await cached.GetNodesAsync([id], None);
        Assert.True(cached.Screening(nameof(IGraphStore.GetNodesAsync)));
        Assert.Equal(4, Calls());

        // Screened: person:e's first read goes straight to the store; its second is looked up, misses and is kept; its third is served from memory.
        for (var i = 0; i < 3; i++) Assert.Equal("person:e", Assert.Single(await cached.GetNodesAsync(["person:e"], None)).Id);
        Assert.Equal(6, Calls());
        // Another kind is judged on its own reads: an expansion asked a third time is served from memory.
        for (var i = 0; i < 3; i++) await cached.ExpandAsync([new ExpandRequest("person:a", null, Direction.Both)], ["person:a"], [], RowCap.None, None);
        Assert.Equal(2, counter.Calls(nameof(IGraphStore.ExpandAsync)));
        Assert.False(cached.Screening(nameof(IGraphStore.ExpandAsync)));
    }

    [Fact]
    public async Task AScreenedKindIsLookedUpInFullAgainFromTheWindowAfterOneWhoseReadsCameRound()
    {
        var (cached, counter) = Store(admissionWindow: 1024, hitRateWindow: 4, minimumHitRate: 0.5);
        await cached.ImportAsync(new GraphBatch([Person("person:a")], []), null, None);
        int Calls() => counter.Calls(nameof(IGraphStore.GetNodesAsync));
        for (var i = 0; i < 4; i++) await cached.GetNodesAsync([$"person:missing-{i}"], None);
        Assert.True(cached.Screening(nameof(IGraphStore.GetNodesAsync)));
        // Still screened after any number of windows that do not come round: nothing rests, so nothing waits out a rest.
        for (var i = 0; i < 40; i++) await cached.GetNodesAsync([$"person:missing-{i + 4}"], None);
        Assert.True(cached.Screening(nameof(IGraphStore.GetNodesAsync)));
        Assert.Equal(44, Calls());

        // person:a: straight to the store, then looked up and kept (a repeat), then two hits: the window reaches the share.
        for (var i = 0; i < 4; i++) await cached.GetNodesAsync(["person:a"], None);
        Assert.Equal(46, Calls());
        Assert.False(cached.Screening(nameof(IGraphStore.GetNodesAsync)));
        // Looked up in full again: a new read is kept at its second miss as with any kind, and served from memory after it.
        for (var i = 0; i < 3; i++) await cached.GetNodesAsync(["person:missing-new"], None);
        Assert.Equal(48, Calls());
    }

    [Fact]
    public async Task InAScreenedKindABurstOfOneNewReadMakesAtMostTwoStoreCalls()
    {
        var (cached, counter) = Store(admissionWindow: 1024, hitRateWindow: 4, minimumHitRate: 0.5, metered: true);
        await cached.ImportAsync(new GraphBatch([Person("person:a")], []), null, None);
        for (var i = 0; i < 4; i++) await cached.GetNodesAsync([$"person:missing-{i}"], None);
        Assert.True(cached.Screening(nameof(IGraphStore.GetNodesAsync)));
        counter.Close();
        // One caller takes the doorkeeper's slot and reads alone; every other sees it there, is looked up and shares one call.
        var meters = Enumerable.Range(0, 10).Select(_ => new StoreCallMeter()).ToList();
        var readers = meters.Select(meter => Task.Run(() => meter.MeterAsync(() => cached.GetNodesAsync(["person:a"], None)))).ToList();
        await WaitUntilAsync(() => counter.Calls(nameof(IGraphStore.GetNodesAsync)) == 6 && meters.Sum(m => m.SharedCalls) == 8);
        counter.Open();
        Assert.All(await Task.WhenAll(readers), found => Assert.Equal("person:a", Assert.Single(found).Id));
        Assert.Equal(6, counter.Calls(nameof(IGraphStore.GetNodesAsync)));
        // The shared call came round, so it was kept: the next read is served from memory.
        await cached.GetNodesAsync(["person:a"], None);
        Assert.Equal(6, counter.Calls(nameof(IGraphStore.GetNodesAsync)));
    }

    [Fact]
    public async Task AReadKeptWhileItsKindIsScreenedIsRefreshedByAWriteThatTouchesIt()
    {
        var (cached, counter) = Store(admissionWindow: 1024, hitRateWindow: 4, minimumHitRate: 0.5);
        await cached.ImportAsync(new GraphBatch([Person("person:a", "first"), Person("person:b", "first")], []), null, None);
        for (var i = 0; i < 4; i++) await cached.GetNodesAsync([$"person:missing-{i}"], None);
        Assert.True(cached.Screening(nameof(IGraphStore.GetNodesAsync)));
        foreach (var id in new[] { "person:a", "person:b" })
            for (var i = 0; i < 2; i++) await cached.GetNodesAsync([id], None);
        var calls = counter.Calls(nameof(IGraphStore.GetNodesAsync));

        await cached.ImportAsync(new GraphBatch([Person("person:a", "second")], []), null, None);
        Assert.Equal("second", ((Person)(await cached.GetNodesAsync(["person:a"], None))[0]).Description);
        Assert.Equal("first", ((Person)(await cached.GetNodesAsync(["person:b"], None))[0]).Description);
        // person:a went to the store again; person:b, which the write did not touch, was served from memory.
        Assert.Equal(calls + 1, counter.Calls(nameof(IGraphStore.GetNodesAsync)));
    }

    private static Person Person(string id, string description = "") => new(id, id, [], description, []);

    private static Organization Group(string id) => new(id, id, [], null, OrganizationKind.ArmedGroup, null);

    [Fact]
    public async Task ConcurrentMissesForOneReadShareOneStoreCall()
    {
        var (cached, counter) = Store();
        await cached.ImportAsync(new GraphBatch([Person("person:a", "first")], []), null, None);
        counter.Close();
        var readers = Enumerable.Range(0, 20).Select(_ => Task.Run(() => cached.GetNodesAsync(["person:a"], None))).ToList();
        await WaitUntilAsync(() => counter.Calls(nameof(IGraphStore.GetNodesAsync)) == 1);
        counter.Open();
        var answers = await Task.WhenAll(readers);
        Assert.Equal(1, counter.Calls(nameof(IGraphStore.GetNodesAsync)));
        Assert.All(answers, found => Assert.Equal("first", ((Person)Assert.Single(found)).Description));
    }

    [Fact]
    public async Task OneCallerGivingUpLeavesTheSharedCallToTheOthers()
    {
        var (cached, counter) = Store();
        await cached.ImportAsync(new GraphBatch([Person("person:a")], []), null, None);
        counter.Close();
        using var impatient = new CancellationTokenSource();
        var leaving = cached.GetNodesAsync(["person:a"], impatient.Token);
        var staying = cached.GetNodesAsync(["person:a"], None);
        await WaitUntilAsync(() => counter.Calls(nameof(IGraphStore.GetNodesAsync)) == 1);
        impatient.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        counter.Open();
        Assert.Single(await staying);
        Assert.Equal(1, counter.Calls(nameof(IGraphStore.GetNodesAsync)));
    }

    [Fact]
    public async Task WhenEveryCallerGivesUpTheSharedCallIsCancelledAndTheNextOneStartsAfresh()
    {
        var (cached, counter) = Store();
        await cached.ImportAsync(new GraphBatch([Person("person:a")], []), null, None);
        counter.Close();
        using var impatient = new CancellationTokenSource();
        var leaving = cached.GetNodesAsync(["person:a"], impatient.Token);
        await WaitUntilAsync(() => counter.Calls(nameof(IGraphStore.GetNodesAsync)) == 1);
        impatient.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        counter.Open();
        Assert.Single(await cached.GetNodesAsync(["person:a"], None));
        Assert.Equal(2, counter.Calls(nameof(IGraphStore.GetNodesAsync)));
    }

    [Fact]
    public async Task AFailedReadReachesEveryWaiterAndIsNotKept()
    {
        var (cached, counter) = Store();
        await cached.ImportAsync(new GraphBatch([Person("person:a")], []), null, None);
        counter.Failure = new StoreUnavailableException("the store is down");
        counter.Close();
        var readers = Enumerable.Range(0, 5).Select(_ => Task.Run(() => cached.GetNodesAsync(["person:a"], None))).ToList();
        await WaitUntilAsync(() => counter.Calls(nameof(IGraphStore.GetNodesAsync)) == 1);
        counter.Open();
        foreach (var reader in readers) Assert.Equal("the store is down", (await Assert.ThrowsAsync<StoreUnavailableException>(() => reader)).Message);
        counter.Failure = null;
        var calls = counter.Calls(nameof(IGraphStore.GetNodesAsync));
        Assert.Single(await cached.GetNodesAsync(["person:a"], None));
        Assert.Equal(calls + 1, counter.Calls(nameof(IGraphStore.GetNodesAsync)));
    }

    [Fact]
    public async Task AWriteLeavesTheReadsItDidNotTouchInMemory()
    {
        var (cached, counter) = Store();
        await cached.ImportAsync(new GraphBatch([Person("person:a", "first"), Person("person:b", "kept")], []), null, None);
        await cached.GetNodesAsync(["person:a"], None);
        await cached.GetNodesAsync(["person:b"], None);
        await cached.ImportAsync(new GraphBatch([Person("person:a", "second")], []), null, None);

        Assert.Equal("kept", ((Person)(await cached.GetNodesAsync(["person:b"], None))[0]).Description);
        Assert.Equal("second", ((Person)(await cached.GetNodesAsync(["person:a"], None))[0]).Description);
        Assert.Equal(3, counter.Calls(nameof(IGraphStore.GetNodesAsync)));
    }

    [Fact]
    public async Task ARelationWriteRefreshesTheExpansionsAtBothEndsOnly()
    {
        var (cached, counter) = Store();
        await cached.ImportAsync(new GraphBatch([Person("person:a"), Group("org:c"), Group("org:d")], []), null, None);
        async Task<int> Relations(string id) => (await cached.ExpandAsync([new ExpandRequest(id, null, Direction.Both)], [], [], RowCap.None, None)).Relations.Count;
        foreach (var id in new[] { "person:a", "org:c", "org:d" }) Assert.Equal(0, await Relations(id));

        await cached.ImportAsync(new GraphBatch([], [new Relation(RelationType.MemberOf, "person:a", "org:c", [], [])]), null, None);
        Assert.Equal(1, await Relations("person:a"));
        Assert.Equal(1, await Relations("org:c"));
        Assert.Equal(0, await Relations("org:d"));
        Assert.Equal(5, counter.Calls(nameof(IGraphStore.ExpandAsync)));
    }

    [Fact]
    public async Task ALevelWithPagesIsRefreshedByAWriteToItsExpansionOrToItsPagesOnly()
    {
        var (cached, counter) = Store();
        await cached.ImportAsync(new GraphBatch([Person("person:a"), Person("person:b"), Group("org:c"), Said("statement:1", "person:a")], []), null, None);
        var about = new NodeQuery { Kinds = [NodeKind.Statement], Order = NodeOrder.DateAsc, Statements = new StatementCriteria { AboutId = "person:a" } };
        async Task<(int Relations, string Statements)> Level()
        {
            var found = await cached.ExpandAsync([new ExpandRequest("person:a", null, Direction.Both, EndsOnly: true)], [], [(about, new PageRequest(10))], RowCap.None, None);
            return (found.Relations.Count, string.Join(' ', found.Pages.Single().Items.Select(i => i.Item.Id)));
        }
        Assert.Equal((0, "statement:1"), await Level());
        Assert.Equal((0, "statement:1"), await Level());
        Assert.Equal(1, counter.Calls(nameof(IGraphStore.ExpandAsync)));

        // A node of another kind that nothing of the level names: still kept.
        await cached.ImportAsync(new GraphBatch([Person("person:b", "changed")], []), null, None);
        Assert.Equal((0, "statement:1"), await Level());
        Assert.Equal(1, counter.Calls(nameof(IGraphStore.ExpandAsync)));
        // A statement (what the page reads), then a relation at the node (what the expansion reads): each is seen.
        await cached.ImportAsync(new GraphBatch([Said("statement:2", "person:a")], []), null, None);
        Assert.Equal((0, "statement:1 statement:2"), await Level());
        await cached.ImportAsync(new GraphBatch([], [new Relation(RelationType.MemberOf, "person:a", "org:c", [], [])]), null, None);
        Assert.Equal((1, "statement:1 statement:2"), await Level());
        Assert.Equal(3, counter.Calls(nameof(IGraphStore.ExpandAsync)));
        Assert.Equal(0, counter.Calls(nameof(IGraphStore.FindNodesAsync)));
    }

    [Fact]
    public async Task APageIsRefreshedByAWriteOfItsKindOnly()
    {
        var (cached, counter) = Store();
        await cached.ImportAsync(new GraphBatch([Person("person:a"), Group("org:c")], []), null, None);
        async Task<int?> Total(NodeKind kind) =>
            (await cached.FindNodesAsync([(new NodeQuery { Kinds = [kind] }, new PageRequest(10))], None))[0].TotalCount;
        Assert.Equal(1, await Total(NodeKind.Person));
        Assert.Equal(1, await Total(NodeKind.Organization));

        await cached.ImportAsync(new GraphBatch([Person("person:b")], []), null, None);
        Assert.Equal(2, await Total(NodeKind.Person));
        Assert.Equal(1, await Total(NodeKind.Organization));
        Assert.Equal(3, counter.Calls(nameof(IGraphStore.FindNodesAsync)));
    }

    [Fact]
    public async Task ANewStatementRefreshesTheStatementsAboutNodes()
    {
        var (cached, counter) = Store();
        await cached.ImportAsync(new GraphBatch([Person("person:a"), Person("person:b"), Said("statement:1", "person:a")], []), null, None);
        async Task<IEnumerable<string>> About(string id) =>
            (await cached.FindNodesAsync([(new NodeQuery { Kinds = [NodeKind.Statement], Statements = new StatementCriteria { AboutId = id } }, new PageRequest(10))], None))[0]
            .Items.Select(i => i.Item.Id);
        Assert.Equal(["statement:1"], await About("person:a"));
        Assert.Empty(await About("person:b"));

        await cached.ImportAsync(new GraphBatch([Said("statement:2", "person:a")], []), null, None);
        Assert.Equal(["statement:1", "statement:2"], (await About("person:a")).Order());
        Assert.Empty(await About("person:b"));
        // The log says what the new statement is about: only that list is read again.
        Assert.Equal(3, counter.Calls(nameof(IGraphStore.FindNodesAsync)));

        // An edited statement that moved changes the lists of what it was about before and after.
        await cached.ImportAsync(new GraphBatch([Said("statement:2", "person:b")], []), null, None);
        Assert.Equal(["statement:2"], await About("person:b"));
        Assert.Equal(["statement:1"], await About("person:a"));
        Assert.Equal(5, counter.Calls(nameof(IGraphStore.FindNodesAsync)));

        // A deleted one, those of what it was about.
        Assert.True(await cached.DeleteNodeAsync("statement:2", null, None));
        Assert.Empty(await About("person:b"));
        Assert.Equal(["statement:1"], await About("person:a"));
        Assert.Equal(6, counter.Calls(nameof(IGraphStore.FindNodesAsync)));
    }

    private static Statement Said(string id, params string[] about) =>
        new(id, "a note", Stance.Reports, null, null, null, null, null, about, null, []);

    [Fact]

    public async Task ADeleteMakesStaleWhatTheLogSaysItRemovedAndRewroteOnly()
    {
        var (cached, counter) = Store();
        await cached.ImportAsync(new GraphBatch([Person("person:a") with { Roles = [new Role("member", "org:c")] }, Person("person:b"), Group("org:c")], []), null, None);
        await cached.GetNodesAsync(["person:a"], None);
        await cached.GetNodesAsync(["person:b"], None);
        Assert.True(await cached.DeleteNodeAsync("org:c", null, None));

        Assert.Null(((Person)(await cached.GetNodesAsync(["person:a"], None))[0]).Roles[0].OrganizationId);
        await cached.GetNodesAsync(["person:b"], None);
        Assert.Equal(3, counter.Calls(nameof(IGraphStore.GetNodesAsync)));
    }

    [Fact]
    public async Task AnotherProcesssWriteMakesStaleOnlyWhatTheLogSaysItChanged()
    {
        var (cached, counter) = Store(TimeSpan.Zero);
        await cached.ImportAsync(new GraphBatch([Person("person:a", "first"), Person("person:b", "kept")], []), null, None);
        await cached.GetNodesAsync(["person:a"], None);
        await cached.GetNodesAsync(["person:b"], None);

        using var other = new SqliteGraphStore(new SqliteStoreOptions { Path = Path.Combine(folder, "0.db") });
        await other.ImportAsync(new GraphBatch([Person("person:a", "second")], []), null, None);

        Assert.Equal("second", ((Person)(await cached.GetNodesAsync(["person:a"], None))[0]).Description);
        Assert.Equal("kept", ((Person)(await cached.GetNodesAsync(["person:b"], None))[0]).Description);
        Assert.Equal(3, counter.Calls(nameof(IGraphStore.GetNodesAsync)));
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
