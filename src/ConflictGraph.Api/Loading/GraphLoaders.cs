using System.Collections.Concurrent;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using GraphQL.DataLoader;

namespace ConflictGraph.Api.Loading;

/// <summary>
/// The request's batch loaders. Node lookups and relation expansions asked for at one level of a
/// query share one store call (<see cref="IGraphStore.ExpandAsync"/>); each other kind of read is
/// one call per level.
/// </summary>
public sealed class GraphLoaders
{
    private readonly ConcurrentDictionary<string, Node> nodes = new(StringComparer.Ordinal);
    private readonly BatchLoader<object, object?> graph;
    private readonly BatchLoader<string, IReadOnlyList<Relation>> citedBy;
    private readonly BatchLoader<string, IReadOnlyList<ReportedCasualties>> casualties;
    private readonly BatchLoader<PageKey, Page<Node>> pages;
    private readonly BatchLoader<EscalationKey, IReadOnlyList<Relation>> escalation;

    public GraphLoaders(MeteredGraphStore store)
    {
        Store = store;
        graph = new(async (keys, ct) =>
        {
            var requests = keys.OfType<ExpandRequest>().ToList();
            var ids = keys.OfType<string>().Where(id => !nodes.ContainsKey(id)).ToList();
            var found = await store.ExpandAsync(requests, ids, ct);
            foreach (var node in found.Nodes) nodes[node.Id] = node;
            var values = new Dictionary<object, object?>();
            foreach (var key in keys)
                values[key] = key is ExpandRequest request
                    ? found.Relations.Where(request.Matches).OrderBy(r => r.Id, StringComparer.Ordinal).ToList()
                    : nodes.GetValueOrDefault((string)key);
            return values;
        }, null);
        citedBy = new(async (ids, ct) =>
        {
            var relations = await store.GetRelationsCitedByAsync(ids, ct);
            return ids.ToDictionary(id => id, id => (IReadOnlyList<Relation>)relations
                .Where(r => r.ClaimedBy.Contains(id) || r.DisputedBy.Contains(id)).ToList());
        }, []);
        casualties = new(async (ids, ct) =>
        {
            var reports = await store.GetCasualtyReportsAsync(ids, ct);
            return ids.ToDictionary(id => id, id => (IReadOnlyList<ReportedCasualties>)reports.Where(r => r.Report.EventId == id).ToList());
        }, []);
        pages = new(async (keys, ct) =>
        {
            var found = await store.FindNodesAsync(keys.Select(k => (k.Query, k.Page)).ToList(), ct);
            foreach (var node in found.SelectMany(p => p.Items)) nodes[node.Item.Id] = node.Item;
            return keys.Zip(found).ToDictionary(p => p.First, p => p.Second);
        }, Page<Node>.Empty);
        escalation = new(async (keys, ct) =>
        {
            var values = new Dictionary<EscalationKey, IReadOnlyList<Relation>>();
            foreach (var group in keys.GroupBy(k => (k.Direction, k.MaxDepth)))
            {
                var chains = await store.GetEscalationAsync(group.Select(k => k.EventId).ToList(), group.Key.Direction, group.Key.MaxDepth, ct);
                foreach (var key in group) values[key] = chains.GetValueOrDefault(key.EventId) ?? [];
            }
            return values;
        }, []);
    }

    /// <summary>Drops every cached read; a subscription calls it before each event it resolves.</summary>
    public void Reset()
    {
        nodes.Clear();
        graph.Reset();
        citedBy.Reset();
        casualties.Reset();
        pages.Reset();
        escalation.Reset();
    }

    /// <summary>The metered store, for reads that are not batched (top-level fields).</summary>
    public MeteredGraphStore Store { get; }

    public IDataLoaderResult<Node?> Node(string? id) =>
        id is null ? Done<Node?>(null) : graph.Load(id).Then(value => value as Node);

    public IDataLoaderResult<IReadOnlyList<Node>> Nodes(IEnumerable<string> ids) =>
        All(ids.Distinct().Select(Node)).Then(found => (IReadOnlyList<Node>)found.OfType<Node>().ToList());

    public IDataLoaderResult<IReadOnlyList<Relation>> Relations(string nodeId, Direction direction, params RelationType[] types) =>
        Relations(nodeId, direction, types.Length == 0 ? null : (IReadOnlyList<RelationType>)types);

    public IDataLoaderResult<IReadOnlyList<Relation>> Relations(string nodeId, Direction direction, IReadOnlyList<RelationType>? types) =>
        graph.Load(new ExpandRequest(nodeId, types, direction)).Then(value => (IReadOnlyList<Relation>)value!);

    /// <summary>The nodes at the far end of a node's relations, in relation order.</summary>
    public IDataLoaderResult<IReadOnlyList<Node>> Neighbors(string nodeId, Direction direction, params RelationType[] types) =>
        Relations(nodeId, direction, types).Then(relations => (IReadOnlyList<Node>)relations
            .Select(r => nodes.GetValueOrDefault(r.OtherEnd(nodeId))).OfType<Node>().DistinctBy(n => n.Id).ToList());

    public IDataLoaderResult<Node?> Neighbor(string nodeId, Direction direction, params RelationType[] types) =>
        Neighbors(nodeId, direction, types).Then(found => found.FirstOrDefault());

    public IDataLoaderResult<IReadOnlyList<Relation>> CitedBy(string statementId) => citedBy.Load(statementId);

    public IDataLoaderResult<IReadOnlyList<ReportedCasualties>> Casualties(string eventId) => casualties.Load(eventId);

    public IDataLoaderResult<Page<Node>> Page(NodeQuery query, PageRequest page) => pages.Load(new PageKey(query, page));

    public IDataLoaderResult<IReadOnlyList<Relation>> Escalation(string eventId, ChainDirection direction, int maxDepth) =>
        escalation.Load(new EscalationKey(eventId, direction, maxDepth));

    public static IDataLoaderResult<T> Done<T>(T value) => new Completed<T>(value);

    private static IDataLoaderResult<IReadOnlyList<T>> All<T>(IEnumerable<IDataLoaderResult<T>> results) => new Joined<T>(results.ToList());

    // Reference equality on purpose: two connection fields never share a page.
    private sealed class PageKey(NodeQuery query, PageRequest page)
    {
        public NodeQuery Query { get; } = query;
        public PageRequest Page { get; } = page;
    }

    private sealed record EscalationKey(string EventId, ChainDirection Direction, int MaxDepth);

    private sealed class Completed<T>(T value) : IDataLoaderResult<T>
    {
        public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);

        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(value);
    }

    private sealed class Joined<T>(IReadOnlyList<IDataLoaderResult<T>> parts) : IDataLoaderResult<IReadOnlyList<T>>
    {
        public async Task<IReadOnlyList<T>> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = new List<T>(parts.Count);
            foreach (var part in parts) values.Add(await part.GetResultAsync(cancellationToken));
            return values;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
