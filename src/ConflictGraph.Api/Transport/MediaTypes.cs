using Microsoft.Net.Http.Headers;

namespace ConflictGraph.Api.Transport;

/// <summary>Content negotiation as the GraphQL-over-HTTP spec gives it.</summary>
public static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>The response media type for the Accept header, or null when we can produce none it accepts (406).</summary>
    public static string? Choose(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept)) return Json;
        if (!MediaTypeHeaderValue.TryParseList([accept], out var accepted)) return Json;
        var ordered = accepted.Where(a => a.Quality is not 0).OrderByDescending(a => a.Quality ?? 1).ToList();
        foreach (var media in ordered)
        {
            var type = media.MediaType.Value?.ToLowerInvariant();
            if (type == GraphQLResponse) return GraphQLResponse;
            if (type is Json or "application/*" or "*/*") return Json;
        }
        return null;
    }

    public static bool IsJson(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var parsed) &&
        string.Equals(parsed.MediaType.Value, Json, StringComparison.OrdinalIgnoreCase) &&
        (parsed.Charset.Value is null || string.Equals(parsed.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase));

    public static bool WantsHtml(string? accept) => accept is not null && accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
