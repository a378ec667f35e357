using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Rules;

/// <summary>
/// Shortest simple paths between two nodes over relations in either direction, found breadth
/// first with one batched neighbour read per level, so every store answers paths alike.
/// </summary>
public static class ShortestPaths
{
    /// <param name="relationsOf">Every relation touching any of the given nodes.</param>
    /// <param name="relationsTo">
    /// Every relation between any of the given nodes and the one given last, either way; when a store
    /// has it, the last level asks only for these, since no other relation can end a path in time
    /// (a hub on the way then costs a lookup, not its whole neighbourhood).
    /// </param>
    public static async Task<IReadOnlyList<GraphPath>> FindAsync(
        Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyList<Relation>>> relationsOf,
        string fromId, string toId, int maxDepth, int limit, CancellationToken cancellationToken,
        Func<IReadOnlyCollection<string>, string, CancellationToken, Task<IReadOnlyList<Relation>>>? relationsTo = null)
    {
        TraversalLimits.CheckPathDepth(maxDepth);
        if (limit <= 0) return [];
        if (fromId == toId) return [new GraphPath([fromId], [])];
        var found = new List<GraphPath>();
        var frontier = new List<GraphPath> { new([fromId], []) };
        for (var depth = 1; depth <= maxDepth && found.Count < limit && frontier.Count > 0; depth++)
        {
            var ends = frontier.Select(p => p.NodeIds[^1]).Distinct().ToList();
            var around = depth == maxDepth && relationsTo is not null
                ? await relationsTo(ends, toId, cancellationToken)
                : await relationsOf(ends, cancellationToken);
            var byNode = around
                .SelectMany(r => new[] { (Node: r.FromId, Relation: r), (Node: r.ToId, Relation: r) })
                .ToLookup(x => x.Node, x => x.Relation);
            var next = new List<GraphPath>();
            foreach (var path in frontier)
            {
                // A level can hold many thousand paths: a request that was stopped stops here too.
                cancellationToken.ThrowIfCancellationRequested();
                var end = path.NodeIds[^1];
                foreach (var relation in byNode[end].DistinctBy(r => r.Id))
                {
                    var other = relation.OtherEnd(end);
                    if (path.NodeIds.Contains(other)) continue;
                    var longer = new GraphPath([.. path.NodeIds, other], [.. path.Relations, relation]);
                    if (other == toId) found.Add(longer);
                    else if (next.Count < TraversalLimits.MaxPathFrontier) next.Add(longer);
                }
            }
            frontier = next;
        }
        return found.OrderBy(p => p.Length).ThenBy(p => string.Join('/', p.NodeIds), StringComparer.Ordinal).Take(limit).ToList();
    }
}
