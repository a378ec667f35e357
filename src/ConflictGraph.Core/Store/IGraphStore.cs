using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Rules;

namespace ConflictGraph.Core.Store;

/// <summary>
/// The graph's storage, small and batched: each read takes many keys at once, so a caller
/// makes one call per field per level, however many results the level holds.
/// Every implementation runs the one conformance suite.
/// </summary>
public interface IGraphStore
{
    /// <summary>The nodes that exist among <paramref name="ids"/>, in no particular order.</summary>
    Task<IReadOnlyList<Node>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Relations touching any of <paramref name="nodeIds"/> in the given direction (relative to those nodes).</summary>
    Task<IReadOnlyList<Relation>> GetRelationsAsync(
        IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<RelationType>? types, Direction direction,
        CancellationToken cancellationToken);

    /// <summary>
    /// One round trip for a level of a query: the relations every request asks for, the nodes at
    /// their far ends, and the nodes in <paramref name="nodeIds"/>.
    /// </summary>
    Task<Neighborhood> ExpandAsync(
        IReadOnlyCollection<ExpandRequest> requests, IReadOnlyCollection<string> nodeIds, CancellationToken cancellationToken);

    /// <summary>Relations claimed or disputed by any of <paramref name="statementIds"/>.</summary>
    Task<IReadOnlyList<Relation>> GetRelationsCitedByAsync(IReadOnlyCollection<string> statementIds, CancellationToken cancellationToken);

    /// <summary>Casualty reports about any of <paramref name="eventIds"/>, with the statements carrying them.</summary>
    Task<IReadOnlyList<ReportedCasualties>> GetCasualtyReportsAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken);

    /// <summary>One page per query, in the order given (a batch of nested connections is one call).</summary>
    Task<IReadOnlyList<Page<Node>>> FindNodesAsync(
        IReadOnlyList<(NodeQuery Query, PageRequest Page)> queries, CancellationToken cancellationToken);

    Task<Page<Relation>> FindRelationsAsync(RelationQuery query, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Best matches first; folds case, diacritics and punctuation; covers aliases.</summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(
        string text, IReadOnlyCollection<NodeKind>? kinds, int limit, CancellationToken cancellationToken);

    /// <summary>Shortest paths first, ignoring direction, each at most <paramref name="maxDepth"/> relations long.</summary>
    Task<IReadOnlyList<GraphPath>> FindPathsAsync(
        string fromId, string toId, int maxDepth, int limit, CancellationToken cancellationToken);

    /// <summary>For each place, every place inside it, transitively (not itself).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetPlacesWithinAsync(
        IReadOnlyCollection<string> placeIds, CancellationToken cancellationToken);

    /// <summary>
    /// For each event, the RETALIATION_FOR and RESPONSE_TO relations reachable from it within
    /// <paramref name="maxDepth"/> steps: backward follows outgoing edges, forward incoming ones.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<Relation>>> GetEscalationAsync(
        IReadOnlyCollection<string> eventIds, ChainDirection direction, int maxDepth, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the batch in one transaction: all or nothing. Nodes are upserted by id; relations are
    /// keyed by (type, from, to) and their claims merged. Throws <see cref="MissingReferenceException"/>
    /// when something points at a node in neither the batch nor the store.
    /// </summary>
    Task<ImportResult> ImportAsync(GraphBatch batch, IProgress<int>? progress, CancellationToken cancellationToken);

    /// <summary>Removes the node, its relations, its claims and every reference to it; false when absent.</summary>
    Task<bool> DeleteNodeAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every node and relation, for export.</summary>
    IAsyncEnumerable<Node> ExportNodesAsync(CancellationToken cancellationToken);

    IAsyncEnumerable<Relation> ExportRelationsAsync(CancellationToken cancellationToken);

    Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken);

    /// <summary>A number that changes with every committed write; caches key on it.</summary>
    Task<long> GetDataVersionAsync(CancellationToken cancellationToken);
}
