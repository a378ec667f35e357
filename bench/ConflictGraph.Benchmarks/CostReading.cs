using System.Text.Json;

namespace ConflictGraph.Benchmarks;

/// <summary>The reads one answer's <c>extensions.cost</c> reports (ConflictGraph__Diagnostics__Cost).</summary>
public static class CostReading
{
    /// <summary>
    /// Store calls plus cache hits plus shared calls: the reads the request asked, wherever they were answered (with the
    /// read cache on, a read another variant made first is answered from memory, or with another request's call). Null when
    /// the answer carries no cost report.
    /// </summary>
    public static double? Reads(JsonElement answer) =>
        answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("extensions", out var extensions)
        && extensions.ValueKind == JsonValueKind.Object && extensions.TryGetProperty("cost", out var cost)
        && cost.ValueKind == JsonValueKind.Object && cost.TryGetProperty("storeCalls", out var storeCalls)
            ? storeCalls.GetDouble() + Count(cost, "cacheHits") + Count(cost, "sharedCalls")
            : null;

    /// <summary>A count of the cost report, 0 where a service older than the field leaves it out.</summary>
    private static double Count(JsonElement cost, string name) => cost.TryGetProperty(name, out var value) ? value.GetDouble() : 0;
}
