using System.Net;
using System.Text;
using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Transport;

/// <summary>Each configurable limit refuses what is over it with a clear error, and lets introspection through.</summary>
public sealed class LimitTests : IDisposable
{
    private readonly ConflictGraphApp app = ConflictGraphApp.With(new Dictionary<string, string?>
    {
        ["ConflictGraph:Limits:MaxDepth"] = "6",
        ["ConflictGraph:Limits:MaxAliases"] = "3",
        ["ConflictGraph:Limits:MaxFields"] = "40",
        ["ConflictGraph:Limits:MaxBodyBytes"] = "4096",
        ["ConflictGraph:Limits:MaxPageSize"] = "10",
    });

    [Theory]
    [InlineData("{ events(first: 11) { totalCount } }", "first: 11 is more than the maximum page size 10")]
    [InlineData("{ events(first: -1) { totalCount } }", "first: -1 is negative")]
    [InlineData("{ events(after: \"bm90LW91cnM\") { totalCount } }", "not a cursor this service issued")]
    public async Task PageSizeAndCursorsAreChecked(string query, string message)
    {
        var response = await app.PostGraphQLAsync(query);
        Assert.Equal(["BAD_USER_INPUT"], response.Codes);
        Assert.Contains(message, response.Errors[0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task ACursorFromAnotherListIsRefused()
    {
        var page = await app.PostGraphQLAsync("{ actors(first: 1) { pageInfo { endCursor } } }");
        var cursor = page.Data!["actors"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var misused = await app.PostGraphQLAsync("query($c: String) { events(first: 1, after: $c) { totalCount } }", new { c = cursor });
        Assert.Equal(["BAD_USER_INPUT"], misused.Codes);
    }

    [Fact]
    public async Task TooDeepIsQueryTooComplex()
    {
        var response = await app.PostGraphQLAsync(
            "{ node(id: \"org:pentagon\") { ... on Organization { parent { parent { parent { parent { parent { parent { id } } } } } } } } }");
        Assert.Equal(["QUERY_TOO_COMPLEX"], response.Codes);
    }

    [Fact]
    public async Task TooManyAliasesOrFieldsIsQueryTooComplex()
    {
        var aliases = await app.PostGraphQLAsync("{ a: stats { nodes } b: stats { nodes } c: stats { nodes } d: stats { nodes } }");
        Assert.Contains("QUERY_TOO_COMPLEX", aliases.Codes);
        var fields = string.Join(' ', Enumerable.Range(0, 45).Select(_ => "nodes"));
        var many = await app.PostGraphQLAsync($"{{ stats {{ {fields} }} }}");
        Assert.Contains("QUERY_TOO_COMPLEX", many.Codes);
    }

    [Fact]
    public async Task AliasesOfOnlyTypenameAreRefusedWithoutCallingThemIntrospection()
    {
        var typenames = await app.PostGraphQLAsync("{ a: __typename b: __typename c: __typename d: __typename }");
        Assert.Equal(["QUERY_TOO_COMPLEX"], typenames.Codes);
        Assert.Equal("the operation, which selects only __typename, uses 4 aliases once its fragments are spread, more than the 3 allowed",
            typenames.Errors[0]!["message"]!.GetValue<string>());

        var schema = await app.PostGraphQLAsync("{ a: __schema { queryType { name } } b: __schema { queryType { name } } c: __typename d: __typename }");
        Assert.Equal("the introspection operation uses 4 aliases once its fragments are spread, more than the 3 allowed",
            schema.Errors[0]!["message"]!.GetValue<string>());

        var fields = await app.PostGraphQLAsync("{ a: stats { nodes } b: stats { nodes } c: stats { nodes } d: __typename }");
        Assert.Equal("the operation uses 4 aliases once its fragments are spread, more than the 3 allowed",
            fields.Errors[0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheStandardIntrospectionQueryPassesDespiteTheDepthLimit()
    {
        var response = await app.PostGraphQLAsync(Introspection.Query);
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString()[..Math.Min(400, response.Body.ToJsonString().Length)]);
        Assert.Contains(response.Data!["__schema"]!["types"]!.AsArray(), t => t!["name"]!.GetValue<string>() == "Event");
    }

    [Fact]
    public async Task AnOversizedBodyIs413()
    {
        var client = await app.ReadyClientAsync();
        var pad = new string('x', 5000);
        var body = "{\"query\":\"{ stats { nodes } }\",\"variables\":{\"pad\":\"" + pad + "\"}}";
        using var response = await client.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData(3500, HttpStatusCode.OK)]
    [InlineData(5000, HttpStatusCode.RequestEntityTooLarge)]
    public async Task ABodyOfUnknownLengthIsReadWholeUpToTheLimit(int padding, HttpStatusCode expected)
    {
        // Sent chunked, with no Content-Length: the service learns the size only by reading.
        var client = await app.ReadyClientAsync();
        var body = "{\"query\":\"{ stats { nodes } }\",\"variables\":{\"pad\":\"" + new string('x', padding) + "\"}}";
        using var response = await client.PostAsync("/graphql", new UnsizedContent(Encoding.UTF8.GetBytes(body)));
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK) Assert.Contains("\"nodes\":", await response.Content.ReadAsStringAsync());
    }

    private sealed class UnsizedContent : HttpContent
    {
        private readonly byte[] bytes;

        public UnsizedContent(byte[] bytes)
        {
            this.bytes = bytes;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            // Small writes, so the body arrives in many reads.
            for (var at = 0; at < bytes.Length; at += 700) await stream.WriteAsync(bytes.AsMemory(at, Math.Min(700, bytes.Length - at)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Fact]
    public async Task ErrorsNeverCarryStackTraces()
    {
        var response = await app.PostGraphQLAsync("{ paths(fromId: \"a\", toId: \"b\", maxDepth: 99) { length } }");
        Assert.Equal(["BAD_USER_INPUT"], response.Codes);
        Assert.DoesNotContain("   at ", response.Body.ToJsonString());
        Assert.Null(response.Errors[0]!["extensions"]!["details"]);
    }

    public void Dispose() => app.Dispose();
}
