using System.Text.Json.Nodes;

namespace ConflictGraph.Api.Tests.Diagnostics;

/// <summary>
/// <c>/floor/collections</c>, read around a benchmark window to say what the requests cost the collector: collections by
/// generation, the time paused, and gen2's size.
/// </summary>
public sealed class FloorCollectionsTests
{
    private static Task<JsonNode> ReadAsync(HttpClient client) => FloorEndpoints.ReadAsync(client, "/floor/collections");

    [Fact]
    public async Task TheCountsFollowTheCollectionsTheProcessRan()
    {
        await using var app = FloorEndpoints.App(floor: true);
        using var client = app.CreateClient();
        var first = await ReadAsync(client);
        // A full blocking collection counts in every generation's figure and pauses the process.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        var second = await ReadAsync(client);

        foreach (var generation in new[] { "gen0", "gen1", "gen2" })
            Assert.True((int)second[generation]! > (int)first[generation]!, $"{generation}: {first[generation]} then {second[generation]}");
        Assert.True((double)second["pauseMilliseconds"]! > (double)first["pauseMilliseconds"]!);
        Assert.True((long)second["gen2Bytes"]! > 0);
    }

    [Fact]
    public async Task WithoutTheFloorSettingThereIsNoEndpoint()
    {
        await using var app = FloorEndpoints.App(floor: false);
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/floor/collections");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
