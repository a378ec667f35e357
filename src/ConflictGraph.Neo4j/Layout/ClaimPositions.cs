namespace ConflictGraph.Neo4j.Layout;

/// <summary>How a claim node records its statement's position (the contract's ClaimPosition names).</summary>
public static class ClaimPositions
{
    public const string Claims = "CLAIMS";
    public const string Disputes = "DISPUTES";

    public static string Of(bool disputes) => disputes ? Disputes : Claims;

    public static bool IsDispute(string position) => position switch
    {
        Claims => false,
        Disputes => true,
        _ => throw new FormatException($"'{position}' is not a claim position ({Claims} or {Disputes})"),
    };
}
