using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Transport;

/// <summary>The GraphQL-over-HTTP rules: methods, media types and status codes.</summary>
public sealed class HttpTransportTests(ConflictGraphApp app) : IClassFixture<ConflictGraphApp>
{
    private const string StatsQuery = "{ stats { nodes } }";

    private async Task<HttpResponseMessage> PostAsync(string body, string contentType = "application/json", string? accept = null)
    {
        var client = await app.ReadyClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        return await client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> GetAsync(string query, string? accept = null)
    {
        var client = await app.ReadyClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/graphql?query={Uri.EscapeDataString(query)}");
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        return await client.SendAsync(request);
    }

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    [Fact]
    public async Task APostedQueryAnswersWithJsonByDefault()
    {
        using var response = await PostAsync("""{"query":"{ stats { nodes } }"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal(98, (await JsonAsync(response))["data"]!["stats"]!["nodes"]!.GetValue<int>());
    }

    [Fact]
    public async Task TheGraphQLResponseMediaTypeIsUsedWhenAccepted()
    {
        using var response = await PostAsync("""{"query":"{ stats { nodes } }"}""", accept: "application/graphql-response+json");
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
    }

    [Fact]
    public async Task AnInvalidDocumentIs400WithGraphQLResponseJsonAnd200WithJson()
    {
        using var strict = await PostAsync("""{"query":"{ noSuchField }"}""", accept: "application/graphql-response+json");
        Assert.Equal(HttpStatusCode.BadRequest, strict.StatusCode);
        Assert.Null((await JsonAsync(strict))["data"]);
        using var plain = await PostAsync("""{"query":"{ noSuchField }"}""", accept: "application/json");
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.NotEmpty((await JsonAsync(plain))["errors"]!.AsArray());
    }

    [Fact]
    public async Task QueriesWorkOverGetButMutationsAre405()
    {
        using var query = await GetAsync(StatsQuery);
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        using var mutation = await GetAsync("mutation { deleteNode(id: \"person:john-kirby\") }");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, mutation.StatusCode);
        Assert.Contains("POST", mutation.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    public async Task OnlyJsonBodiesAreAccepted(string contentType, HttpStatusCode expected)
    {
        using var response = await PostAsync("""{"query":"{ stats { nodes } }"}""", contentType);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task AnAcceptHeaderWeCannotMeetIs406()
    {
        using var response = await PostAsync("""{"query":"{ stats { nodes } }"}""", accept: "application/xml");
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("""{"query": 42}""", "'query' must be a string")]
    [InlineData("""{"query":"{ stats { nodes } }","variables":"x"}""", "'variables' must be a JSON object")]
    [InlineData("""[{"query":"{ stats { nodes } }"}]""", "batched requests")]
    [InlineData("""{"variables":{}}""", "no 'query'")]
    public async Task MalformedRequestsAre400WithAReason(string body, string reason)
    {
        using var response = await PostAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await JsonAsync(response))["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task VariablesAndOperationNameAreHonoured()
    {
        var response = await app.PostGraphQLAsync(
            "query A { stats { nodes } } query B($id: ID!) { node(id: $id) { id } }", null);
        Assert.NotEmpty(response.Errors);
        using var named = await PostAsync("""{"query":"query A { stats { nodes } } query B($id: ID!) { node(id: $id) { id } }","operationName":"B","variables":{"id":"place:syria"}}""");
        Assert.Equal("place:syria", (await JsonAsync(named))["data"]!["node"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task HealthEndpointsReportLiveAndReady()
    {
        var client = await app.ReadyClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal("ready", JsonNode.Parse(await client.GetStringAsync("/health/ready"))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task BrowsersAreSentToTheIdeWhichIsConfiguredForThisServiceWithoutTelemetry()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html");
        using var redirect = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal("/graphql/", redirect.Headers.Location!.OriginalString);
        var config = JsonNode.Parse(await client.GetStringAsync("/graphql/bcp-config.json"))!;
        Assert.True(config["disableTelemetry"]!.GetValue<bool>());
        Assert.Equal("/graphql", config["endpoint"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task TheIdePageIsServedWhenTheBuildFetchedIt()
    {
        Skip.IfNot(File.Exists(Path.Combine(ConflictGraphApp.RepoRoot, "src/ConflictGraph.Api/Ide/node_modules/@chillicream/bananacakepop-graphql-ide/index.html")),
            "npm was not available to the build, so the IDE package was not fetched");
        var client = await app.ReadyClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql/");
        request.Headers.Accept.ParseAdd("text/html");
        using var page = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Banana Cake Pop", await page.Content.ReadAsStringAsync());
    }
}
