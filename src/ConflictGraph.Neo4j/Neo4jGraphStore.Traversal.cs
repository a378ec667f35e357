using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Neo4j.Cypher;

namespace ConflictGraph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    public async Task<IReadOnlyList<GraphPath>> FindPathsAsync(string fromId, string toId, int maxDepth, int limit, CancellationToken cancellationToken)
    {
        if ((await GetNodesAsync([fromId, toId], cancellationToken)).Count < (fromId == toId ? 1 : 2)) return [];
        return await ShortestPaths.FindAsync((ids, ct) => GetRelationsAsync(ids, null, Direction.Both, ct), fromId, toId, maxDepth, limit, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetPlacesWithinAsync(IReadOnlyCollection<string> placeIds, CancellationToken cancellationToken)
    {
        var within = placeIds.Distinct().ToDictionary(id => id, _ => (IReadOnlyList<string>)[]);
        if (within.Count == 0) return within;
        foreach (var row in (await ReadAsync(Statements.PlacesWithin, new { ids = within.Keys.ToList() }, cancellationToken)).Records)
            within[row.String("root")] = row.Strings("inside").Order(StringComparer.Ordinal).ToList();
        return within;
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Relation>>> GetEscalationAsync(
        IReadOnlyCollection<string> eventIds, ChainDirection direction, int maxDepth, CancellationToken cancellationToken)
    {
        TraversalLimits.CheckEscalationDepth(maxDepth);
        var links = eventIds.Distinct().ToDictionary(id => id, _ => new List<Relation>());
        if (links.Count > 0)
        {
            var parameters = new
            {
                ids = links.Keys.ToList(), depth = maxDepth,
                backward = direction != ChainDirection.Forward, forward = direction != ChainDirection.Backward,
            };
            foreach (var row in (await ReadAsync(Statements.Escalation, parameters, cancellationToken)).Records)
                links[row.String("root")].Add(Rows.Relation(row));
        }
        return links.ToDictionary(l => l.Key, l => Rows.Relations(l.Value));
    }
}
