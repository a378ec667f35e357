using System.Text.Json;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Core.Import;

/// <summary>A store's whole graph (nodes, relations, facts) as seed-format input, which imports back to the same graph.</summary>
public static class GraphExporter
{
    public static async Task<GraphInput> ExportAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        var nodes = new List<Node>();
        await foreach (var node in store.ExportNodesAsync(cancellationToken)) nodes.Add(node);
        var relations = new List<Relation>();
        await foreach (var relation in store.ExportRelationsAsync(cancellationToken)) relations.Add(relation);
        var facts = new List<Fact>();
        await foreach (var fact in store.ExportFactsAsync(cancellationToken)) facts.Add(fact);
        return GraphInputMapper.FromGraph(nodes, relations, facts);
    }

    /// <summary>Writes the input as indented camelCase JSON, nulls left out.</summary>
    public static Task WriteAsync(GraphInput input, Stream stream, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(stream, input, GraphJson.Write, cancellationToken);

    /// <summary>How many nodes the input holds, over every node section.</summary>
    public static int Nodes(GraphInput input) =>
        (input.Persons?.Count ?? 0) + (input.Organizations?.Count ?? 0) + (input.Places?.Count ?? 0)
        + (input.Events?.Count ?? 0) + (input.Sources?.Count ?? 0) + (input.Statements?.Count ?? 0);

    public static string ToJson(GraphInput input) => JsonSerializer.Serialize(input, GraphJson.Write);
}
