namespace ConflictGraph.Tests;

/// <summary>Ids of the seed graph that the question tests name more than once; linked into each test project that asks them.</summary>
internal static class SeedIds
{
    public const string Report = "source:ap-2021-06-28-us-strikes-iraq-syria";
    public const string JuneStrikes = "event:2021-06-27-us-airstrikes";
    public const string FirstStrike = "event:2021-06-27-first-strike-syria";
    public const string SecondStrike = "event:2021-06-27-second-strike-border-strip";
    public const string DroneAttacks = "event:2021-04-drone-attacks-iraq";
    public const string Rockets = "event:2021-06-28-rocket-attack-us-forces-syria";
    public const string Artillery = "event:2021-06-28-us-artillery-fire";
    public const string FebruaryStrikes = "event:2021-02-us-airstrikes-syria";
    public const string FebruaryRockets = "event:2021-02-rocket-attack-iraq";
    public const string PmfStatement = "statement:2021-06-27-pmf-missions-no-weapons";
    public const string KirbyDefensive = "statement:2021-06-27-john-kirby-defensive-response";

    /// <summary>Every site the strikes of 2021-06-27 hit, by any account.</summary>
    public static readonly string[] StruckSites =
    [
        "place:struck-facility-syria-a", "place:struck-facility-syria-b", "place:struck-facility-iraq",
        "place:first-strike-facility-syria", "place:iraq-syria-border-strip",
    ];
}
