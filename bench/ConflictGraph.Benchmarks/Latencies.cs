using System.Diagnostics;

namespace ConflictGraph.Benchmarks;

/// <summary>Percentiles of latencies recorded as <see cref="Stopwatch"/> ticks.</summary>
public static class Latencies
{
    /// <summary>The <paramref name="p"/> percentile (0..1) in milliseconds of <paramref name="sorted"/> (ascending), 0 when empty.</summary>
    public static double Percentile(IReadOnlyList<long> sorted, double p) => sorted.Count == 0 ? 0
        : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))] * 1000.0 / Stopwatch.Frequency;
}
