using System.Text;
using System.Text.Json;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Caching;

/// <summary>
/// Serves repeated reads from memory. Every entry is keyed by the store's data version, which
/// every write bumps: a write through this service is seen by the very next read; a write by
/// another process within <see cref="CachingOptions.VersionCheckInterval"/>.
/// </summary>
public sealed class CachingGraphStore(IGraphStore store, IMemoryCache cache, IOptions<CachingOptions> options, TimeProvider clock) : IGraphStore, IDisposable
{
    private readonly SemaphoreSlim versionGate = new(1, 1);
    private long version = -1;
    private DateTimeOffset versionReadAt;

    private async Task<long> VersionAsync(CancellationToken cancellationToken)
    {
        if (version >= 0 && clock.GetUtcNow() - versionReadAt < options.Value.VersionCheckInterval) return Interlocked.Read(ref version);
        await versionGate.WaitAsync(cancellationToken);
        try
        {
            if (version < 0 || clock.GetUtcNow() - versionReadAt >= options.Value.VersionCheckInterval) await RefreshVersionAsync(cancellationToken);
            return Interlocked.Read(ref version);
        }
        finally
        {
            versionGate.Release();
        }
    }

    private async Task RefreshVersionAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref version, await store.GetDataVersionAsync(cancellationToken));
        versionReadAt = clock.GetUtcNow();
    }

    private Task<T> CachedAsync<T>(string operation, object arguments, Func<Task<T>> read, CancellationToken cancellationToken) =>
        CachedAsync(operation, () => JsonSerializer.Serialize(arguments), read, cancellationToken);

    /// <param name="arguments">Writes the read's arguments unambiguously; called only when caching is on.</param>
    private async Task<T> CachedAsync<T>(string operation, Func<string> arguments, Func<Task<T>> read, CancellationToken cancellationToken)
    {
        if (!options.Value.StoreReads) return await read();
        var key = $"{await VersionAsync(cancellationToken)}|{operation}|{arguments()}";
        if (cache.TryGetValue(key, out T? hit)) return hit!;
        var value = await read();
        cache.Set(key, value, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return value;
    }

    public Task<IReadOnlyList<Node>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        CachedAsync(nameof(GetNodesAsync), ids, () => store.GetNodesAsync(ids, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Relation>> GetRelationsAsync(
        IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<RelationType>? types, Direction direction, CancellationToken cancellationToken) =>
        CachedAsync(nameof(GetRelationsAsync), new { nodeIds, types, direction }, () => store.GetRelationsAsync(nodeIds, types, direction, cancellationToken), cancellationToken);

    public Task<Neighborhood> ExpandAsync(IReadOnlyCollection<ExpandRequest> requests, IReadOnlyCollection<string> nodeIds, CancellationToken cancellationToken) =>
        CachedAsync(nameof(ExpandAsync), () => ExpandKey(requests, nodeIds), () => store.ExpandAsync(requests, nodeIds, cancellationToken), cancellationToken);

    /// <summary>
    /// The key of the hottest read, written by hand rather than serialized: every id is prefixed
    /// with its length, so no id can run into the next whatever characters it holds.
    /// </summary>
    private static string ExpandKey(IReadOnlyCollection<ExpandRequest> requests, IReadOnlyCollection<string> nodeIds)
    {
        var key = new StringBuilder();
        foreach (var request in requests)
        {
            key.Append('e').Append(request.NodeId.Length).Append(':').Append(request.NodeId).Append('/').Append((int)request.Direction);
            if (request.Types is { } types)
                foreach (var type in types) key.Append(',').Append((int)type);
            else key.Append('*');
            key.Append(';');
        }
        foreach (var id in nodeIds) key.Append('n').Append(id.Length).Append(':').Append(id);
        return key.ToString();
    }

    public Task<Citations> GetCitationsAsync(IReadOnlyCollection<string> statementIds, CancellationToken cancellationToken) =>
        CachedAsync(nameof(GetCitationsAsync), statementIds, () => store.GetCitationsAsync(statementIds, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Fact>> GetFactsAsync(IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken) =>
        CachedAsync(nameof(GetFactsAsync), subjectIds, () => store.GetFactsAsync(subjectIds, cancellationToken), cancellationToken);

    public Task<Page<Fact>> FindFactsAsync(FactQuery query, PageRequest page, CancellationToken cancellationToken) =>
        CachedAsync(nameof(FindFactsAsync), new { query, page }, () => store.FindFactsAsync(query, page, cancellationToken), cancellationToken);

    public Task<IReadOnlyDictionary<string, EventFamily>> GetEventFamiliesAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken) =>
        CachedAsync(nameof(GetEventFamiliesAsync), eventIds, () => store.GetEventFamiliesAsync(eventIds, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ReportedCasualties>> GetCasualtyReportsAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken) =>
        CachedAsync(nameof(GetCasualtyReportsAsync), eventIds, () => store.GetCasualtyReportsAsync(eventIds, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<Page<Node>>> FindNodesAsync(IReadOnlyList<(NodeQuery Query, PageRequest Page)> queries, CancellationToken cancellationToken) =>
        CachedAsync(nameof(FindNodesAsync), queries.Select(q => new { q.Query, q.Page }), () => store.FindNodesAsync(queries, cancellationToken), cancellationToken);

    public Task<Page<Relation>> FindRelationsAsync(RelationQuery query, PageRequest page, CancellationToken cancellationToken) =>
        CachedAsync(nameof(FindRelationsAsync), new { query, page }, () => store.FindRelationsAsync(query, page, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<SearchHit>> SearchAsync(string text, IReadOnlyCollection<NodeKind>? kinds, int limit, CancellationToken cancellationToken) =>
        CachedAsync(nameof(SearchAsync), new { text, kinds, limit }, () => store.SearchAsync(text, kinds, limit, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<GraphPath>> FindPathsAsync(string fromId, string toId, int maxDepth, int limit, CancellationToken cancellationToken) =>
        CachedAsync(nameof(FindPathsAsync), new { fromId, toId, maxDepth, limit }, () => store.FindPathsAsync(fromId, toId, maxDepth, limit, cancellationToken), cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetPlacesWithinAsync(IReadOnlyCollection<string> placeIds, CancellationToken cancellationToken) =>
        CachedAsync(nameof(GetPlacesWithinAsync), placeIds, () => store.GetPlacesWithinAsync(placeIds, cancellationToken), cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<Relation>>> GetEscalationAsync(
        IReadOnlyCollection<string> eventIds, ChainDirection direction, int maxDepth, CancellationToken cancellationToken) =>
        CachedAsync(nameof(GetEscalationAsync), new { eventIds, direction, maxDepth }, () => store.GetEscalationAsync(eventIds, direction, maxDepth, cancellationToken), cancellationToken);

    public Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken) =>
        CachedAsync(nameof(GetStatsAsync), "", () => store.GetStatsAsync(cancellationToken), cancellationToken);

    public async Task<ImportResult> ImportAsync(GraphBatch batch, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        try
        {
            return await store.ImportAsync(batch, progress, cancellationToken);
        }
        finally
        {
            await RefreshVersionAsync(CancellationToken.None);
        }
    }

    public Task<IReadOnlyList<Node>> GetReferencingNodesAsync(string id, CancellationToken cancellationToken) => store.GetReferencingNodesAsync(id, cancellationToken);

    public async Task<bool> DeleteNodeAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            return await store.DeleteNodeAsync(id, cancellationToken);
        }
        finally
        {
            await RefreshVersionAsync(CancellationToken.None);
        }
    }

    public IAsyncEnumerable<Node> ExportNodesAsync(CancellationToken cancellationToken) => store.ExportNodesAsync(cancellationToken);

    public IAsyncEnumerable<Relation> ExportRelationsAsync(CancellationToken cancellationToken) => store.ExportRelationsAsync(cancellationToken);

    public IAsyncEnumerable<Fact> ExportFactsAsync(CancellationToken cancellationToken) => store.ExportFactsAsync(cancellationToken);

    public Task<long> GetDataVersionAsync(CancellationToken cancellationToken) => store.GetDataVersionAsync(cancellationToken);

    public void Dispose()
    {
        versionGate.Dispose();
        (store as IDisposable)?.Dispose();
    }
}
