using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Performance;

/// <summary>Automatic persisted queries as Apollo clients send them, over POST and GET.</summary>
public sealed class PersistedQueryTests(ConflictGraphApp app) : IClassFixture<ConflictGraphApp>
{
    private static string Extension(string query) =>
        System.Text.Json.JsonSerializer.Serialize(new { persistedQuery = new { version = 1, sha256Hash = Hash(query) } });

    private static string Hash(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));

    private async Task<JsonNode> PostAsync(object body)
    {
        var client = await app.ReadyClientAsync();
        using var response = await client.PostAsJsonAsync("/graphql", body);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task AnUnknownHashIsNotFoundThenTheQueryRegistersAndTheHashAloneRuns()
    {
        const string query = "{ node(id: \"place:syria\") { id } }";
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = Hash(query) } };

        var unknown = await PostAsync(new { extensions });
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", unknown["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("PersistedQueryNotFound", unknown["errors"]![0]!["message"]!.GetValue<string>());

        var registered = await PostAsync(new { query, extensions });
        Assert.Equal("place:syria", registered["data"]!["node"]!["id"]!.GetValue<string>());

        var byHash = await PostAsync(new { extensions });
        Assert.Equal("place:syria", byHash["data"]!["node"]!["id"]!.GetValue<string>());

        var client = await app.ReadyClientAsync();
        var overGet = JsonNode.Parse(await client.GetStringAsync(
            $"/graphql?extensions={Uri.EscapeDataString(Extension(query))}"))!;
        Assert.Equal("place:syria", overGet["data"]!["node"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task AHashThatIsNotTheQuerysIsRefusedAndNothingIsRegistered()
    {
        const string query = "{ stats { nodes } }";
        var wrong = Hash("{ stats { relations } }");
        var refused = await PostAsync(new { query, extensions = new { persistedQuery = new { version = 1, sha256Hash = wrong } } });
        Assert.Equal("BAD_USER_INPUT", refused["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(refused["data"]);
        var stillUnknown = await PostAsync(new { extensions = new { persistedQuery = new { version = 1, sha256Hash = wrong } } });
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", stillUnknown["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task APersistedMutationStillCannotRunOverGet()
    {
        const string mutation = "mutation { deleteNode(id: \"place:syria\") }";
        await PostAsync(new { query = mutation, extensions = new { persistedQuery = new { version = 1, sha256Hash = Hash(mutation) } } });
        var client = await app.ReadyClientAsync();
        using var response = await client.GetAsync(
            $"/graphql?extensions={Uri.EscapeDataString(Extension(mutation))}");
        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
