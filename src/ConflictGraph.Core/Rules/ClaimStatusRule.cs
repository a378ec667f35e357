using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Rules;

/// <summary>A relation's or a fact's status follows from how many statements claim and dispute it.</summary>
public static class ClaimStatusRule
{
    /// <summary>The statuses that make a relation or fact contested: an event with one among its relations or facts counts as disputed.</summary>
    public static IReadOnlyList<ClaimStatus> Contested { get; } = [ClaimStatus.Disputed, ClaimStatus.Denied];

    public static ClaimStatus Of(int claims, int disputes) => (claims, disputes) switch
    {
        (0, 0) => ClaimStatus.Unsourced,
        (_, 0) => ClaimStatus.Uncontested,
        (0, _) => ClaimStatus.Denied,
        _ => ClaimStatus.Disputed,
    };

    public static ClaimStatus Of(IEnumerable<Claim> claims)
    {
        int claiming = 0, disputing = 0;
        foreach (var claim in claims)
            if (claim.Disputes) disputing++;
            else claiming++;
        return Of(claiming, disputing);
    }
}
