using ConflictGraph.Core.Import.Sources;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Import;

/// <summary>A relation whose type and ends are present, to be checked against its ends' kinds.</summary>
internal sealed record PendingRelation(string Path, RelationType Type, string FromId, string ToId);

/// <summary>
/// Checks one relation's own fields and collects its ends and citing statements for resolution.
/// Duplicates of one (type, from, to) merge, so a statement may not claim it in one and dispute it in another.
/// </summary>
internal sealed class RelationChecks(ProblemList problems, FieldChecks fields, ClaimChecks claims, List<PendingReference> references)
{
    private static readonly NodeKind[] AnyKind = Enum.GetValues<NodeKind>();

    /// <returns>The relation to check against its ends' kinds, when its type and ends are present.</returns>
    public PendingRelation? Check(RelationInput? r, ItemPlace place, string path)
    {
        if (r is null)
        {
            problems.Add(path, "must be an object, not null");
            return null;
        }
        fields.Enum<RelationType>(r.Type, path, "type", required: true);
        var hasFrom = End(r.FromId, path, "fromId");
        var hasTo = End(r.ToId, path, "toId");
        RelationType? type = EnumNames.TryParse<RelationType>(r.Type, out var parsed) && hasFrom && hasTo ? parsed : null;
        if (hasFrom && hasTo && r.FromId == r.ToId)
            problems.Add(path, "toId", $"joins '{r.FromId}' to itself; a relation needs two different nodes");
        var target = type is null ? null : $"relation\u001f{r.Type}\u001f{r.FromId}\u001f{r.ToId}";
        claims.IdList(r.ClaimedByIds, place, path, "claimedByIds", ClaimPosition.Claims, target, "relation");
        claims.IdList(r.DisputedByIds, place, path, "disputedByIds", ClaimPosition.Disputes, target, "relation");
        claims.Claims(r.Claims, place, path, target, "relation");
        return type is null ? null : new PendingRelation(path, parsed, r.FromId!, r.ToId!);
    }

    private bool End(string? id, string path, string field)
    {
        if (!fields.Required(id, path, field)) return false;
        references.Add(new PendingReference(path, field, null, id!, AnyKind));
        return true;
    }
}
