using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Import;

/// <summary>A relation whose type and ends are present, to be checked against its ends' kinds.</summary>
internal sealed record PendingRelation(string Path, RelationType Type, string FromId, string ToId);

/// <summary>
/// Checks each relation's own fields and collects its ends and citing statements for resolution.
/// Duplicates of one (type, from, to) merge, so a statement may not claim it in one and dispute it in another.
/// </summary>
internal sealed class RelationChecks(ProblemList problems, FieldChecks fields, ClaimChecks claims, List<PendingReference> references)
{
    private static readonly NodeKind[] AnyKind = Enum.GetValues<NodeKind>();

    public List<PendingRelation> Relations { get; } = [];

    public void Check(List<RelationInput>? relations)
    {
        for (var i = 0; i < (relations?.Count ?? 0); i++)
        {
            var path = $"relations[{i}]";
            if (relations![i] is not { } r)
            {
                problems.Add(path, "must be an object, not null");
                continue;
            }
            fields.Enum<RelationType>(r.Type, path, "type", required: true);
            var hasFrom = End(r.FromId, path, "fromId");
            var hasTo = End(r.ToId, path, "toId");
            RelationType? type = EnumNames.TryParse<RelationType>(r.Type, out var parsed) && hasFrom && hasTo ? parsed : null;
            if (hasFrom && hasTo && r.FromId == r.ToId)
                problems.Add(path, "toId", $"joins '{r.FromId}' to itself; a relation needs two different nodes");
            if (type is not null) Relations.Add(new PendingRelation(path, parsed, r.FromId!, r.ToId!));
            var target = type is null ? null : $"relation\u001f{r.Type}\u001f{r.FromId}\u001f{r.ToId}";
            claims.IdList(r.ClaimedByIds, path, "claimedByIds", ClaimPosition.Claims, target, "relation");
            claims.IdList(r.DisputedByIds, path, "disputedByIds", ClaimPosition.Disputes, target, "relation");
            claims.Claims(r.Claims, path, target, "relation");
        }
    }

    private bool End(string? id, string path, string field)
    {
        if (!fields.Required(id, path, field)) return false;
        references.Add(new PendingReference(path, field, null, id!, AnyKind));
        return true;
    }
}
