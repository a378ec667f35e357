using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Rules;

/// <summary>
/// Shortest simple paths between two nodes over relations in either direction, found breadth
/// first with one batched neighbour read per level, so every store answers paths alike. The answer
/// is the first paths in <see cref="Order"/>: shortest first, then by their node ids joined with '/'
/// (ordinal), then by their relation ids in turn.
/// </summary>
public static class ShortestPaths
{
    /// <summary>How many frontier nodes the first look-up of a level's paths to the target asks about, per path still wanted; each further look-up asks twice as many.</summary>
    private const int EndsPerWantedPath = 8;

    /// <summary>The order of the answer: shortest first, then by node ids joined with '/' (ordinal), then by relation ids in turn.</summary>
    public static IComparer<GraphPath> Order { get; } = Comparer<GraphPath>.Create((a, b) =>
    {
        var byLength = a.Length.CompareTo(b.Length);
        if (byLength != 0) return byLength;
        var byNodes = string.CompareOrdinal(Key(a), Key(b));
        return byNodes != 0 ? byNodes : CompareRelations(a, b);
    });

    /// <param name="relationsOf">Every relation touching any of the given nodes (their claims are not needed).</param>
    /// <param name="relationsTo">
    /// Every relation between any of the given nodes and the one given last, either way; when a store
    /// has it, each level asks for these first, a batch of the frontier at a time in the answer's order,
    /// and stops when they make enough paths; the last level asks only for these, since no other
    /// relation can end a path in time (a hub on the way then costs a lookup, not its whole neighbourhood).
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
            // The paths of this length are the frontier's relations to the target: when a store can look
            // those up alone, ask for them first, and expand the frontier's whole neighbourhood only when
            // they are too few and a longer path may still be needed (a group's every event is then never read
            // to find the events it shares with the target).
            if (relationsTo is not null)
            {
                await ReachTargetAsync(frontier, relationsTo, toId, limit - found.Count, found, cancellationToken);
                if (found.Count >= limit || depth == maxDepth) break;
            }
            var ends = frontier.Select(p => p.NodeIds[^1]).Distinct().ToList();
            var next = new List<GraphPath>();
            Extend(frontier, await relationsOf(ends, cancellationToken), toId, relationsTo is null ? found : null, next, cancellationToken);
            frontier = next;
        }
        return found.Order(Order).Take(limit).ToList();
    }

    /// <summary>
    /// Adds to <paramref name="found"/> the frontier's paths that one relation to <paramref name="toId"/>
    /// completes. The frontier is taken in the order those paths sort (<see cref="Order"/>), a batch of
    /// ends at a time, and the walk stops once <paramref name="wanted"/> are found: every path left
    /// unread sorts after them, so the answer is the same as reading the whole frontier, and a level
    /// of a thousand events costs the few it takes to fill the page.
    /// </summary>
    private static async Task ReachTargetAsync(List<GraphPath> frontier,
        Func<IReadOnlyCollection<string>, string, CancellationToken, Task<IReadOnlyList<Relation>>> relationsTo,
        string toId, int wanted, List<GraphPath> found, CancellationToken cancellationToken)
    {
        var target = "/" + toId;
        var ordered = frontier.Select(p => (Path: p, Key: Key(p) + target))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Path, Comparer<GraphPath>.Create(CompareRelations)).ToList();
        var reaching = new Dictionary<string, List<Relation>>(StringComparer.Ordinal);
        var before = found.Count;
        var batch = EndsPerWantedPath * wanted;
        for (var start = 0; start < ordered.Count && found.Count - before < wanted; batch *= 2)
        {
            // The next run of the frontier holding `batch` ends not asked about yet, never split between
            // two paths through the same nodes (they sort together).
            var ends = new List<string>();
            var stop = start;
            while (stop < ordered.Count && (ends.Count < batch || ordered[stop].Key == ordered[stop - 1].Key))
            {
                var end = ordered[stop++].Path.NodeIds[^1];
                if (reaching.TryAdd(end, [])) ends.Add(end);
            }
            if (ends.Count > 0)
                foreach (var relation in await relationsTo(ends, toId, cancellationToken))
                    if (reaching.TryGetValue(relation.OtherEnd(toId), out var at)) at.Add(relation);
            for (; start < stop; start++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var path = ordered[start].Path;
                foreach (var relation in reaching[path.NodeIds[^1]].DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal))
                    found.Add(new GraphPath([.. path.NodeIds, toId], [.. path.Relations, relation]));
            }
        }
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
            foreach (var relation in byNode[end].DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal))
            {
                var other = relation.OtherEnd(end);
                if (path.NodeIds.Contains(other)) continue;
                if (other == toId) found?.Add(new GraphPath([.. path.NodeIds, other], [.. path.Relations, relation]));
                else if (next is { Count: < TraversalLimits.MaxPathFrontier }) next.Add(new GraphPath([.. path.NodeIds, other], [.. path.Relations, relation]));
            }
        }
    }

    private static string Key(GraphPath path) => string.Join('/', path.NodeIds);

    private static int CompareRelations(GraphPath? a, GraphPath? b)
    {
        for (var i = 0; i < Math.Min(a!.Relations.Count, b!.Relations.Count); i++)
        {
            var byId = string.CompareOrdinal(a.Relations[i].Id, b.Relations[i].Id);
            if (byId != 0) return byId;
        }
        return a.Relations.Count.CompareTo(b.Relations.Count);
    }
}
