using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Neo4j.Wire;

namespace ConflictGraph.Neo4j.Cypher;

/// <summary>
/// The relations a path search reads, two rings at a time (<see cref="Statements.PathRings"/>): the core's search
/// (<see cref="ShortestPaths"/>) asks for the relations at a level's frontier, one level after another, and the
/// frontier of the next level is the far ends of this one's relations; so each request reads the relations at the
/// asked nodes and, while a level is left after it, those at their far ends too, and the next level is answered from
/// what was read. The first request also checks that both ends exist. The search itself, its order and its limits
/// stay the core's: this only changes how many requests its reads take (a level ask is whole or goes to Neo4j).
/// </summary>
internal sealed class PathNeighbourhood(Func<string, object, CancellationToken, Task<QueryResult>> read, int maxDepth)
{
    /// <summary>The nodes whose every relation has been read, with those relations.</summary>
    private readonly Dictionary<string, List<Relation>> around = new(StringComparer.Ordinal);

    /// <summary>The levels asked for so far (the core asks once a level).</summary>
    private int level;

    /// <summary>
    /// Whether both ends exist (one check when they are the same node), in the request that also reads the first two
    /// rings around <paramref name="fromId"/> when the search will ask for them (a valid depth, a page, two ends).
    /// </summary>
    public async Task<bool> StartAsync(string fromId, string toId, int limit, CancellationToken cancellationToken)
    {
        var ends = fromId == toId ? new List<string> { fromId } : [fromId, toId];
        var walks = limit > 0 && fromId != toId && maxDepth is >= 1 and <= TraversalLimits.MaxPathDepth;
        return await ReadAsync(ends, walks ? [fromId] : [], walks ? RingsFor(1) : 1, cancellationToken) == ends.Count;
    }

    /// <summary>Every relation at any of <paramref name="nodeIds"/>: from what was read when each was, else from Neo4j.</summary>
    public async Task<IReadOnlyList<Relation>> RelationsOfAsync(IReadOnlyCollection<string> nodeIds, CancellationToken cancellationToken)
    {
        level++;
        var unread = nodeIds.Where(id => !around.ContainsKey(id)).Distinct().ToList();
        if (unread.Count > 0) await ReadAsync([], unread, RingsFor(level), cancellationToken);
        return nodeIds.SelectMany(id => around[id]).DistinctBy(r => r.Id).ToList();
    }

    /// <summary>
    /// What reading <paramref name="nodeIds"/> costs the search: nothing when every one has been read whole (no request),
    /// else <paramref name="cap"/>, a request of a size not known here; so the search takes a side read ahead when it can.
    /// </summary>
    public Task<int> ReadCostAsync(IReadOnlyCollection<string> nodeIds, int cap, CancellationToken cancellationToken) =>
        Task.FromResult(nodeIds.All(around.ContainsKey) ? 0 : cap);

    /// <summary>Two rings while the search has a level after <paramref name="at"/>, else the one it asks for.</summary>
    private int RingsFor(int at) => at < maxDepth ? 2 : 1;

    /// <returns>How many of <paramref name="ends"/> exist.</returns>
    private async Task<long> ReadAsync(List<string> ends, List<string> ids, int rings, CancellationToken cancellationToken)
    {
        var row = (await read(Statements.PathRings, new { ends, ids, rings, frontier = TraversalLimits.MaxPathFrontier }, cancellationToken)).Records.Single();
        var relations = Rows.Maps(row["relations"]).Select(Rows.Relation).ToList();
        var asked = ids.ToHashSet(StringComparer.Ordinal);
        var complete = new HashSet<string>(asked, StringComparer.Ordinal);
        // The second ring was read: every far end of a relation at an asked node has all its relations in the reply.
        if (row["farRead"] is true)
            foreach (var relation in relations)
            {
                if (asked.Contains(relation.FromId)) complete.Add(relation.ToId);
                if (asked.Contains(relation.ToId)) complete.Add(relation.FromId);
            }
        // A node already read whole keeps its list: the relations read again around it are already in it.
        complete.RemoveWhere(id => !around.TryAdd(id, []));
        foreach (var relation in relations)
        {
            if (complete.Contains(relation.FromId)) around[relation.FromId].Add(relation);
            if (relation.ToId != relation.FromId && complete.Contains(relation.ToId)) around[relation.ToId].Add(relation);
        }
        return row.Long("ends");
    }
}
