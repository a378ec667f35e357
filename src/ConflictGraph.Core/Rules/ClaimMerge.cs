using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Rules;

/// <summary>
/// How claims combine, for relations and facts alike, within a batch and across imports: one claim
/// per statement. A statement's earlier position is kept unless a later one says the opposite; a
/// characterization qualifies its position, so it is replaced by a new one, kept when the same
/// position comes again without one, and dropped when the position flips without one.
/// </summary>
public static class ClaimMerge
{
    /// <param name="claims">The stored claims by statement id; updated in place.</param>
    /// <returns>True when <paramref name="incoming"/> added or changed a claim.</returns>
    public static bool Merge(IDictionary<string, Claim> claims, IEnumerable<Claim> incoming)
    {
        var changed = false;
        foreach (var claim in incoming)
        {
            var merged = claims.TryGetValue(claim.StatementId, out var stored) ? Combine(stored, claim) : claim;
            if (merged == stored) continue;
            claims[claim.StatementId] = merged;
            changed = true;
        }
        return changed;
    }

    /// <summary>The claim a statement holds after <paramref name="stored"/> meets <paramref name="incoming"/>.</summary>
    public static Claim Combine(Claim stored, Claim incoming) =>
        stored.Position == incoming.Position && incoming.Characterization is null ? stored : incoming;

    /// <summary>The merged claims in a stable order: by statement id.</summary>
    public static IReadOnlyList<Claim> Ordered(IEnumerable<Claim> claims) =>
        claims.OrderBy(c => c.StatementId, StringComparer.Ordinal).ToList();

    /// <summary>
    /// For stores that keep a relation's claims as two id lists without characterizations
    /// (statement id to whether it disputes): the same rule, applied to positions only.
    /// </summary>
    public static bool Merge(IDictionary<string, bool> claims, Relation incoming)
    {
        var asClaims = claims.ToDictionary(c => c.Key, c => new Claim(c.Key, c.Value ? ClaimPosition.Disputes : ClaimPosition.Claims), StringComparer.Ordinal);
        if (!Merge(asClaims, incoming.Claims.Select(c => c with { Characterization = null }))) return false;
        foreach (var (statement, claim) in asClaims) claims[statement] = claim.Disputes;
        return true;
    }

    /// <summary>The status the merged claims give, by the one claim-status rule.</summary>
    public static ClaimStatus Status(IDictionary<string, bool> claims) =>
        ClaimStatusRule.Of(claims.Values.Count(d => !d), claims.Values.Count(d => d));

    public static ClaimStatus Status(IEnumerable<Claim> claims) => ClaimStatusRule.Of(claims);
}
