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
        floor.MapGet("/allocations", () => Results.Json(new AllocatedBytes(GC.GetTotalAllocatedBytes(precise: true))));
    }

    private static async Task<IResult> GetNodeAsync(string id, IGraphStore store, CancellationToken cancellationToken)
    {
        var nodes = await store.GetNodesAsync([id], cancellationToken);
        // Typed as object so the node serializes as its runtime kind (Event, Person, ...).
        return nodes.Count == 0 ? Results.NotFound() : Results.Json<object>(nodes[0]);
    }

    /// <summary>Bytes this process has allocated since it started; a benchmark reads it before and after a run.</summary>
    private sealed record AllocatedBytes(long Bytes);
}
