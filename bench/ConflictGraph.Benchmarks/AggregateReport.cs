using System.Globalization;
using System.Text;

namespace ConflictGraph.Benchmarks;

/// <summary>The aggregates' table and issue 13's targets.</summary>
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
