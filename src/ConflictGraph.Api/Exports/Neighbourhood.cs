using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Api.Exports;

/// <summary>
/// A node and everything within <c>depth</c> relations of it (any type, either direction): the nodes,
/// each with its distance from the root, and every relation followed to reach them. One store call per
/// step; the walk is refused, before anything is written, when it holds more nodes than allowed.
/// </summary>
public sealed record Neighbourhood(IReadOnlyDictionary<string, (Node Node, int Depth)> Nodes, IReadOnlyList<Relation> Relations)
{
    /// <exception cref="ExportRefusal">No node has the id (404), or the neighbourhood holds more than <paramref name="maxNodes"/> nodes (400).</exception>
    public static async Task<Neighbourhood> WalkAsync(IGraphStore store, string id, int depth, int maxNodes, CancellationToken cancellationToken)
    {
        var nodes = new Dictionary<string, (Node, int)>(StringComparer.Ordinal);
        var relations = new Dictionary<string, Relation>(StringComparer.Ordinal);
        var frontier = new List<string> { id };
        for (var step = 1; step <= depth && frontier.Count > 0; step++)
        {
            var found = await store.ExpandAsync(frontier.Select(n => new ExpandRequest(n, null, Direction.Both)).ToList(), step == 1 ? [id] : [], cancellationToken);
            if (step == 1)
            {
                var root = found.Nodes.FirstOrDefault(n => n.Id == id)
                           ?? throw new ExportRefusal(StatusCodes.Status404NotFound, Schema.ApiErrors.NotFound, $"id: no node '{id}'");
                nodes[id] = (root, 0);
            }
            foreach (var relation in found.Relations) relations.TryAdd(relation.Id, relation);
            var next = new List<string>();
            foreach (var node in found.Nodes.Where(n => !nodes.ContainsKey(n.Id)))
            {
                nodes[node.Id] = (node, step);
                next.Add(node.Id);
            }
            if (nodes.Count > maxNodes)
                throw ExportRefusal.BadInput(
                    $"the neighbourhood of '{id}' holds more than {maxNodes} nodes within {step} step{(step == 1 ? "" : "s")}; ask for a smaller depth (the most a graph export holds is {maxNodes} nodes)");
            frontier = next;
        }
        return new Neighbourhood(nodes, relations.Values.Where(r => nodes.ContainsKey(r.FromId) && nodes.ContainsKey(r.ToId)).OrderBy(r => r.Id, StringComparer.Ordinal).ToList());
    }
}
