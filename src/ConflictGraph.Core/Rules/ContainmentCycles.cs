using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Core.Rules;

/// <summary>
/// LOCATED_IN and PART_OF nest one thing inside another: a chain of them may never lead back to
/// where it started, or "inside Iraq" would hold Iraq itself and whatever Iraq sits in. A new
/// relation closes a cycle when its target already lies, through the batch or the store, inside
/// its source.
/// </summary>
public static class ContainmentCycles
{
    public static readonly IReadOnlyList<RelationType> Types = [RelationType.LocatedIn, RelationType.PartOf];

    /// <summary>For each new relation (by index) that closes a cycle, the chain from its target back to its source.</summary>
    public static async Task<IReadOnlyDictionary<int, IReadOnlyList<string>>> FindAsync(
        IReadOnlyList<(RelationType Type, string FromId, string ToId)> added, IGraphStore? store, CancellationToken cancellationToken)
    {
        var found = new Dictionary<int, IReadOnlyList<string>>();
        foreach (var type in Types)
        {
            var edges = added.Select((r, i) => (r, i)).Where(x => x.r.Type == type && x.r.FromId != x.r.ToId).ToList();
            if (edges.Count == 0) continue;
            var up = await ParentsAsync(type, edges.Select(e => (e.r.FromId, e.r.ToId)), store, cancellationToken);
            foreach (var (relation, index) in edges)
                if (Chain(up, relation.ToId, relation.FromId) is { } chain) found[index] = chain;
        }
        return found;
    }

    /// <summary>Each node's containers: the batch's edges, and the store's reached from them, a level per store call.</summary>
    private static async Task<Dictionary<string, HashSet<string>>> ParentsAsync(
        RelationType type, IEnumerable<(string From, string To)> batch, IGraphStore? store, CancellationToken cancellationToken)
    {
        var up = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Add(string from, string to) => (up.TryGetValue(from, out var set) ? set : up[from] = new HashSet<string>(StringComparer.Ordinal)).Add(to);
        foreach (var (from, to) in batch) Add(from, to);
        if (store is null) return up;
        var asked = new HashSet<string>(StringComparer.Ordinal);
        var frontier = up.Keys.Concat(up.Values.SelectMany(v => v)).Distinct(StringComparer.Ordinal).ToList();
        for (var level = 0; level < TraversalLimits.MaxContainmentDepth && frontier.Count > 0; level++)
        {
            asked.UnionWith(frontier);
            var stored = await store.GetRelationsAsync(frontier, [type], Direction.Outgoing, cancellationToken);
            foreach (var relation in stored) Add(relation.FromId, relation.ToId);
            frontier = stored.Select(r => r.ToId).Where(id => !asked.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
        }
        return up;
    }

    /// <summary>The containers from <paramref name="start"/> up to <paramref name="goal"/>, or null when it is not reached.</summary>
    private static IReadOnlyList<string>? Chain(Dictionary<string, HashSet<string>> up, string start, string goal)
    {
        var cameFrom = new Dictionary<string, string?>(StringComparer.Ordinal) { [start] = null };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var node))
        {
            if (node == goal)
            {
                var chain = new List<string>();
                for (string? at = node; at is not null; at = cameFrom[at]) chain.Insert(0, at);
                return chain;
            }
            foreach (var parent in up.GetValueOrDefault(node) ?? [])
                if (cameFrom.TryAdd(parent, node)) queue.Enqueue(parent);
        }
        return null;
    }
}
