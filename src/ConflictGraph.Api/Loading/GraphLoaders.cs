using System.Collections.Concurrent;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using GraphQL.DataLoader;

namespace ConflictGraph.Api.Loading;

/// <summary>
/// The request's batch loaders. Node lookups, relation expansions and node pages asked for at one level
/// of a query share one store call (<see cref="IGraphStore.ExpandAsync(IReadOnlyCollection{ExpandRequest}, IReadOnlyCollection{string}, IReadOnlyList{ValueTuple{NodeQuery, PageRequest}}, CancellationToken)"/>);
/// each other kind of read is one call per level.
/// </summary>
public sealed partial class GraphLoaders(IGraphStore store)
{
    // Each loader is made on first use: most requests need one or two of them.
    private ConcurrentDictionary<string, Node>? nodes;
    private BatchLoader<object, object?>? graph;
    private BatchLoader<string, IReadOnlyList<ReportedCasualties>>? casualties;
    private BatchLoader<string, IReadOnlyList<ReportedCasualties>>? listedCasualties;
    private BatchLoader<string, Node?>? keys;
    private BatchLoader<EscalationKey, IReadOnlyList<Relation>>? escalation;

    /// <summary>The field's value, made once even when resolvers running in parallel ask together.</summary>
    private static T Ensure<T>(ref T? field, Func<GraphLoaders, T> create, GraphLoaders loaders) where T : class =>
        field ?? Interlocked.CompareExchange(ref field, create(loaders), null) ?? field;

    private ConcurrentDictionary<string, Node> KnownNodes => Ensure(ref nodes, _ => new(StringComparer.Ordinal), this);

    private BatchLoader<object, object?> Graph => Ensure(ref graph, static loaders => new(loaders.FetchGraphAsync, null), this);

    private BatchLoader<string, IReadOnlyList<ReportedCasualties>> CasualtiesLoader =>
        Ensure(ref casualties, static loaders => new((ids, ct) => loaders.CasualtiesAsync(ids, RowCap.None, ct), []), this);

    /// <summary>Reports an answer lists (an event's <c>casualties { reports }</c>): read up to the query's cap.</summary>
    private BatchLoader<string, IReadOnlyList<ReportedCasualties>> ListedCasualtiesLoader =>
        Ensure(ref listedCasualties, static loaders => new((ids, ct) => loaders.CasualtiesAsync(ids, loaders.Budget?.RowCap ?? RowCap.None, ct), []), this);

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<ReportedCasualties>>> CasualtiesAsync(IReadOnlyList<string> ids, RowCap cap, CancellationToken ct)
    {
        var reports = await Store.GetCasualtyReportsAsync(ids, cap, ct);
        return ids.ToDictionary(id => id, id => (IReadOnlyList<ReportedCasualties>)reports.Where(r => r.Report.EventId == id).ToList());
    }

    /// <summary>
    /// Nodes by id as keys (<see cref="NodeKey"/>), for a list whose selection reads nothing else: one page of keys per
    /// level, whole nodes the request already read answering for themselves.
    /// </summary>
    private BatchLoader<string, Node?> KeysLoader => Ensure(ref keys, static loaders => new(async (ids, ct) =>
    {
        var known = loaders.KnownNodes;
        var unknown = ids.Where(id => !known.ContainsKey(id)).ToList();
        var read = new Dictionary<string, Node>(StringComparer.Ordinal);
        if (unknown.Count > 0)
        {
            var query = new NodeQuery { Kinds = Enum.GetValues<NodeKind>(), Ids = unknown };
            var found = await loaders.Store.FindNodesAsync([(query, new PageRequest(unknown.Count, CountTotal: false, KeysOnly: true))], ct);
            foreach (var item in found[0].Items) read[item.Item.Id] = item.Item;
        }
        return ids.ToDictionary(id => id, id => known.GetValueOrDefault(id) ?? read.GetValueOrDefault(id));
    }, null), this);

    private BatchLoader<EscalationKey, IReadOnlyList<Relation>> EscalationLoader => Ensure(ref escalation, static loaders => new(async (keys, ct) =>
    {
        var values = new Dictionary<EscalationKey, IReadOnlyList<Relation>>();
        foreach (var group in keys.GroupBy(k => (k.Direction, k.MaxDepth)))
        {
            var chains = await loaders.Store.GetEscalationAsync(group.Select(k => k.EventId).ToList(), group.Key.Direction, group.Key.MaxDepth,
                loaders.Budget?.RowCap ?? RowCap.None, ct);
            foreach (var key in group) values[key] = chains.GetValueOrDefault(key.EventId) ?? [];
        }
        return values;
    }, []), this);

    /// <summary>Node lookups, relation expansions and node pages of one query level, in one store call.</summary>
    private async Task<IReadOnlyDictionary<object, object?>> FetchGraphAsync(IReadOnlyList<object> keys, CancellationToken ct)
    {
        var known = KnownNodes;
        // The level's keys by kind, in the order asked, in one pass.
        var requests = new List<ExpandRequest>();
        var ids = new List<string>();
        var pageKeys = new List<PageKey>();
        var listed = 0;
        foreach (var key in keys)
        {
            if (key is ExpandRequest request) requests.Add(request);
            else if (key is string id) { if (!known.ContainsKey(id)) ids.Add(id); }
            else if (key is PageKey page) pageKeys.Add(page);
            else if (key is ListedNode item)
            {
                listed++;
                if (!known.ContainsKey(item.Id)) ids.Add(item.Id);
            }
        }
        var cap = Budget?.RowCap ?? RowCap.None;
        if (listed > 0)
        {
            // A list's nodes asked for by id are its items, known before they are read: what they leave is the level's cap.
            cap = cap.AfterItems(listed);
            ids = ids.Distinct(StringComparer.Ordinal).ToList();
        }
        var found = await Store.ExpandAsync(requests, ids, pageKeys.ConvertAll(k => (k.Query, k.Page)), cap, ct);
        foreach (var node in found.Nodes) known[node.Id] = node;
        var values = new Dictionary<object, object?>(keys.Count);
        for (var i = 0; i < pageKeys.Count; i++)
        {
            var page = found.Pages[i];
            // A key is no answer to a later look-up of the whole node.
            foreach (var node in page.Items) if (node.Item is not NodeKey) known[node.Item.Id] = node.Item;
            values[pageKeys[i]] = page;
        }
        foreach (var key in keys)
        {
            if (key is string id) values[key] = known.GetValueOrDefault(id);
            else if (key is ListedNode item) values[key] = known.GetValueOrDefault(item.Id);
        }
        foreach (var (request, relations) in Grouped(requests, found.Relations)) values[request] = relations;
        return values;
    }

    /// <summary>
    /// Each request's relations in id order: the relations are ordered once and each is offered only to the requests
    /// at its two ends, so a level costs its relations, not its requests times its relations.
    /// </summary>
    private static Dictionary<ExpandRequest, List<Relation>> Grouped(List<ExpandRequest> requests, IReadOnlyList<Relation> relations)
    {
        var lists = new Dictionary<ExpandRequest, List<Relation>>(requests.Count);
        var atNode = new Dictionary<string, List<ExpandRequest>>(requests.Count, StringComparer.Ordinal);
        foreach (var request in requests)
        {
            if (!lists.TryAdd(request, [])) continue;
            if (!atNode.TryGetValue(request.NodeId, out var here)) atNode[request.NodeId] = here = [];
            here.Add(request);
        }
        var ordered = InOrder(relations);
        for (var i = 0; i < ordered.Count; i++)
        {
            var relation = ordered[i];
            Offer(relation, relation.FromId);
            if (relation.ToId != relation.FromId) Offer(relation, relation.ToId);
        }
        return lists;

        // The stores hand a level's relations back in id order already; only a list out of order is sorted (stably, as before).
        static IReadOnlyList<Relation> InOrder(IReadOnlyList<Relation> relations)
        {
            for (var i = 1; i < relations.Count; i++)
                if (RelationKey.Compare(relations[i - 1], relations[i]) > 0) return [.. relations.Order(RelationKey.Order)];
            return relations;
        }

        void Offer(Relation relation, string nodeId)
        {
            if (!atNode.TryGetValue(nodeId, out var here)) return;
            foreach (var request in here)
                if (request.Matches(relation)) lists[request].Add(relation);
        }
    }

    /// <summary>Drops every cached read; a subscription calls it before each event it resolves.</summary>
    public void Reset()
    {
        nodes?.Clear();
        graph?.Reset();
        ResetClaims();
        casualties?.Reset();
        listedCasualties?.Reset();
        keys?.Reset();
        escalation?.Reset();
        ResetHistory();
    }

    /// <summary>
    /// The query whose list-item budget bounds each level's relation reads (<see cref="GraphRequestContext.RowCap"/>),
    /// set by <c>Limits.ListItemBudget</c>; null for other operations, whose levels are read whole.
    /// </summary>
    internal GraphRequestContext? Budget { get; set; }

    /// <summary>The request's store (metered when costs are reported), for reads that are not batched (top-level fields).</summary>
    public IGraphStore Store { get; } = store;

    public IDataLoaderResult<Node?> Node(string? id) =>
        id is null ? Done<Node?>(null) : Graph.Load(id).Then(value => value as Node);

    public IDataLoaderResult<IReadOnlyList<Node>> Nodes(IEnumerable<string> ids) =>
        All(ids.Distinct().Select(Node)).Then(found => (IReadOnlyList<Node>)found.OfType<Node>().ToList());

    /// <summary>
    /// The nodes of a list read by id (a relation's claimedBy), in the order asked, without unknown ids: each id is an item
    /// of the answer, so the level counts them toward its cap before it reads them (<see cref="RowCap.AfterItems"/>).
    /// </summary>
    public IDataLoaderResult<IReadOnlyList<Node>> ListedNodes(IEnumerable<string> ids) =>
        All(ids.Distinct().Select(id => Graph.Load(new ListedNode(id)).Then(value => value as Node)))
            .Then(found => (IReadOnlyList<Node>)found.OfType<Node>().ToList());

    /// <summary>The nodes' keys, in the order asked, without unknown ids: for a selection of nothing but what a key answers (<see cref="Schema.NodeKeys"/>).</summary>
    public IDataLoaderResult<IReadOnlyList<Node>> Keys(IEnumerable<string> ids) =>
        All(ids.Distinct().Select(KeysLoader.Load)).Then(found => (IReadOnlyList<Node>)found.OfType<Node>().ToList());

    public IDataLoaderResult<IReadOnlyList<Relation>> Relations(string nodeId, Direction direction, params RelationType[] types) =>
        Relations(nodeId, direction, types.Length == 0 ? null : (IReadOnlyList<RelationType>)types);

    public IDataLoaderResult<IReadOnlyList<Relation>> Relations(string nodeId, Direction direction, IReadOnlyList<RelationType>? types) =>
        Graph.Load(new ExpandRequest(nodeId, types, direction)).Then(value => (IReadOnlyList<Relation>)value!);

    /// <summary>The nodes at the far end of a node's relations, in relation order (the relations' claims are not read).</summary>
    public IDataLoaderResult<IReadOnlyList<Node>> Neighbors(string nodeId, Direction direction, params RelationType[] types) =>
        Neighbors(new ExpandRequest(nodeId, types.Length == 0 ? null : types, direction, EndsOnly: true));

    /// <summary>The first of <see cref="Neighbors(string, Direction, RelationType[])"/>: its relations are no list's items (<see cref="ExpandRequest.Listed"/>).</summary>
    public IDataLoaderResult<Node?> Neighbor(string nodeId, Direction direction, params RelationType[] types) =>
        Neighbors(new ExpandRequest(nodeId, types.Length == 0 ? null : types, direction, EndsOnly: true, Listed: false))
            .Then(found => found.Count == 0 ? null : found[0]);

    private IDataLoaderResult<IReadOnlyList<Node>> Neighbors(ExpandRequest request) =>
        Graph.Load(request).Then(value => (IReadOnlyList<Node>)FarEnds(request.NodeId, (IReadOnlyList<Relation>)value!));

    /// <summary>The known far ends of a node's relations, each once, in relation order; a set checks repeats only past a few.</summary>
    private List<Node> FarEnds(string nodeId, IReadOnlyList<Relation> relations)
    {
        const int ScannedUpTo = 8;
        var ends = new List<Node>(relations.Count);
        var seen = relations.Count > ScannedUpTo ? new HashSet<string>(StringComparer.Ordinal) : null;
        foreach (var relation in relations)
        {
            if (KnownNodes.GetValueOrDefault(relation.OtherEnd(nodeId)) is not { } end) continue;
            if (seen is null ? !Listed(ends, end.Id) : seen.Add(end.Id)) ends.Add(end);
        }
        return ends;

        static bool Listed(List<Node> ends, string id)
        {
            foreach (var known in ends)
                if (known.Id == id) return true;
            return false;
        }
    }

    public IDataLoaderResult<IReadOnlyList<ReportedCasualties>> Casualties(string eventId) => CasualtiesLoader.Load(eventId);

    /// <summary>An event's reports for an answer that lists them: each statement carrying them counts toward the query's cap.</summary>
    public IDataLoaderResult<IReadOnlyList<ReportedCasualties>> ListedCasualties(string eventId) => ListedCasualtiesLoader.Load(eventId);

    /// <summary>A page of nodes, read with the rest of its level (<see cref="FetchGraphAsync"/>).</summary>
    public IDataLoaderResult<Page<Node>> Page(NodeQuery query, PageRequest page) => Graph.Load(new PageKey(query, page)).Then(value => (Page<Node>)value!);

    /// <summary>An event's escalation chain: each link is an item of its list, read up to the query's cap (<see cref="Budget"/>).</summary>
    public IDataLoaderResult<IReadOnlyList<Relation>> Escalation(string eventId, ChainDirection direction, int maxDepth) =>
        EscalationLoader.Load(new EscalationKey(eventId, direction, maxDepth));

    public static IDataLoaderResult<T> Done<T>(T value) => new Completed<T>(value);

    internal static IDataLoaderResult<IReadOnlyList<T>> All<T>(IEnumerable<IDataLoaderResult<T>> results) => new Joined<T>(results.ToList());

    // Reference equality on purpose: each is one item of one list, however many lists ask for the same node.
    private sealed class ListedNode(string id)
    {
        public string Id { get; } = id;
    }

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
