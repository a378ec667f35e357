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
    /// has it, each level asks for these first and stops when they make enough paths, and the last
    /// level asks only for these, since no other relation can end a path in time (a hub on the way then
    /// costs a lookup, not its whole neighbourhood).
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
            // The paths of this length are the frontier's relations to the target: when a store can look
            // those up alone, ask for them first, and expand the frontier's whole neighbourhood only when
            // they are too few and a longer path may still be needed (a group's every event is then never read
            // to find the events it shares with the target).
            if (relationsTo is not null)
            {
                Extend(frontier, await relationsTo(ends, toId, cancellationToken), toId, found, next: null, cancellationToken);
                if (found.Count >= limit || depth == maxDepth) break;
            }
            var next = new List<GraphPath>();
            Extend(frontier, await relationsOf(ends, cancellationToken), toId, relationsTo is null ? found : null, next, cancellationToken);
            frontier = next;
        }
        return found.OrderBy(p => p.Length).ThenBy(p => string.Join('/', p.NodeIds), StringComparer.Ordinal).Take(limit).ToList();
    }

    /// <summary>
    /// Lengthens every frontier path by each relation at its end: a path reaching <paramref name="toId"/>
    /// goes to <paramref name="found"/> (dropped when that is null: the target's paths were found apart),
    /// any other to <paramref name="next"/> up to the frontier's bound (when there is a next level).
    /// </summary>
    private static void Extend(List<GraphPath> frontier, IReadOnlyList<Relation> around, string toId,
        List<GraphPath>? found, List<GraphPath>? next, CancellationToken cancellationToken)
    {
        var byNode = around
            .SelectMany(r => new[] { (Node: r.FromId, Relation: r), (Node: r.ToId, Relation: r) })
            .ToLookup(x => x.Node, x => x.Relation);
        foreach (var path in frontier)
        {
            // A level can hold many thousand paths: a request that was stopped stops here too.
            cancellationToken.ThrowIfCancellationRequested();
            var end = path.NodeIds[^1];
            foreach (var relation in byNode[end].DistinctBy(r => r.Id))
            {
                var other = relation.OtherEnd(end);
                if (path.NodeIds.Contains(other)) continue;
                if (other == toId) found?.Add(new GraphPath([.. path.NodeIds, other], [.. path.Relations, relation]));
                else if (next is { Count: < TraversalLimits.MaxPathFrontier }) next.Add(new GraphPath([.. path.NodeIds, other], [.. path.Relations, relation]));
            }
        }
    }
}
