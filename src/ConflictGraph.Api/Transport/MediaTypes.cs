using Microsoft.Net.Http.Headers;

namespace ConflictGraph.Api.Transport;

/// <summary>Content negotiation as the GraphQL-over-HTTP spec gives it.</summary>
public static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>The last Accept header chosen for and its answer: a client sends the same one with every request.</summary>
    private sealed record Chosen(string Accept, string? Media);

    private static Chosen? last;

    /// <summary>The response media type for the Accept header, or null when we can produce none it accepts (406).</summary>
    public static string? Choose(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept)) return Json;
        if (Volatile.Read(ref last) is { } known && string.Equals(known.Accept, accept, StringComparison.Ordinal)) return known.Media;
        var media = Negotiate(accept);
        Volatile.Write(ref last, new Chosen(accept, media));
        return media;
    }

    private static string? Negotiate(string accept)
    {
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

    /// <summary>The Content-Type header of an answer in <paramref name="media"/> (one of ours), spelled once.</summary>
    public static string ContentType(string media) => media switch
    {
        GraphQLResponse => GraphQLResponseContentType,
        Json => JsonContentType,
        _ => $"{media}; charset=utf-8",
    };

    private const string GraphQLResponseContentType = GraphQLResponse + "; charset=utf-8";
    private const string JsonContentType = Json + "; charset=utf-8";

    public static bool IsJson(string? contentType) =>
        string.Equals(contentType, Json, StringComparison.OrdinalIgnoreCase) ||
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var parsed) &&
        string.Equals(parsed.MediaType.Value, Json, StringComparison.OrdinalIgnoreCase) &&
        (parsed.Charset.Value is null || string.Equals(parsed.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase));

    public static bool WantsHtml(string? accept) => accept is not null && accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
