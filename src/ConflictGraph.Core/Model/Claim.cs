namespace ConflictGraph.Core.Model;

/// <summary>
/// One statement's position on a relation or a fact, qualified as the speaker put it: the
/// characterization is the speaker's own word or short phrase ('retaliation', 'defensive').
/// </summary>
public sealed record Claim(string StatementId, ClaimPosition Position = ClaimPosition.Claims, string? Characterization = null)
{
    public bool Disputes => Position == ClaimPosition.Disputes;

    /// <summary>Plain claims for <paramref name="claimedBy"/>, then plain disputes for <paramref name="disputedBy"/>.</summary>
    public static IReadOnlyList<Claim> Of(IEnumerable<string> claimedBy, IEnumerable<string> disputedBy) =>
        [.. claimedBy.Select(s => new Claim(s)), .. disputedBy.Select(s => new Claim(s, ClaimPosition.Disputes))];
}
