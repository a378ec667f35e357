using ConflictGraph.Core.Import;
using ConflictGraph.Core.Import.Sources;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Store;

/// <summary>
/// A validated batch too large to hold at once, read again from its source in chunks: every node
/// first, then the relations and facts, each chunk a <see cref="GraphBatch"/> of at most
/// <see cref="ChunkSize"/> items. A store writes all chunks in one transaction, so the batch stays
/// all or nothing while memory holds one chunk.
/// </summary>
public sealed class GraphChunks(IGraphSource source, ValidationResult validation)
{
    /// <summary>Items per chunk: a few megabytes of parsed items, and progress reported often enough.</summary>
    public int ChunkSize { get; init; } = 10_000;

    public long Nodes => validation.Nodes;

    public long Relations => validation.Relations;

    public long Facts => validation.Facts;

    public long Items => validation.Items;

    /// <summary>
    /// Whether the result lists every node and relation changed (<see cref="ImportResult.NodeChanges"/>),
    /// as a service needs to tell its caches and subscribers. A writer nobody listens to (the CLI) turns
    /// it off, so the lists do not grow with the batch; the counts are kept either way.
    /// </summary>
    public bool ListsChanges { get; init; } = true;

    /// <summary>Whether the batch holds a node with this id (a reference to it needs no look-up in the store).</summary>
    public bool Holds(string nodeId) => validation.NodeIds.Contains(nodeId);

    /// <summary>Where the batch gives a node, as the user knows it (e.g. <c>seed/people.json: persons[2].id</c>); null when it does not.</summary>
    public string? PathOf(string nodeId) => validation.NodeIds.PlaceOf(nodeId) is { } place ? source.Where(place, ".id") : null;

    public async IAsyncEnumerable<GraphBatch> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var nodes = new List<Node>(ChunkSize);
        await foreach (var (_, value) in source.ReadAsync(SectionGroup.Nodes, cancellationToken))
        {
            nodes.Add(GraphInputMapper.ToNode(value!));
            if (nodes.Count < ChunkSize) continue;
            yield return new GraphBatch(nodes, []);
            nodes = new List<Node>(ChunkSize);
        }
        if (nodes.Count > 0) yield return new GraphBatch(nodes, []);
        var relations = new List<Relation>();
        var facts = new List<Fact>();
        await foreach (var (place, value) in source.ReadAsync(SectionGroup.Links, cancellationToken))
        {
            if (place.Section == GraphSection.Relations) relations.Add(GraphInputMapper.ToRelation((RelationInput)value!));
            else facts.Add(GraphInputMapper.ToFact((FactInput)value!));
            if (relations.Count + facts.Count < ChunkSize) continue;
            yield return new GraphBatch([], relations) { Facts = facts };
            (relations, facts) = ([], []);
        }
        if (relations.Count + facts.Count > 0) yield return new GraphBatch([], relations) { Facts = facts };
    }

    /// <summary>Every chunk in one batch: for a store that cannot write chunks in one transaction (memory then grows with the batch).</summary>
    public async Task<GraphBatch> ToBatchAsync(CancellationToken cancellationToken)
    {
        var (nodes, relations, facts) = (new List<Node>(), new List<Relation>(), new List<Fact>());
        await foreach (var chunk in ReadAsync(cancellationToken))
        {
            nodes.AddRange(chunk.Nodes);
            relations.AddRange(chunk.Relations);
            facts.AddRange(chunk.Facts);
        }
        return new GraphBatch(nodes, relations) { Facts = facts };
    }
}
