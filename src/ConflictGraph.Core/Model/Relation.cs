using ConflictGraph.Core.Rules;

namespace ConflictGraph.Core.Model;

/// <summary>
/// A typed edge, identified by (type, from, to), with the statements that claim and dispute it.
/// </summary>
public sealed record Relation(RelationType Type, string FromId, string ToId, IReadOnlyList<Claim> Claims) : Claimed(Claims)
{
    /// <summary>A relation whose claims carry no characterization: plain claims, then plain disputes.</summary>
    public Relation(RelationType type, string fromId, string toId, IReadOnlyList<string> claimedBy, IReadOnlyList<string> disputedBy)
        : this(type, fromId, toId, Claim.Of(claimedBy, disputedBy))
    {
    }

    public string Id => RelationKey.Format(Type, FromId, ToId);

    public string OtherEnd(string nodeId) => FromId == nodeId ? ToId : FromId;
}
