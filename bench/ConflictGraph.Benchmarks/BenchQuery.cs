using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ConflictGraph.Benchmarks;

/// <summary>How a query's variants are picked: a few fixed ones, or spread over the whole graph; with the read cache on or off.</summary>
public enum BenchMode { Repeated, Spread, Uncached }

/// <summary>
/// One measured request shape with its variants (ids, words, months, cursors): request n takes
/// variant n modulo <see cref="Variants"/>. Repeated variants are a fixed few, so caches warm up;
/// spread variants walk the whole graph in a fixed scrambled order, as real traffic would.
/// </summary>
public sealed record BenchQuery(string Name, bool IsGraphQL, int Variants, Func<int, byte[]> Body, Func<int, string> Path)
{
    public const string Floor = "floor: node by id (no GraphQL)";
    public const string Lookup = "node by id";
    public const string TwoLevel = "event + perpetrators, place, statements (2 levels)";
    public const string ThreeLevel = "retaliations + claims + speakers (3 levels)";
    public const string Search = "search";
    public const string PathsBetweenActors = "paths between two actors";
    public const string EventsInCountry = "events in a country, date range";
    public const string ActorStatements = "actors page + statements totalCount (nested counts)";

    private static readonly MediaTypeHeaderValue JsonType = new("application/json");

    /// <summary>
    /// A GraphQL request's body up to its variables (<c>{"query":"...","variables":</c>): the same for every variant. The
    /// body is this, <see cref="Variables"/> of the variant, and a closing brace. Empty for a GET.
    /// </summary>
    public byte[] BodyStart { get; init; } = [];

    /// <summary>A GraphQL variant's variables as JSON: all of a body that varies. Null for a GET.</summary>
    public Func<int, byte[]>? Variables { get; init; }

    /// <summary>The variant request <paramref name="index"/> asks.</summary>
    public int Variant(long index) => (int)(index % Variants);

    public HttpRequestMessage Create(long index)
    {
        var variant = Variant(index);
        if (!IsGraphQL) return new HttpRequestMessage(HttpMethod.Get, Path(variant));
        var content = new ByteArrayContent(Body(variant));
        content.Headers.ContentType = JsonType;
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = content };
        request.Headers.Accept.ParseAdd("application/graphql-response+json, application/json");
        return request;
    }

    /// <summary>A POST to /graphql of <c>{"query":document,"variables":...}</c>, the variables of variant i.</summary>
    public static BenchQuery GraphQL(string name, string document, int variants, Func<int, object> variables)
    {
        var start = Encoding.UTF8.GetBytes($"{{\"query\":{JsonSerializer.Serialize(document)},\"variables\":");
        byte[] Json(int i) => JsonSerializer.SerializeToUtf8Bytes(variables(i));
        return new(name, true, variants, i => [.. start, .. Json(i), (byte)'}'], _ => "") { BodyStart = start, Variables = Json };
    }

    public static BenchQuery Get(string name, int variants, Func<int, string> path) => new(name, false, variants, _ => [], path);

    /// <summary>Variant <paramref name="i"/> of <paramref name="count"/> in a scrambled order that still visits each once per round.</summary>
    public static int Scrambled(int i, int count) => count <= 1 ? 0 : (int)((long)i * Stride(count) % count);

    // A stride coprime with the count, far from 1, so consecutive requests land far apart.
    private static long Stride(int count)
    {
        var stride = (long)(count * 0.6180339887) | 1;
        while (Gcd(stride, count) != 1) stride += 2;
        return stride;
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
