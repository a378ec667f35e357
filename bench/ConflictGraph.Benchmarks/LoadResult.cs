namespace ConflictGraph.Benchmarks;

/// <summary>One query's measurements at one graph size in one mode.</summary>
public sealed record LoadResult(
    string Query, int Events, BenchMode Mode, long Requests, long Failures, TimeSpan Elapsed,
    double P50Milliseconds, double P99Milliseconds, double? BytesPerRequest, double? StoreCallsPerRequest, string? Problem)
{
    public double RequestsPerSecond => Requests / Math.Max(Elapsed.TotalSeconds, 1e-9);

    /// <summary>A scenario beside the query (e.g. "a write every 5 s"), or null.</summary>
    public string? Scenario { get; init; }
}
