using ConflictGraph.Api.Live;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Api.Import;

/// <summary>
/// Everything one <c>deleteNode</c> changed: the node and its relations are deleted; relations
/// its statement claimed or disputed are updated (their status follows from the claims left);
/// nodes that named it are updated (the reference is gone).
/// </summary>
public static class DeletionChanges
{
    public static GraphChanges Of(Node deleted, IReadOnlyList<Relation> touching, IReadOnlyList<Relation> cited, IReadOnlyList<Node> referencing)
    {
        var gone = touching.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        return new GraphChanges(
            [new NodeChange(deleted.Id, deleted.Kind, ChangeKind.Deleted), .. referencing.Select(n => new NodeChange(n.Id, n.Kind, ChangeKind.Updated))],
            [
                .. touching.Select(r => new RelationChange(r.Id, r.Type, r.FromId, r.ToId, ChangeKind.Deleted)),
                .. cited.Where(r => !gone.Contains(r.Id)).DistinctBy(r => r.Id).Select(r => new RelationChange(r.Id, r.Type, r.FromId, r.ToId, ChangeKind.Updated)),
            ]);
    }
}
