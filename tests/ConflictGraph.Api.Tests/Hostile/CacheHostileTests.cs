using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ConflictGraph.Api.Caching;
using ConflictGraph.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ConflictGraph.Api.Tests.Hostile;

/// <summary>
/// Issue 10, item 7: the document and persisted-query caches hold bytes within their own
/// budgets, large documents are not kept, and nobody without a read key registers a persisted
/// query or learns whether a hash is known.
/// </summary>
public sealed class CacheHostileTests(ITestOutputHelper output) : IDisposable
{
    private const int Budget = 2 << 20;

    private readonly ConflictGraphApp app = ConflictGraphApp.With(new Dictionary<string, string?>
    {
        ["ConflictGraph:Caching:DocumentBytes"] = Budget.ToString(),
        ["ConflictGraph:Caching:PersistedQueryBytes"] = Budget.ToString(),
        ["ConflictGraph:Auth:ReadKeys:0"] = "reader",
    });

    private DocumentCache Documents => app.Services.GetRequiredService<DocumentCache>();

    private PersistedQueries Persisted => app.Services.GetRequiredService<PersistedQueries>();

    private static string Hash(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));

    /// <summary>A valid query, distinct for each <paramref name="i"/>, padded with a comment to about <paramref name="bytes"/>.</summary>
    private static string Padded(int i, int bytes) => $"{{ stats {{ nodes }} }} # {i} {new string('x', bytes)}";

    private async Task<HostileOutcome> PostAsync(string label, object body, string? key)
    {
        await app.ReadyClientAsync();
        using var client = app.CreateClient();
        var json = JsonSerializer.Serialize(body);
        return await HostileRequest.MeasureAsync(output, label, json.Length, async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            if (key is not null) request.Headers.Authorization = new("Bearer", key);
            using var response = await client.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        });
    }

    [Fact]
    public async Task PaddedLargeDocumentsAreNotKept()
    {
        for (var i = 0; i < 40; i++) await PostAsync($"padded document {i}", new { query = Padded(i, 900_000) }, "reader");

        output.WriteLine($"document cache holds {HostileRequest.Size(Documents.HeldBytes)} after 40 distinct 900 KB documents");
        Assert.Equal(0, Documents.HeldBytes);
    }

    [Fact]
    public async Task ManyDistinctDocumentsStayWithinTheDocumentBudget()
    {
        for (var i = 0; i < 300; i++)
        {
            var outcome = await PostAsync($"distinct 40 KB document {i}", new { query = Padded(i, 40_000) }, "reader");
            Assert.Empty(outcome.Errors);
        }

        output.WriteLine($"document cache holds {HostileRequest.Size(Documents.HeldBytes)} after 300 distinct 40 KB documents (budget {HostileRequest.Size(Budget)})");
        Assert.InRange(Documents.HeldBytes, 1, Budget);
    }

    [Fact]
    public async Task UnauthenticatedRegistrationsRegisterNothing()
    {
        for (var i = 0; i < 200; i++)
        {
            var query = Padded(i, 30_000);
            var outcome = await PostAsync($"unauthenticated registration {i}", new { query, extensions = new { persistedQuery = new { version = 1, sha256Hash = Hash(query) } } }, null);
            Assert.Equal(HttpStatusCode.Unauthorized, outcome.Status);
        }

        output.WriteLine($"persisted queries hold {HostileRequest.Size(Persisted.HeldBytes)} after 200 unauthenticated registrations");
        Assert.Equal(0, Persisted.HeldBytes);
    }

    [Fact]
    public async Task AKnownHashAndAnUnknownOneAnswerAlikeWithoutAKey()
    {
        const string query = "{ stats { relations } }";
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = Hash(query) } };
        await PostAsync("registration with a key", new { query, extensions }, "reader");

        var known = await PostAsync("known hash, no key", new { extensions }, null);
        var unknown = await PostAsync("unknown hash, no key", new { extensions = new { persistedQuery = new { version = 1, sha256Hash = Hash("{ stats { nodes } }") } } }, null);

        Assert.Equal((known.Status, known.Body), (unknown.Status, unknown.Body));
        Assert.Equal(["UNAUTHENTICATED"], known.Codes);
        Assert.Equal("place:syria", (await PostAsync("a key still works", new { query = "{ node(id: \"place:syria\") { id } }" }, "reader")).Json!["data"]!["node"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task RegisteredQueriesStayWithinTheirBudget()
    {
        for (var i = 0; i < 120; i++)
        {
            var query = Padded(i, 30_000);
            await PostAsync($"registration {i}", new { query, extensions = new { persistedQuery = new { version = 1, sha256Hash = Hash(query) } } }, "reader");
        }

        output.WriteLine($"persisted queries hold {HostileRequest.Size(Persisted.HeldBytes)} after 120 registrations of 30 KB (budget {HostileRequest.Size(Budget)})");
        Assert.InRange(Persisted.HeldBytes, 1, Budget);
    }

    public void Dispose() => app.Dispose();
}
