using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Diagnostics;

/// <summary>The service with its <c>/floor/*</c> endpoints on or off, and one reading of an endpoint's JSON.</summary>
internal static class FloorEndpoints
{
    public static ConflictGraphApp App(bool floor) => ConflictGraphApp.With(new Dictionary<string, string?>
    {
        ["ConflictGraph:Diagnostics:Floor"] = floor ? "true" : "false",
    });

    public static async Task<JsonNode> ReadAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
