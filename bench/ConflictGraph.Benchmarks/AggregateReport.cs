using System.Globalization;
using System.Text;

namespace ConflictGraph.Benchmarks;

/// <summary>The aggregates' and exports' tables and issue 13's targets.</summary>
public static class AggregateReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Append(StringBuilder text, BenchOptions options, IReadOnlyList<AggregateResult> aggregates)
    {
        if (aggregates.Count == 0) return;
        text.AppendLine("Aggregates: the store's AggregateEventsAsync called in the benchmark's process (no HTTP, no cache), each beside a hand-written " +
                        "GROUP BY over the graph's own tables (nodes, relations) that counts the same groups without the measures, in the same process on the same file; " +
                        $"at most {options.AggregateRuns} timed calls each, within {options.Duration.TotalSeconds:F0} s, after one warm-up call per variant.");
        text.AppendLine();
        text.AppendLine("| Aggregate | Events | calls | p50 ms | p90 ms | hand-written GROUP BY p50 ms | ratio | groups |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var a in aggregates)
            text.AppendLine(string.Create(Invariant,
                $"| {a.Name} | {a.Events:N0} | {a.Runs} | {a.P50Milliseconds:F1} | {a.P90Milliseconds:F1} | {a.BaselineP50Milliseconds:F1} | {a.Ratio:F1}x | {a.Groups} |"));
        text.AppendLine();
    }

    public static void AppendExports(StringBuilder text, IReadOnlyList<ExportResult> exports)
    {
        if (exports.Count == 0) return;
        text.AppendLine("Exports: each unfiltered export read once over HTTP from the service (read cache off) as it streams, counting rows without keeping them; " +
                        "the service's CPU time (user + system) while streaming and the rows per CPU second (steadier than rows/s when the cores are shared); " +
                        "the service's resident memory (VmRSS) just before, its peak sampled every 20 ms while streaming, and the kernel's high-water mark (VmHWM) after.");
        text.AppendLine();
        text.AppendLine("| Export | Events | rows | MB | seconds | rows/s | service CPU s | rows per CPU s | RSS before MB | RSS peak MB | VmHWM after MB |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var e in exports)
            text.AppendLine(string.Create(Invariant,
                $"| {e.Name} | {e.Events:N0} | {e.Rows:N0} | {e.Bytes / 1e6:F1} | {e.Seconds:F1} | {e.RowsPerSecond:N0} | {e.ServiceCpuSeconds:F1} | {e.RowsPerCpuSecond:N0} | {e.RssBeforeBytes / 1e6:F0} | {e.RssPeakBytes / 1e6:F0} | {e.HighWaterAfterBytes / 1e6:F0} |"));
        text.AppendLine();
    }

    /// <summary>At least 100k rows/s, checked at the largest size run (1M events in the issue).</summary>
    public static IEnumerable<string> Targets(IReadOnlyList<ExportResult> exports)
    {
        if (exports.Count == 0) yield break;
        var largest = exports.Max(e => e.Events);
        foreach (var e in exports.Where(e => e.Events == largest))
            yield return $"- {(e.RowsPerSecond >= 100_000 ? "met" : "MISSED")}: {e.Name} at {largest:N0} events: " +
                         $"{e.RowsPerSecond.ToString("N0", Invariant)} rows/s (target >= 100,000; {e.RowsPerCpuSecond.ToString("N0", Invariant)} rows per service CPU second), RSS peak {(e.RssPeakBytes / 1e6).ToString("F0", Invariant)} MB " +
                         $"from {(e.RssBeforeBytes / 1e6).ToString("F0", Invariant)} MB before";
    }

    /// <summary>p50 at most 50 ms filtered and 300 ms unfiltered, checked at the largest size run (1M events in the issue).</summary>
    public static IEnumerable<string> Targets(IReadOnlyList<AggregateResult> aggregates)
    {
        if (aggregates.Count == 0) yield break;
        var largest = aggregates.Max(a => a.Events);
        foreach (var a in aggregates.Where(a => a.Events == largest))
        {
            var target = a.Name == AggregateBench.CountryMonths ? 50 : 300;
            yield return $"- {(a.P50Milliseconds <= target ? "met" : "MISSED")}: {a.Name} at {largest:N0} events: p50 " +
                         $"{a.P50Milliseconds.ToString("F1", Invariant)} ms (target <= {target} ms; {a.Ratio.ToString("F1", Invariant)}x the hand-written GROUP BY)";
        }
    }
}
