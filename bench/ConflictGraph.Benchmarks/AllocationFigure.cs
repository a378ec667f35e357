using System.Text.Json;

namespace ConflictGraph.Benchmarks;

/// <summary>One reading of a service's <c>/floor/allocations</c>: the bytes it has allocated, and whether its GC heap count is fixed.</summary>
public sealed record AllocationReading(long Bytes, bool HeapCountFixed)
{
    /// <summary>Reads the endpoint's answer; a service that does not say its heap count is fixed is taken as one whose count may change.</summary>
    public static AllocationReading Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new AllocationReading(root.GetProperty("bytes").GetInt64(),
            root.TryGetProperty("heapCountFixed", out var fixedCount) && fixedCount.ValueKind == JsonValueKind.True);
    }
}

/// <summary>
/// Bytes allocated per request over a run, or why the run's figure cannot be trusted (then the report prints no number).
/// The runtime sums the allocated bytes of the GC heaps in use when asked: with a heap count that changes (server GC's
/// dynamic adaptation, on by default) a heap retired during the run takes its bytes out of the sum and a heap brought
/// back puts them in again, so a difference of two readings can be negative or several times too large.
/// </summary>
public sealed record AllocationFigure(double? BytesPerRequest, string? Untrusted)
{
    /// <summary>More than this a request is no plausible figure for any query the benchmark asks.</summary>
    public const double MostBytesPerRequest = 256.0 * 1024 * 1024;

    public static AllocationFigure From(AllocationReading before, AllocationReading after, long requests)
    {
        if (requests <= 0) return Distrusted("no request was served");
        if (!before.HeapCountFixed || !after.HeapCountFixed)
            return Distrusted("the service's GC could change its heap count (dynamic adaptation on), and the runtime's total then leaves out retired heaps");
        var bytes = after.Bytes - before.Bytes;
        if (bytes <= 0) return Distrusted($"the runtime's total did not grow ({bytes:N0} bytes over {requests:N0} requests)");
        var perRequest = (double)bytes / requests;
        return perRequest > MostBytesPerRequest
            ? Distrusted($"{perRequest:N0} bytes a request is beyond any plausible figure")
            : new AllocationFigure(perRequest, null);
    }

    private static AllocationFigure Distrusted(string reason) => new(null, reason);
}
