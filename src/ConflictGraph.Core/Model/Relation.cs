using ConflictGraph.Core.Rules;

namespace ConflictGraph.Core.Model;

/// <summary>
/// A typed edge, identified by (type, from, to), with the statements that claim and dispute it.
/// </summary>
public sealed record Relation(
    RelationType Type, string FromId, string ToId,
    IReadOnlyList<string> ClaimedBy, IReadOnlyList<string> DisputedBy)
{
    public string Id => RelationKey.Format(Type, FromId, ToId);

    public ClaimStatus Status => ClaimStatusRule.Of(ClaimedBy.Count, DisputedBy.Count);

    public string OtherEnd(string nodeId) => FromId == nodeId ? ToId : FromId;
}
