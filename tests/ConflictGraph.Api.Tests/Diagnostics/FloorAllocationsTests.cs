using System.Runtime;
using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Diagnostics;

/// <summary>
/// <c>/floor/allocations</c>, which the benchmark reads around a run: the bytes the process has allocated, and whether the
/// GC keeps one heap count (without which a difference of two readings is no measure).
/// </summary>
public sealed class FloorAllocationsTests
{
    private static Task<JsonNode> ReadAsync(HttpClient client) => FloorEndpoints.ReadAsync(client, "/floor/allocations");

    [Fact]
    public async Task TheCountGrowsAsRequestsAreServed()
    {
        await using var app = FloorEndpoints.App(floor: true);
        using var client = app.CreateClient();
        var first = await ReadAsync(client);
        for (var i = 0; i < 5; i++) Assert.Empty((await app.PostGraphQLAsync("{ __typename }")).Errors);
        var second = await ReadAsync(client);

        Assert.True((long)second["bytes"]! > (long)first["bytes"]!);
        Assert.Contains(second["heapCountFixed"]!.GetValueKind(), new[] { System.Text.Json.JsonValueKind.True, System.Text.Json.JsonValueKind.False });
    }

    [SkippableFact]
    public async Task WorkstationGcKeepsOneHeapSoTheCountIsSaidToBeFixed()
    {
        Skip.If(GCSettings.IsServerGC, "the test host runs server GC");
        await using var app = FloorEndpoints.App(floor: true);
        using var client = app.CreateClient();

        Assert.True((bool)(await ReadAsync(client))["heapCountFixed"]!);
    }

    [Fact]
    public async Task WithoutTheFloorSettingThereIsNoEndpoint()
    {
        await using var app = FloorEndpoints.App(floor: false);
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/floor/allocations");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
