namespace ConflictGraph.Benchmarks;

/// <summary>One query's measurements at one graph size.</summary>
public sealed record LoadResult(
    string Query, int Events, long Requests, long Failures, TimeSpan Elapsed,
    double P50Milliseconds, double P99Milliseconds, double? BytesPerRequest, double? StoreCallsPerRequest, string? Problem)
{
    public double RequestsPerSecond => Requests / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
