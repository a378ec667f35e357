using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Rules;

/// <summary>A relation's status follows from how many statements claim and dispute it.</summary>
public static class ClaimStatusRule
{
    public static ClaimStatus Of(int claims, int disputes) => (claims, disputes) switch
    {
        (0, 0) => ClaimStatus.Unsourced,
        (_, 0) => ClaimStatus.Uncontested,
        (0, _) => ClaimStatus.Denied,
        _ => ClaimStatus.Disputed,
    };
}
