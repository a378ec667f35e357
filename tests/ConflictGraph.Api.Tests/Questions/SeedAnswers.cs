using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Questions;

/// <summary>
/// Asks the freshly seeded service one GraphQL query over HTTP and reads the answer; a question
/// that comes back with errors fails with the whole response.
/// </summary>
internal static class SeedAnswers
{
    public static async Task<JsonNode> AskAsync(this ConflictGraphApp app, string query, object? variables = null)
    {
        var response = await app.PostGraphQLAsync(query, variables);
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        return response.Data!;
    }

    /// <summary>The string at <paramref name="path"/> (dot-separated) of every item, null where absent.</summary>
    public static List<string?> Each(this JsonNode? array, string path) =>
        array!.AsArray().Select(item => item.At(path)?.GetValue<string>()).ToList();

    public static JsonNode? At(this JsonNode? node, string path)
    {
        foreach (var step in path.Split('.'))
            node = node is JsonArray array && int.TryParse(step, out var index) ? array[index] : node?[step];
        return node;
    }

    public static string Text(this JsonNode? node, string path) => node.At(path)!.GetValue<string>();

    /// <summary>The one item whose <paramref name="path"/> equals <paramref name="value"/>.</summary>
    public static JsonNode Single(this JsonNode? array, string path, string value) =>
        Assert.Single(array!.AsArray(), item => item.At(path)?.GetValue<string>() == value)!;

    /// <summary>Each claim as "speaker|characterization", speaker named or described, in order.</summary>
    public static List<string> Claims(this JsonNode? claims, string? position = null) =>
        claims!.AsArray().Where(c => position is null || c.At("position")?.GetValue<string>() == position)
            .Select(c => $"{c.At("statement.speaker.name")?.GetValue<string>() ?? c.At("statement.speakerDescription")?.GetValue<string>()}|{c.At("characterization")?.GetValue<string>()}")
            .ToList();

    public const string ClaimFields = "claims { position characterization statement { id speaker { name } speakerDescription reportedIn { id } } }";
}
