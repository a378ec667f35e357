using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Import;

/// <summary>A relation whose type and ends are present, to be checked against its ends' kinds.</summary>
internal sealed record PendingRelation(string Path, RelationType Type, string FromId, string ToId);

/// <summary>
/// Checks each relation's own fields and collects its ends and citing statements for resolution.
/// Duplicates of one (type, from, to) merge, so a statement may not claim it in one and dispute it in another.
/// </summary>
internal sealed class RelationChecks(ProblemList problems, FieldChecks fields)
{
    private static readonly NodeKind[] Statements = [NodeKind.Statement];
    private static readonly NodeKind[] AnyKind = Enum.GetValues<NodeKind>();

    // (type, from, to, statement) -> where the statement cites the relation
    private readonly Dictionary<(RelationType, string, string, string), PendingReference> _claims = [];
    private readonly Dictionary<(RelationType, string, string, string), PendingReference> _disputes = [];

    public List<PendingRelation> Relations { get; } = [];

    public List<PendingReference> References { get; } = [];

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
            if (type is not null) Relations.Add(new PendingRelation(path, parsed, r.FromId!, r.ToId!));
            Citations(r, type, r.ClaimedByIds, path, "claimedByIds", _claims, _disputes, "disputes");
            Citations(r, type, r.DisputedByIds, path, "disputedByIds", _disputes, _claims, "claims");
        }
    }

    private bool End(string? id, string path, string field)
    {
        if (!fields.Required(id, path, field)) return false;
        References.Add(new PendingReference(path, field, null, id!, AnyKind));
        return true;
    }

    private void Citations(
        RelationInput relation, RelationType? type, List<string>? ids, string path, string field,
        Dictionary<(RelationType, string, string, string), PendingReference> mine,
        Dictionary<(RelationType, string, string, string), PendingReference> opposite, string oppositeVerb)
    {
        for (var j = 0; j < (ids?.Count ?? 0); j++)
        {
            var statement = ids![j];
            if (string.IsNullOrWhiteSpace(statement))
            {
                problems.Add($"{path}.{field}[{j}]", "required");
                continue;
            }
            References.Add(new PendingReference(path, field, j, statement, Statements));
            if (type is not { } known) continue;
            var key = (known, relation.FromId!, relation.ToId!, statement);
            if (opposite.TryGetValue(key, out var other))
                problems.Add($"{path}.{field}[{j}]", $"'{statement}' also {oppositeVerb} this relation ({problems.Where(other.Path)})");
            mine.TryAdd(key, References[^1]);
        }
    }
}
