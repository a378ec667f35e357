using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j.Cypher;

namespace ConflictGraph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <summary>
    /// The core's search (<see cref="ShortestPaths"/>) over relations read two levels a request
    /// (<see cref="PathNeighbourhood"/>), the first request checking both ends too: at the default depth of 4, at most
    /// two requests where a check and a request a level took up to five.
    /// </summary>
    public async Task<IReadOnlyList<GraphPath>> FindPathsAsync(string fromId, string toId, int maxDepth, int limit, CancellationToken cancellationToken)
    {
        var neighbourhood = new PathNeighbourhood(ReadAsync, maxDepth);
        if (!await neighbourhood.StartAsync(fromId, toId, limit, cancellationToken)) return [];
        return await ShortestPaths.FindAsync(new ShortestPaths.Reads(neighbourhood.RelationsOfAsync, ReadCost: neighbourhood.ReadCostAsync),
            fromId, toId, maxDepth, limit, cancellationToken);
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
        IReadOnlyCollection<string> eventIds, ChainDirection direction, int maxDepth, RowCap cap, CancellationToken cancellationToken)
    {
        TraversalLimits.CheckEscalationDepth(maxDepth);
        var links = eventIds.Distinct().ToDictionary(id => id, _ => new List<Relation>());
        if (links.Count > 0)
        {
            var parameters = new Dictionary<string, object?>
            {
                ["ids"] = links.Keys.ToList(), ["depth"] = maxDepth,
                ["backward"] = direction != ChainDirection.Forward, ["forward"] = direction != ChainDirection.Backward,
                [Statements.CapParameter] = Statements.CapValue(cap),
            };
            var result = await ReadAsync(Statements.Escalation, parameters, cancellationToken);
            // The statement returns one link past the cap at most ($cap): that one says the chains are longer than it.
            cap.Check(result.Rows.Count);
            foreach (var row in result.Records) links[row.String("root")].Add(Rows.Relation(row));
        }
        return links.ToDictionary(l => l.Key, l => Rows.Relations(l.Value));
    }
}
