using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Rules;

/// <summary>
/// How a relation's claims combine across imports: a statement's earlier claim or dispute is kept
/// unless the new batch says the opposite, and new statements are added.
/// </summary>
public static class ClaimMerge
{
    /// <param name="claims">The stored claims, statement id to whether it disputes; updated in place.</param>
    /// <returns>True when <paramref name="incoming"/> added or flipped a claim.</returns>
    public static bool Merge(IDictionary<string, bool> claims, Relation incoming)
    {
        var changed = false;
        foreach (var (statement, disputes) in incoming.ClaimedBy.Select(s => (s, false)).Concat(incoming.DisputedBy.Select(s => (s, true))))
        {
            if (claims.TryGetValue(statement, out var was) && was == disputes) continue;
            claims[statement] = disputes;
            changed = true;
        }
        return changed;
    }

    /// <summary>The status the merged claims give, by the one claim-status rule.</summary>
    public static ClaimStatus Status(IDictionary<string, bool> claims) =>
        ClaimStatusRule.Of(claims.Values.Count(d => !d), claims.Values.Count(d => d));
}
