using ConflictGraph.Api.Tests.Infrastructure;
using ConflictGraph.Api.Tests.Questions;

namespace ConflictGraph.Api.Tests.Paths;

/// <summary>
/// <c>paths</c> over HTTP on a group with many events and an army that is a hub: the shortest paths
/// come in the order of their node ids, then relation ids, and longer ones follow only when too few.
/// </summary>
public sealed class PathsOverHttpTests : IDisposable
{
    private readonly ConflictGraphApp app = ConflictGraphApp.With(new Dictionary<string, string?> { ["ConflictGraph:Seed:OnStartup"] = "false" });

    private async Task ImportHubAsync()
    {
        // 30 events by the group, three of which targeted the army; 50 more targeted the army elsewhere.
        var ours = Enumerable.Range(0, 30).Select(i => $"event:e{i:D2}").ToList();
        var elsewhere = Enumerable.Range(0, 50).Select(i => $"event:h{i:D2}").ToList();
        var organizations = new[]
        {
            new { id = "org:group", name = "Group", kind = "ARMED_GROUP" },
            new { id = "org:army", name = "Army", kind = "MILITARY" },
        };
        var places = new[] { new { id = "place:here", name = "Here", kind = "REGION" } };
        var events = ours.Concat(elsewhere).Select(id => new { id, title = id, kind = "OTHER" }).ToList();
        var relations = ours.Select(e => new { type = "CARRIED_OUT", fromId = "org:group", toId = e })
            .Concat(ours.Select(e => new { type = "OCCURRED_IN", fromId = e, toId = "place:here" }))
            .Concat(new[] { "event:e04", "event:e12", "event:e27" }.Concat(elsewhere).Select(e => new { type = "TARGETED", fromId = e, toId = "org:army" }))
            .Append(new { type = "BASED_IN", fromId = "org:army", toId = "place:here" })
            .ToList();
        var imported = await app.PostGraphQLAsync(
            "mutation($input: GraphInput!) { importGraph(input: $input) { created } }",
            new { input = new { organizations, places, events, relations } }, ConflictGraphApp.WriteKey);
        Assert.True(imported.Errors.Count == 0, imported.Body.ToJsonString());
    }

    private async Task<IReadOnlyList<string>> PathsAsync(int maxDepth, int first)
    {
        var response = await app.PostGraphQLAsync(
            "query($d: Int!, $f: Int!) { paths(fromId: \"org:group\", toId: \"org:army\", maxDepth: $d, first: $f) { length nodes { id } relations { type } } }",
            new { d = maxDepth, f = first });
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        return response.Data!["paths"]!.AsArray()
            .Select(p => $"{p!["length"]} {string.Join(" ", p["nodes"].Each("id"))} | {string.Join(" ", p["relations"].Each("type"))}").ToList();
    }

    [Fact]
    public async Task TheShortestPathsThroughTheGroupsEventsComeFirstThenLongerOnesInOrder()
    {
        await ImportHubAsync();

        Assert.Equal(["2 org:group event:e04 org:army | CARRIED_OUT TARGETED", "2 org:group event:e12 org:army | CARRIED_OUT TARGETED"],
            await PathsAsync(3, 2));
        Assert.Equal(
        [
            "2 org:group event:e04 org:army | CARRIED_OUT TARGETED",
            "2 org:group event:e12 org:army | CARRIED_OUT TARGETED",
            "2 org:group event:e27 org:army | CARRIED_OUT TARGETED",
            "3 org:group event:e00 place:here org:army | CARRIED_OUT OCCURRED_IN BASED_IN",
        ], await PathsAsync(3, 4));
        Assert.Equal(3, (await PathsAsync(2, 10)).Count);
        Assert.Empty(await PathsAsync(1, 10));
    }

    public void Dispose() => app.Dispose();
}
