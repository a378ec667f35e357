using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;

namespace ConflictGraph.Core.Store;

/// <summary>
/// The relations of one node to follow: of these types (all when null), in this direction from it.
/// <see cref="EndsOnly"/> says the caller only goes on to the nodes at the far ends, so a store may
/// leave the relations' claim lists empty. <see cref="Listed"/> false says the relations are no list's items (a field
/// that shows one node at their far end, a rule that reads them): they do not count toward the level's <see cref="RowCap"/>.
/// </summary>
public sealed record ExpandRequest(string NodeId, IReadOnlyList<RelationType>? Types, Direction Direction, bool EndsOnly = false, bool Listed = true)
{
    public bool Matches(Relation relation) =>
        (Types is null || Types.Contains(relation.Type)) && Direction switch
        {
            Direction.Outgoing => relation.FromId == NodeId,
            Direction.Incoming => relation.ToId == NodeId,
            _ => relation.FromId == NodeId || relation.ToId == NodeId,
        };

    public bool Equals(ExpandRequest? other) =>
        other is not null && NodeId == other.NodeId && Direction == other.Direction && EndsOnly == other.EndsOnly && Listed == other.Listed &&
        (Types is null ? other.Types is null : other.Types is not null && Types.SequenceEqual(other.Types));

    public override int GetHashCode() => HashCode.Combine(NodeId, Direction, EndsOnly, Listed, Types?.Count);
}

/// <summary>
/// What one expansion found: the relations asked for, and the nodes at their far ends plus any asked for by id;
/// and the pages asked for with them (<see cref="IGraphStore.ExpandAsync(IReadOnlyCollection{ExpandRequest}, IReadOnlyCollection{string}, IReadOnlyList{ValueTuple{NodeQuery, PageRequest}}, CancellationToken)"/>),
/// one per query in the order given.
/// </summary>
public sealed record Neighborhood(IReadOnlyList<Relation> Relations, IReadOnlyList<Node> Nodes)
{
    public static readonly Neighborhood Empty = new([], []);

    public IReadOnlyList<Page<Node>> Pages { get; init; } = [];
}
