using System.Text;
using System.Text.Json;
using ConflictGraph.Core.Aggregation;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Caching;

/// <summary>
/// Serves repeated reads from memory. Concurrent misses on one read share one store call
/// (<see cref="SingleFlight"/>). Each entry is stamped with what it depends on (<see cref="ReadTags"/>);
/// a write through this service makes stale only the entries it touched, and is seen by the very
/// next read. A write by another process (the data version moved without us) is seen within
/// <see cref="CachingOptions.VersionCheckInterval"/> and makes every entry stale.
/// </summary>
public sealed class CachingGraphStore(IGraphStore store, IMemoryCache cache, IOptions<CachingOptions> options, TimeProvider clock)
    : IGraphStore, IDisposable
{
    private readonly ReadStamps stamps = new();
    private readonly SingleFlight flights = new();
    private readonly SemaphoreSlim versionGate = new(1, 1);
    private long version = -1;
    private DateTimeOffset versionReadAt;

    private sealed record Entry(object? Value, ReadStamps.Stamp Stamp);

    /// <summary>Notices writes by other processes: when the data version moved without us, nothing cached can be trusted.</summary>
    private async Task CheckVersionAsync(CancellationToken cancellationToken)
    {
        if (version >= 0 && clock.GetUtcNow() - versionReadAt < options.Value.VersionCheckInterval) return;
        await versionGate.WaitAsync(cancellationToken);
        try
        {
            if (version >= 0 && clock.GetUtcNow() - versionReadAt < options.Value.VersionCheckInterval) return;
            var current = await store.GetDataVersionAsync(cancellationToken);
            if (version >= 0 && current != version) stamps.TouchAll();
            (version, versionReadAt) = (current, clock.GetUtcNow());
        }
        finally
        {
            versionGate.Release();
        }
    }

    /// <param name="arguments">Writes the read's arguments unambiguously; called only when caching is on.</param>
    /// <param name="dependsOn">What the answer depends on, given the answer.</param>
    private async Task<T> CachedAsync<T>(
        string operation, Func<string> arguments, Func<T, IEnumerable<string>> dependsOn, Func<CancellationToken, Task<T>> read,
        CancellationToken cancellationToken)
    {
        if (!options.Value.StoreReads) return await read(cancellationToken);
        await CheckVersionAsync(cancellationToken);
        var key = $"{operation}|{arguments()}";
        if (cache.TryGetValue(key, out Entry? hit) && stamps.IsFresh(hit!.Stamp)) return (T)hit.Value!;
        // Callers after a write never join a call that started before it.
        var writes = stamps.Writes;
        return await flights.RunAsync($"{writes}|{key}", async token =>
        {
            var value = await read(token);
            if (stamps.Take(dependsOn(value), writes) is { } stamp)
                cache.Set(key, new Entry(value, stamp), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
            return value;
        }, cancellationToken);
    }

    private Task<T> CachedAsync<T>(string operation, object arguments, IEnumerable<string> dependsOn, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        CachedAsync(operation, () => JsonSerializer.Serialize(arguments), _ => dependsOn, read, cancellationToken);

    public Task<IReadOnlyList<Node>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        CachedAsync(nameof(GetNodesAsync), ids, ids.Select(ReadTags.Node), ct => store.GetNodesAsync(ids, ct), cancellationToken);

    public Task<IReadOnlyList<Relation>> GetRelationsAsync(
        IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<RelationType>? types, Direction direction, CancellationToken cancellationToken) =>
        CachedAsync(nameof(GetRelationsAsync), new { nodeIds, types, direction }, nodeIds.Select(ReadTags.Around),
            ct => store.GetRelationsAsync(nodeIds, types, direction, ct), cancellationToken);

    public Task<Neighborhood> ExpandAsync(IReadOnlyCollection<ExpandRequest> requests, IReadOnlyCollection<string> nodeIds, CancellationToken cancellationToken) =>
        CachedAsync(nameof(ExpandAsync), () => ExpandKey(requests, nodeIds),
            found => requests.Select(r => ReadTags.Around(r.NodeId)).Concat(nodeIds.Concat(found.Nodes.Select(n => n.Id)).Select(ReadTags.Node)),
            ct => store.ExpandAsync(requests, nodeIds, ct), cancellationToken);

    /// <summary>
    /// The key of the hottest read, written by hand rather than serialized: every id is prefixed
    /// with its length, so no id can run into the next whatever characters it holds.
    /// </summary>
    private static string ExpandKey(IReadOnlyCollection<ExpandRequest> requests, IReadOnlyCollection<string> nodeIds)
    {
        var key = new StringBuilder();
        foreach (var request in requests)
        {
            key.Append(request.EndsOnly ? 'o' : 'e').Append(request.NodeId.Length).Append(':').Append(request.NodeId).Append('/').Append((int)request.Direction);
            if (request.Types is { } types)
                foreach (var type in types) key.Append(',').Append((int)type);
            else key.Append('*');
            key.Append(';');
        }
        foreach (var id in nodeIds) key.Append('n').Append(id.Length).Append(':').Append(id);
        return key.ToString();
    }

    public Task<Citations> GetCitationsAsync(IReadOnlyCollection<string> statementIds, CancellationToken cancellationToken) =>
        CachedAsync(nameof(GetCitationsAsync), statementIds, [ReadTags.Relations, ReadTags.Facts], ct => store.GetCitationsAsync(statementIds, ct), cancellationToken);

    public Task<IReadOnlyList<Fact>> GetFactsAsync(IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken) =>
        CachedAsync(nameof(GetFactsAsync), subjectIds, [ReadTags.Facts], ct => store.GetFactsAsync(subjectIds, ct), cancellationToken);

    public Task<Page<Fact>> FindFactsAsync(FactQuery query, PageRequest page, CancellationToken cancellationToken) =>
        CachedAsync(nameof(FindFactsAsync), new { query, page }, ReadTags.Of(query), ct => store.FindFactsAsync(query, page, ct), cancellationToken);

    public Task<IReadOnlyDictionary<string, EventFamily>> GetEventFamiliesAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken) =>
        CachedAsync(nameof(GetEventFamiliesAsync), eventIds, [ReadTags.Relations], ct => store.GetEventFamiliesAsync(eventIds, ct), cancellationToken);

    public Task<IReadOnlyList<ReportedCasualties>> GetCasualtyReportsAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken) =>
        CachedAsync(nameof(GetCasualtyReportsAsync), eventIds, [ReadTags.Kind(NodeKind.Statement)], ct => store.GetCasualtyReportsAsync(eventIds, ct), cancellationToken);

    public Task<IReadOnlyList<Page<Node>>> FindNodesAsync(IReadOnlyList<(NodeQuery Query, PageRequest Page)> queries, CancellationToken cancellationToken) =>
        CachedAsync(nameof(FindNodesAsync), queries.Select(q => new { q.Query, q.Page }), queries.SelectMany(q => ReadTags.Of(q.Query)).Distinct(),
            ct => store.FindNodesAsync(queries, ct), cancellationToken);

    public Task<Page<Relation>> FindRelationsAsync(RelationQuery query, PageRequest page, CancellationToken cancellationToken) =>
        CachedAsync(nameof(FindRelationsAsync), new { query, page }, ReadTags.Of(query), ct => store.FindRelationsAsync(query, page, ct), cancellationToken);

    public Task<IReadOnlyList<SearchHit>> SearchAsync(string text, IReadOnlyCollection<NodeKind>? kinds, int limit, CancellationToken cancellationToken) =>
        CachedAsync(nameof(SearchAsync), new { text, kinds, limit }, kinds?.Select(ReadTags.Kind) ?? ReadTags.AllKinds,
            ct => store.SearchAsync(text, kinds, limit, ct), cancellationToken);

    public Task<IReadOnlyList<GraphPath>> FindPathsAsync(string fromId, string toId, int maxDepth, int limit, CancellationToken cancellationToken) =>
        CachedAsync(nameof(FindPathsAsync), new { fromId, toId, maxDepth, limit }, [ReadTags.Relations, ReadTags.Node(fromId), ReadTags.Node(toId)],
            ct => store.FindPathsAsync(fromId, toId, maxDepth, limit, ct), cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetPlacesWithinAsync(IReadOnlyCollection<string> placeIds, CancellationToken cancellationToken) =>
        CachedAsync(nameof(GetPlacesWithinAsync), placeIds, [ReadTags.Relations], ct => store.GetPlacesWithinAsync(placeIds, ct), cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<Relation>>> GetEscalationAsync(
        IReadOnlyCollection<string> eventIds, ChainDirection direction, int maxDepth, CancellationToken cancellationToken) =>
        CachedAsync(nameof(GetEscalationAsync), new { eventIds, direction, maxDepth }, [ReadTags.Relations],
            ct => store.GetEscalationAsync(eventIds, direction, maxDepth, ct), cancellationToken);

    public Task<EventAggregate> AggregateEventsAsync(EventAggregateQuery query, CancellationToken cancellationToken) =>
        // Events, their relations, the statements reporting their dead, facts and places' nesting all count: any write may move it.
        CachedAsync(nameof(AggregateEventsAsync), query, [ReadTags.Anything], ct => store.AggregateEventsAsync(query, ct), cancellationToken);

    public Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken) =>
        CachedAsync(nameof(GetStatsAsync), "", [ReadTags.Anything], store.GetStatsAsync, cancellationToken);

    public Task<ImportResult> ImportAsync(GraphBatch batch, IProgress<int>? progress, CancellationToken cancellationToken) =>
        WriteAsync(ct => store.ImportAsync(batch, progress, ct), result => ReadTags.Touched(batch, result), cancellationToken);

    /// <summary>Not cached: asked right before a delete, which must see the nodes as they are.</summary>
    public Task<IReadOnlyList<Node>> GetReferencingNodesAsync(string id, CancellationToken cancellationToken) => store.GetReferencingNodesAsync(id, cancellationToken);

    // A delete also rewrites every node that named the deleted one and the status of relations it
    // claimed, which its result does not list: every entry goes stale.
    public Task<bool> DeleteNodeAsync(string id, CancellationToken cancellationToken) =>
        WriteAsync(ct => store.DeleteNodeAsync(id, ct), deleted => deleted ? null : [], cancellationToken);

    /// <summary>
    /// Runs a write and makes stale what it touched (<paramref name="touched"/>; null: everything).
    /// The data version must move by at most one across it, from the last one seen; otherwise
    /// another process wrote too, and everything goes stale. A write that failed changed nothing.
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<CancellationToken, Task<T>> write, Func<T, IEnumerable<string>?> touched, CancellationToken cancellationToken)
    {
        var before = await store.GetDataVersionAsync(cancellationToken);
        stamps.WriteStarted();
        IEnumerable<string>? tags = null;
        try
        {
            var result = await write(cancellationToken);
            tags = touched(result)?.ToList();
            return result;
        }
        finally
        {
            var after = await store.GetDataVersionAsync(CancellationToken.None);
            var known = Interlocked.Read(ref version);
            if (after == before) stamps.Touch([]);
            else if (tags is null || after - before > 1 || (known >= 0 && before != known)) stamps.TouchAll();
            else stamps.Touch(tags);
            Interlocked.Exchange(ref version, after);
            versionReadAt = clock.GetUtcNow();
        }
    }

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
