using ConflictGraph.Core.Rules;

namespace ConflictGraph.Core.Model;

/// <summary>
/// What statements claim and dispute: a relation or a fact. Its status follows from its claims by
/// the one status rule, whichever store read it.
/// </summary>
public abstract record Claimed(IReadOnlyList<Claim> Claims)
{
    /// <summary>The statements that claim it, in claim order.</summary>
    public IReadOnlyList<string> ClaimedBy => Claims.Where(c => !c.Disputes).Select(c => c.StatementId).ToList();

    /// <summary>The statements that dispute it, in claim order.</summary>
    public IReadOnlyList<string> DisputedBy => Claims.Where(c => c.Disputes).Select(c => c.StatementId).ToList();

    public ClaimStatus Status => ClaimStatusRule.Of(Claims);
}
