namespace ConflictGraph.Benchmarks;

/// <summary>
/// Limits raised for the benchmark so that it measures speed, not the service's guards: a load
/// test from one address would otherwise trip rate or time limits meant for strangers.
/// </summary>
public static class ServiceLimits
{
    public static readonly IReadOnlyDictionary<string, string> Generous = new Dictionary<string, string>
    {
    };
}
