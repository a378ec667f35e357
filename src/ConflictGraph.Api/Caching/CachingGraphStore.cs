using System.Collections.Concurrent;
using System.Text.Json;
using ConflictGraph.Api.Diagnostics;
using ConflictGraph.Core.Aggregation;
using ConflictGraph.Core.History;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Caching;

/// <summary>
/// Serves repeated reads from memory: a read is kept once it has gone to the store twice within
/// <see cref="CachingOptions.AdmissionWindow"/> (<see cref="ReadAdmission"/>), so reads that do not
/// repeat leave nothing behind, and a kind of read whose reads are measured hardly ever to come round is
/// screened: a read the doorkeeper has not seen goes straight to the store, with no key string, look-up or
/// single flight (<see cref="HitRate"/>). Concurrent misses on one read share one store call
/// (<see cref="SingleFlight"/>); in a screened kind the read's first caller within the doorkeeper's window goes alone
/// and every later one shares, so a burst of one read makes at most two store calls. Each entry is stamped with what it depends on (<see cref="ReadTags"/>);
/// the change log says what every write changed, whichever process made it, so a write makes
/// stale only the entries it touched: one through this service is seen by the very next read, one
/// by another process within <see cref="CachingOptions.VersionCheckInterval"/>. When the log cannot
/// say (too many entries, or some were compacted away), every entry goes stale. It is put around the
/// store only when store reads are cached (<see cref="CachingSetup"/>). With the cost report on it sits over the metered
/// store, which counts what reaches the store, its own look-ups too, and tells the request's meter which reads it answered
/// from memory or with another caller's call (<see cref="StoreCallMeter"/>).
/// </summary>
/// <param name="keepAnchored">Whether the reads anchored at given ids (<see cref="AnchoredReads"/>) are kept; false sends them
/// to the store every time, with no key, look-up or single flight, while a level's other pages are kept as ever
/// (<see cref="CachingOptions.AnchoredReads"/>).</param>
public sealed class CachingGraphStore(
    IGraphStore store, IMemoryCache cache, IOptions<CachingOptions> options, TimeProvider clock, bool keepAnchored = true)
    : IGraphStore, IDisposable
{
    private readonly ReadStamps stamps = new();
    private readonly SingleFlight<(long Writes, string Key)> flights = new();
    private readonly ReadAdmission admission = new(options.Value.AdmissionWindow);
    private readonly ConcurrentDictionary<string, HitRate> hitRates = new();
    // Only over a metered store (the cost report on) does it say which reads it answered; off, that costs one test of this field.
    private readonly bool metered = store is MeteredGraphStore;
    private static readonly Action CountShared = StoreCallMeter.CountShared;
    private readonly SemaphoreSlim versionGate = new(1, 1);
    private long version = -1;
    private DateTimeOffset versionReadAt;

    /// <summary>More entries than this since the last look, and everything goes stale rather than reading them all.</summary>
    private const int MaxLoggedChanges = 10_000;

    private sealed record Entry(object? Value, ReadStamps.Stamp Stamp);

    /// <summary>Notices writes by other processes: when the data version moved without us, the log says what they changed.</summary>
    private async Task CheckVersionAsync(CancellationToken cancellationToken)
    {
        if (version >= 0 && clock.GetUtcNow() - versionReadAt < options.Value.VersionCheckInterval) return;
        await versionGate.WaitAsync(cancellationToken);
        try
        {
            if (version >= 0 && clock.GetUtcNow() - versionReadAt < options.Value.VersionCheckInterval) return;
            await CatchUpAsync(wrote: false, cancellationToken);
        }
        finally
        {
            versionGate.Release();
        }
    }

    /// <summary>
    /// Makes stale what the log holds since the version last seen, and moves to the current one
    /// (callers hold the version gate). After a write through this service (<paramref name="wrote"/>),
    /// reads that overlapped it are not stored even when it changed nothing.
    /// </summary>
    private async Task CatchUpAsync(bool wrote, CancellationToken cancellationToken)
    {
        var current = await store.GetDataVersionAsync(cancellationToken);
        var known = Interlocked.Read(ref version);
        if (known >= 0 && current != known)
        {
            if (await ChangedSinceAsync(known, current, cancellationToken) is { } tags) stamps.Touch(tags);
            else stamps.TouchAll();
        }
        else if (wrote) stamps.Touch([]);
        Interlocked.Exchange(ref version, current);
        versionReadAt = clock.GetUtcNow();
    }

    /// <summary>What the log's entries after <paramref name="from"/> up to <paramref name="to"/> changed; null when it cannot say.</summary>
    private async Task<IReadOnlyList<string>?> ChangedSinceAsync(long from, long to, CancellationToken cancellationToken)
    {
        if (to < from || to - from > MaxLoggedChanges) return null;
        var entries = await store.ReadHistoryAsync(from, (int)(to - from), cancellationToken);
        // Sequence numbers are handed out one after another: fewer entries means some were compacted away.
        if (entries.Count != to - from || entries[^1].Sequence != to) return null;
        return ReadTags.Touched(entries).ToList();
    }

    /// <summary>
    /// A read as the cache runs it. Its three parts take the read's arguments (<paramref name="args"/>) rather than
    /// capturing them, so they are static lambdas: a read allocates no closure, hit or miss.
    /// </summary>
    /// <param name="keyOf">Writes the read's key: its name and its arguments, unambiguously (<see cref="ReadKeys"/>).
    /// A key names one read, so it is always asked for one result type.</param>
    /// <param name="dependsOn">What the answer depends on, given the answer: called only when the read is kept.</param>
    /// <param name="read">The read itself, from the store underneath.</param>
    private Task<T> CachedAsync<TArgs, T>(
        string operation, TArgs args, KeyFields<TArgs> keyOf, Func<TArgs, T, IEnumerable<string>> dependsOn,
        Func<IGraphStore, TArgs, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var rate = HitRateOf(operation);
        // A kind that hardly ever hits is screened: a read the doorkeeper has not seen cannot be kept, and is all but never
        // in memory, so it goes straight to the store (its own task, no state machine of ours), remembered by its
        // fingerprint; a read that came round goes through the cache.
        if (rate.Screening && !admission.Admit(ReadKeys.Fingerprint(args, keyOf)))
        {
            rate.Record(hit: false);
            return read(store, args, cancellationToken);
        }
        return LookUpAsync(rate, args, keyOf, dependsOn, read, cancellationToken);
    }

    /// <summary>A read looked up in memory: served from there when kept and fresh, else read once for every caller asking it at the time.</summary>
    private async Task<T> LookUpAsync<TArgs, T>(
        HitRate rate, TArgs args, KeyFields<TArgs> keyOf, Func<TArgs, T, IEnumerable<string>> dependsOn,
        Func<IGraphStore, TArgs, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        await CheckVersionAsync(cancellationToken);
        var key = ReadKeys.Text(args, keyOf);
        var kept = cache.TryGetValue(key, out Entry? hit);
        // An entry of another type under the key (which keys that begin with the read's name rule out) counts as a miss.
        var fresh = kept && hit!.Value is T && stamps.IsFresh(hit.Stamp);
        rate.Record(hit: fresh);
        if (fresh)
        {
            if (metered) StoreCallMeter.CountHit();
            return (T)hit!.Value!;
        }
        // Callers after a write never join a call that started before it.
        var writes = stamps.Writes;
        return await flights.RunAsync(
            (writes, key), new Miss<TArgs, T>(this, args, dependsOn, read, key, kept, writes, rate),
            static (miss, token) => miss.Cache.ReadAndKeepAsync(miss, token), metered ? CountShared : null, cancellationToken);
    }

    /// <summary>What a miss's shared call needs, handed to it as state rather than captured.</summary>
    private readonly record struct Miss<TArgs, T>(
        CachingGraphStore Cache, TArgs Args, Func<TArgs, T, IEnumerable<string>> DependsOn, Func<IGraphStore, TArgs, CancellationToken, Task<T>> Read,
        string Key, bool Kept, long Writes, HitRate Rate);

    /// <summary>A miss's store read, and the entry it leaves when it is kept.</summary>
    private async ValueTask<T> ReadAndKeepAsync<TArgs, T>(Miss<TArgs, T> miss, CancellationToken cancellationToken)
    {
        var value = await miss.Read(store, miss.Args, cancellationToken);
        // A read kept before and gone stale has shown it repeats; any other waits for its second miss.
        var admitted = miss.Kept || admission.Admit(ReadAdmission.Fingerprint(miss.Key));
        if (admitted && !miss.Kept) miss.Rate.Repeat();
        if (admitted && stamps.Take(miss.DependsOn(miss.Args, value), miss.Writes) is { } stamp)
            cache.Set(miss.Key, new Entry(value, stamp), Kept);
        return value;
    }

    private HitRate HitRateOf(string operation) =>
        hitRates.GetOrAdd(operation, static (_, o) => new HitRate(o.HitRateWindow, o.MinimumHitRate), options.Value);

    /// <summary>The store it keeps reads of (for tests).</summary>
    public IGraphStore Store => store;

    /// <summary>
    /// Whether a kind of read (its operation's name, as <c>nameof(IGraphStore.GetNodesAsync)</c>) is screened, its reads the
    /// doorkeeper has not seen going straight to the store (for tests).
    /// </summary>
    public bool Screening(string operation) => hitRates.TryGetValue(operation, out var rate) && rate.Screening;

    /// <summary>How every entry is kept (MemoryCache copies these into the entry, so one instance serves all).</summary>
    private static readonly MemoryCacheEntryOptions Kept = new() { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) };

    /// <summary>A read keyed by its serialized arguments: only for reads too rare for their key's cost to matter.</summary>
    private Task<T> SerializedAsync<TArgs, T>(
        string operation, TArgs arguments, IEnumerable<string> dependsOn, Func<IGraphStore, TArgs, CancellationToken, Task<T>> read,
        CancellationToken cancellationToken) =>
        CachedAsync(operation, (Operation: operation, Arguments: arguments, DependsOn: dependsOn, Read: read),
            static (ref key, a) =>
            {
                key.Operation(a.Operation);
                key.Text(JsonSerializer.Serialize(a.Arguments));
            },
            static (a, _) => a.DependsOn,
            static (s, a, ct) => a.Read(s, a.Arguments, ct), cancellationToken);

    /// <summary>A read whose only argument is a list of ids, and whose answer depends on the same tags whatever the ids.</summary>
    private Task<T> CachedByIdsAsync<T>(
        string operation, IReadOnlyCollection<string> ids, IEnumerable<string> dependsOn,
        Func<IGraphStore, IReadOnlyCollection<string>, CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        CachedAsync(operation, (Operation: operation, Ids: ids, DependsOn: dependsOn, Read: read), static (ref key, a) => ReadKeys.Ids(ref key, a.Operation, a.Ids),
            static (a, _) => a.DependsOn, static (s, a, ct) => a.Read(s, a.Ids, ct), cancellationToken);

    private static readonly string[] OnRelations = [ReadTags.Relations];
    private static readonly string[] OnFacts = [ReadTags.Facts];
    private static readonly string[] OnRelationsAndFacts = [ReadTags.Relations, ReadTags.Facts];
    private static readonly string[] OnStatements = [ReadTags.Kind(NodeKind.Statement)];
    private static readonly string[] OnAnything = [ReadTags.Anything];

    public Task<IReadOnlyList<Node>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        !keepAnchored ? store.GetNodesAsync(ids, cancellationToken) : CachedAsync(nameof(GetNodesAsync), ids, static (ref key, ids) => ReadKeys.Ids(ref key, nameof(GetNodesAsync), ids), static (ids, _) => ids.Select(ReadTags.Node),
            static (s, ids, ct) => s.GetNodesAsync(ids, ct), cancellationToken);

    public Task<IReadOnlyList<Relation>> GetRelationsAsync(
        IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<RelationType>? types, Direction direction, CancellationToken cancellationToken) =>
        !keepAnchored ? store.GetRelationsAsync(nodeIds, types, direction, cancellationToken) : CachedAsync(nameof(GetRelationsAsync), (NodeIds: nodeIds, Types: types, Direction: direction),
            static (ref key, a) => ReadKeys.Relations(ref key, a.NodeIds, a.Types, a.Direction), static (a, _) => a.NodeIds.Select(ReadTags.Around),
            static (s, a, ct) => s.GetRelationsAsync(a.NodeIds, a.Types, a.Direction, ct), cancellationToken);

    /// <summary>
    /// A query level: kept whole (<see cref="LevelAsync"/>) when anchored reads are kept; else its anchored reads (the
    /// expansion, its nodes by id, <see cref="AnchoredReads.Page"/>'s pages) go to the store and its other pages are kept
    /// (<see cref="SplitAsync"/>).
    /// </summary>
    public Task<Neighborhood> ExpandAsync(
        IReadOnlyCollection<ExpandRequest> requests, IReadOnlyCollection<string> nodeIds, IReadOnlyList<(NodeQuery Query, PageRequest Page)> pages,
        RowCap cap, CancellationToken cancellationToken)
    {
        if (keepAnchored) return LevelAsync(requests, nodeIds, pages, cap, cancellationToken);
        var anchored = requests.Count > 0 || nodeIds.Count > 0;
        var kept = 0;
        foreach (var (query, page) in pages)
            if (!AnchoredReads.Page(query, page)) kept++;
        // A level of kept pages alone (a list, the nested pages under one) is kept whole, as it always was; one of anchored
        // reads alone goes to the store; a level of both is split.
        if (kept == pages.Count && !anchored) return LevelAsync(requests, nodeIds, pages, cap, cancellationToken);
        if (kept == 0) return store.ExpandAsync(requests, nodeIds, pages, cap, cancellationToken);
        return SplitAsync(requests, nodeIds, pages, kept, cap, cancellationToken);
    }

    /// <summary>
    /// A level whose anchored part goes to the store and whose other pages are kept: one store call for the expansion, its
    /// nodes by id and its anchored pages; the kept pages as a level of pages alone (<see cref="LevelAsync"/>, one key and
    /// at most one store call). The answer is the store's to the whole level: the expansion's relations and nodes, and
    /// every page where it was asked. Each part is read under the level's whole cap, which cannot stop a part the whole
    /// level would not stop (its listed pages hold no more items than the whole level's); the listed pages of both parts are
    /// then held to the cap together in the order asked, as the store holds them, so a level that passes it throws the
    /// same <see cref="RowCapExceededException"/>, and a level within it reads the same pages (a listed page the cap did
    /// not stop holds what it holds under any larger cap).
    /// </summary>
    private async Task<Neighborhood> SplitAsync(
        IReadOnlyCollection<ExpandRequest> requests, IReadOnlyCollection<string> nodeIds, IReadOnlyList<(NodeQuery Query, PageRequest Page)> pages,
        int kept, RowCap cap, CancellationToken cancellationToken)
    {
        var toStore = new List<(NodeQuery Query, PageRequest Page)>(pages.Count - kept);
        var toKeep = new List<(NodeQuery Query, PageRequest Page)>(kept);
        foreach (var page in pages) (AnchoredReads.Page(page.Query, page.Page) ? toStore : toKeep).Add(page);
        var found = await store.ExpandAsync(requests, nodeIds, toStore, cap, cancellationToken);
        var keptPages = (await LevelAsync([], [], toKeep, cap, cancellationToken)).Pages;
        var joined = new List<Page<Node>>(pages.Count);
        int fromStore = 0, fromKept = 0;
        var held = 0L;
        foreach (var (query, page) in pages)
        {
            var read = AnchoredReads.Page(query, page) ? found.Pages[fromStore++] : keptPages[fromKept++];
            if (page.Listed) cap.Check(held += read.Items.Count);
            joined.Add(read);
        }
        return found with { Pages = joined };
    }

    /// <summary>
    /// The level's expansion and its pages as one entry: it depends on what the expansion read and on what each page
    /// would as a <see cref="FindNodesAsync"/> of its own, so a write that touches either part makes it stale. The cap is
    /// not part of the key: a level read whole answers any cap (the caller's list-item count still sees how long it is).
    /// A shared read stopped by another caller's smaller cap says nothing of this caller's, which reads on its own.
    /// </summary>
    private Task<Neighborhood> LevelAsync(
        IReadOnlyCollection<ExpandRequest> requests, IReadOnlyCollection<string> nodeIds, IReadOnlyList<(NodeQuery Query, PageRequest Page)> pages,
        RowCap cap, CancellationToken cancellationToken) =>
        CappedAsync(nameof(ExpandAsync), (Requests: requests, NodeIds: nodeIds, Pages: pages, Cap: cap), cap,
            static (ref key, a) => ReadKeys.Expand(ref key, a.Requests, a.NodeIds, a.Pages),
            static (a, found) => a.Requests.Select(r => ReadTags.Around(r.NodeId)).Concat(a.NodeIds.Concat(found.Nodes.Select(n => n.Id)).Select(ReadTags.Node))
                .Concat(PageTags(a.Pages)),
            static (s, a, ct) => s.ExpandAsync(a.Requests, a.NodeIds, a.Pages, a.Cap, ct), cancellationToken);

    /// <summary>
    /// A read stopped at a cap (<see cref="RowCap"/>), cached as <see cref="CachedAsync"/> with the cap left out of its key:
    /// a read found whole answers any cap. A shared read stopped by another caller's smaller cap says nothing of this
    /// caller's, which reads again on its own.
    /// </summary>
    private Task<T> CappedAsync<TArgs, T>(
        string operation, TArgs args, RowCap cap, KeyFields<TArgs> keyOf, Func<TArgs, T, IEnumerable<string>> dependsOn,
        Func<IGraphStore, TArgs, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var shared = CachedAsync(operation, args, keyOf, dependsOn, read, cancellationToken);
        return shared.IsCompletedSuccessfully ? shared : AloneWhenStoppedAsync(shared, args, cap, read, cancellationToken);
    }

    /// <summary>A read whose shared call another caller's smaller cap stopped, read again on this caller's own cap.</summary>
    private async Task<T> AloneWhenStoppedAsync<TArgs, T>(
        Task<T> shared, TArgs args, RowCap cap, Func<IGraphStore, TArgs, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        try
        {
            return await shared;
        }
        catch (RowCapExceededException stopped) when (stopped.Cap.Rows < cap.Rows)
        {
            return await read(store, args, cancellationToken);
        }
    }

    /// <summary>What a batch of node pages depends on.</summary>
    private static IEnumerable<string> PageTags(IReadOnlyList<(NodeQuery Query, PageRequest Page)> pages) =>
        pages.SelectMany(q => ReadTags.Of(q.Query)).Distinct();

    public Task<Citations> GetCitationsAsync(IReadOnlyCollection<string> statementIds, CancellationToken cancellationToken) =>
        CachedByIdsAsync(nameof(GetCitationsAsync), statementIds, OnRelationsAndFacts, static (s, ids, ct) => s.GetCitationsAsync(ids, ct), cancellationToken);

    public Task<IReadOnlyList<Fact>> GetFactsAsync(IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken) =>
        CachedByIdsAsync(nameof(GetFactsAsync), subjectIds, OnFacts, static (s, ids, ct) => s.GetFactsAsync(ids, ct), cancellationToken);

    public Task<Page<Fact>> FindFactsAsync(FactQuery query, PageRequest page, CancellationToken cancellationToken) =>
        CachedAsync(nameof(FindFactsAsync), (Query: query, Page: page), static (ref key, a) => ReadKeys.FactPage(ref key, a.Query, a.Page), static (a, _) => ReadTags.Of(a.Query),
            static (s, a, ct) => s.FindFactsAsync(a.Query, a.Page, ct), cancellationToken);

    public Task<IReadOnlyDictionary<string, EventFamily>> GetEventFamiliesAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken) =>
        CachedByIdsAsync(nameof(GetEventFamiliesAsync), eventIds, OnRelations, static (s, ids, ct) => s.GetEventFamiliesAsync(ids, ct), cancellationToken);

    /// <summary>Reports, keyed without the cap as a level is (<see cref="CappedAsync"/>).</summary>
    public Task<IReadOnlyList<ReportedCasualties>> GetCasualtyReportsAsync(IReadOnlyCollection<string> eventIds, RowCap cap, CancellationToken cancellationToken) =>
        CappedAsync(nameof(GetCasualtyReportsAsync), (EventIds: eventIds, Cap: cap), cap, static (ref key, a) => ReadKeys.Ids(ref key, nameof(GetCasualtyReportsAsync), a.EventIds),
            static (_, _) => OnStatements, static (s, a, ct) => s.GetCasualtyReportsAsync(a.EventIds, a.Cap, ct), cancellationToken);

    public Task<IReadOnlyList<Page<Node>>> FindNodesAsync(IReadOnlyList<(NodeQuery Query, PageRequest Page)> queries, CancellationToken cancellationToken) =>
        CachedAsync(nameof(FindNodesAsync), queries, static (ref key, q) => ReadKeys.NodePages(ref key, q), static (q, _) => PageTags(q),
            static (s, q, ct) => s.FindNodesAsync(q, ct), cancellationToken);

    public Task<Page<Relation>> FindRelationsAsync(RelationQuery query, PageRequest page, CancellationToken cancellationToken) =>
        CachedAsync(nameof(FindRelationsAsync), (Query: query, Page: page), static (ref key, a) => ReadKeys.RelationPage(ref key, a.Query, a.Page),
            static (a, _) => ReadTags.Of(a.Query), static (s, a, ct) => s.FindRelationsAsync(a.Query, a.Page, ct), cancellationToken);

    public Task<IReadOnlyList<SearchHit>> SearchAsync(string text, IReadOnlyCollection<NodeKind>? kinds, int limit, CancellationToken cancellationToken) =>
        CachedAsync(nameof(SearchAsync), (Text: text, Kinds: kinds, Limit: limit), static (ref key, a) => ReadKeys.Search(ref key, a.Text, a.Kinds, a.Limit),
            static (a, _) => a.Kinds?.Select(ReadTags.Kind) ?? ReadTags.AllKinds, static (s, a, ct) => s.SearchAsync(a.Text, a.Kinds, a.Limit, ct), cancellationToken);

    public Task<IReadOnlyList<GraphPath>> FindPathsAsync(string fromId, string toId, int maxDepth, int limit, CancellationToken cancellationToken) =>
        CachedAsync(nameof(FindPathsAsync), (From: fromId, To: toId, MaxDepth: maxDepth, Limit: limit),
            static (ref key, a) => ReadKeys.Paths(ref key, a.From, a.To, a.MaxDepth, a.Limit), static (a, _) => [ReadTags.Relations, ReadTags.Node(a.From), ReadTags.Node(a.To)],
            static (s, a, ct) => s.FindPathsAsync(a.From, a.To, a.MaxDepth, a.Limit, ct), cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetPlacesWithinAsync(IReadOnlyCollection<string> placeIds, CancellationToken cancellationToken) =>
        CachedByIdsAsync(nameof(GetPlacesWithinAsync), placeIds, OnRelations, static (s, ids, ct) => s.GetPlacesWithinAsync(ids, ct), cancellationToken);

    /// <summary>The chains, keyed without the cap as a level is (<see cref="CappedAsync"/>).</summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<Relation>>> GetEscalationAsync(
        IReadOnlyCollection<string> eventIds, ChainDirection direction, int maxDepth, RowCap cap, CancellationToken cancellationToken) =>
        CappedAsync(nameof(GetEscalationAsync), (EventIds: eventIds, Direction: direction, MaxDepth: maxDepth, Cap: cap), cap,
            static (ref key, a) => ReadKeys.Escalation(ref key, a.EventIds, a.Direction, a.MaxDepth), static (_, _) => OnRelations,
            static (s, a, ct) => s.GetEscalationAsync(a.EventIds, a.Direction, a.MaxDepth, a.Cap, ct), cancellationToken);

    public Task<EventAggregate> AggregateEventsAsync(EventAggregateQuery query, CancellationToken cancellationToken) =>
        // Events, their relations, the statements reporting their dead, facts and places' nesting all count: any write may move it.
        SerializedAsync(nameof(AggregateEventsAsync), query, OnAnything, static (s, q, ct) => s.AggregateEventsAsync(q, ct), cancellationToken);

    public Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken) =>
        CachedAsync(nameof(GetStatsAsync), 0, static (ref key, _) => key.Operation(nameof(GetStatsAsync)), static (_, _) => OnAnything, static (s, _, ct) => s.GetStatsAsync(ct), cancellationToken);

    public Task<ImportResult> ImportAsync(GraphBatch batch, WriteContext? write, CancellationToken cancellationToken) =>
        WriteAsync(ct => store.ImportAsync(batch, write, ct), cancellationToken);

    public Task<bool> DeleteNodeAsync(string id, WriteContext? write, CancellationToken cancellationToken) =>
        WriteAsync(ct => store.DeleteNodeAsync(id, write, ct), cancellationToken);

    public Task<bool> WithdrawClaimAsync(ClaimWithdrawal withdrawal, WriteContext? write, CancellationToken cancellationToken) =>
        WriteAsync(ct => store.WithdrawClaimAsync(withdrawal, write, ct), cancellationToken);

    public Task<CompactionResult> CompactHistoryAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        WriteAsync(ct => store.CompactHistoryAsync(cutoff, ct), cancellationToken);

    public Task<ImportResult> ImportAsync(GraphChunks chunks, WriteContext? write, CancellationToken cancellationToken) =>
        WriteAsync(ct => store.ImportAsync(chunks, write, ct), cancellationToken);

    /// <summary>Not cached: asked right before a delete, which must see the nodes as they are.</summary>
    public Task<IReadOnlyList<Node>> GetReferencingNodesAsync(string id, CancellationToken cancellationToken) => store.GetReferencingNodesAsync(id, cancellationToken);

    /// <summary>
    /// Runs a write; afterwards, whether it committed or not, what the log holds since the version
    /// last seen is stale: this write's entries, and any other process's since.
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        stamps.WriteStarted();
        try
        {
            return await write(cancellationToken);
        }
        finally
        {
            await versionGate.WaitAsync(CancellationToken.None);
            try
            {
                await CatchUpAsync(wrote: true, CancellationToken.None);
            }
            finally
            {
                versionGate.Release();
            }
        }
    }

    // The log is read as it is: history pages must show the newest entries, and subscriptions tail it.
    public Task<Page<HistoryEntry>> FindHistoryAsync(HistoryQuery query, PageRequest page, CancellationToken cancellationToken) =>
        store.FindHistoryAsync(query, page, cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<HistoryEntry>>> GetHistoryAsync(IReadOnlyCollection<string> targetIds, CancellationToken cancellationToken) =>
        store.GetHistoryAsync(targetIds, cancellationToken);

    public Task<IReadOnlyList<HistoryEntry>> ReadHistoryAsync(long after, int limit, CancellationToken cancellationToken) =>
        store.ReadHistoryAsync(after, limit, cancellationToken);

    public IAsyncEnumerable<Node> ExportNodesAsync(CancellationToken cancellationToken) => store.ExportNodesAsync(cancellationToken);

    public IAsyncEnumerable<Relation> ExportRelationsAsync(CancellationToken cancellationToken) => store.ExportRelationsAsync(cancellationToken);

    public IAsyncEnumerable<Fact> ExportFactsAsync(CancellationToken cancellationToken) => store.ExportFactsAsync(cancellationToken);

    // An export streams from the store's cursor; caching it would hold it in memory.
    public IAsyncEnumerable<EventRecord> ExportEventsAsync(EventSelection selection, CancellationToken cancellationToken) =>
        store.ExportEventsAsync(selection, cancellationToken);

    public Task<long> GetDataVersionAsync(CancellationToken cancellationToken) => store.GetDataVersionAsync(cancellationToken);

    public void Dispose()
    {
        versionGate.Dispose();
        (store as IDisposable)?.Dispose();
    }
}
