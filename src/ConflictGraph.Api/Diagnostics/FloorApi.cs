using System.Runtime;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Api.Diagnostics;

/// <summary>
/// The benchmark's floor: the same node read from the same store as <c>node(id:)</c>, serialized
/// as plain JSON with no GraphQL in between, so GraphQL's overhead can be read as a ratio.
/// </summary>
internal static class FloorApi
{
    public static void MapFloor(this IEndpointRouteBuilder routes)
    {
        var floor = routes.MapGroup("/floor").ExcludeFromDescription();
        floor.MapGet("/nodes/{id}", GetNodeAsync);
        floor.MapGet("/allocations", () => Results.Json(new AllocatedBytes(GC.GetTotalAllocatedBytes(precise: true), HeapCountFixed())));
        floor.MapGet("/collections", () => Results.Json(new Collections(
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration().TotalMilliseconds,
            GC.GetGCMemoryInfo(GCKind.Any).GenerationInfo[2].SizeAfterBytes)));
    }

    private static async Task<IResult> GetNodeAsync(string id, IGraphStore store, CancellationToken cancellationToken)
    {
        var nodes = await store.GetNodesAsync([id], cancellationToken);
        // Typed as object so the node serializes as its runtime kind (Event, Person, ...).
        return nodes.Count == 0 ? Results.NotFound() : Results.Json<object>(nodes[0]);
    }

    /// <summary>
    /// Whether the GC keeps one heap count for the process's life: workstation GC, or server GC with dynamic adaptation
    /// (DATAS, on by default) off. The runtime's allocated-bytes total sums only the heaps in use at the moment, so while
    /// DATAS retires and brings back heaps the total drops and jumps, and a difference of two readings is no measure.
    /// </summary>
    private static bool HeapCountFixed() =>
        !GCSettings.IsServerGC
        || GC.GetConfigurationVariables().TryGetValue("GCDynamicAdaptationMode", out var mode) && Convert.ToInt64(mode, System.Globalization.CultureInfo.InvariantCulture) == 0;

    /// <summary>
    /// Bytes this process has allocated since it started; a benchmark reads it before and after a run, and trusts the
    /// difference only when <paramref name="HeapCountFixed"/> held for both readings.
    /// </summary>
    private sealed record AllocatedBytes(long Bytes, bool HeapCountFixed);

    /// <summary>
    /// The collections the GC has run since the process started, by generation (a gen1 collection counts in gen0's figure
    /// too, as the runtime counts them), the time it has paused the process for, and gen2's size after the last collection:
    /// a benchmark reads it before and after a run to say what a thousand requests cost the collector.
    /// </summary>
    private sealed record Collections(int Gen0, int Gen1, int Gen2, double PauseMilliseconds, long Gen2Bytes);
}
