using System.Net.Http.Headers;
using System.Text.Json;

namespace ConflictGraph.Benchmarks;

/// <summary>
/// One measured request shape, with a few deterministic variants (ids, words, months) that the
/// workers take in turn, so caches see a realistic spread rather than one key.
/// </summary>
public sealed record BenchQuery(string Name, bool IsGraphQL, IReadOnlyList<byte[]> Bodies, IReadOnlyList<string> Paths)
{
    public const string Floor = "floor: node by id (no GraphQL)";
    public const string Lookup = "node by id";
    public const string TwoLevel = "event + perpetrators, place, statements (2 levels)";
    public const string ThreeLevel = "retaliations + claims + speakers (3 levels)";
    public const string Search = "search";
    public const string PathsBetweenActors = "paths between two actors";
    public const string EventsInCountry = "events in a country, date range";

    private static readonly MediaTypeHeaderValue JsonType = new("application/json");

    public int Variants => IsGraphQL ? Bodies.Count : Paths.Count;

    public HttpRequestMessage Create(int index)
    {
        if (!IsGraphQL) return new HttpRequestMessage(HttpMethod.Get, Paths[index % Paths.Count]);
        var content = new ByteArrayContent(Bodies[index % Bodies.Count]);
        content.Headers.ContentType = JsonType;
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.Accept.ParseAdd("application/graphql-response+json, application/json");
        return request;
    }

    public static BenchQuery GraphQL(string name, string document, IEnumerable<object> variables) =>
        new(name, true, variables.Select(v => JsonSerializer.SerializeToUtf8Bytes(new { query = document, variables = v })).ToArray(), []);

    public static BenchQuery Get(string name, IEnumerable<string> paths) => new(name, false, [], paths.ToArray());
}
