using System.Diagnostics;
using System.Net.Http.Headers;
using ConflictGraph.Api.Tests.Infrastructure;
using ConflictGraph.Tests;
using Xunit.Abstractions;

namespace ConflictGraph.Api.Tests.Hostile;

/// <summary>
/// Issue 10, minor: another process holding the SQLite file's write lock (a CLI import, say) past
/// the store's busy timeout. A write then answers STORE_UNAVAILABLE with a retry hint and changes
/// nothing, reads go on (WAL), and the same write succeeds once the lock is gone.
/// </summary>
public sealed class BusyStoreHostileTests(ITestOutputHelper output) : IDisposable
{
    private const string NewPerson = """
        mutation { importGraph(input: { persons: [{ id: "person:busy-analyst", name: "Busy Analyst" }] }) { created } }
        """;

    private const string DeleteKirby = "mutation { deleteNode(id: \"person:john-kirby\") }";

    private readonly ConflictGraphApp app = ConflictGraphApp.With(new Dictionary<string, string?> { ["ConflictGraph:Sqlite:BusyTimeoutSeconds"] = "1" });

    [Theory]
    [InlineData(NewPerson)]
    [InlineData(DeleteKirby)]
    public async Task AWriteWhileAnotherConnectionHoldsTheWriteLockIsStoreUnavailableWithARetryHintAndChangesNothing(string mutation)
    {
        var before = await SnapshotAsync();

        using (WriteLock.Hold(app.StorePath))
        {
            var clock = Stopwatch.StartNew();
            var refused = await app.PostGraphQLAsync(mutation, key: ConflictGraphApp.WriteKey);
            output.WriteLine($"a write under a held lock answered after {clock.ElapsedMilliseconds} ms: {refused.Body.ToJsonString()}");

            Assert.Equal(["STORE_UNAVAILABLE"], refused.Codes);
            var extensions = refused.Errors.Single()!["extensions"]!;
            Assert.Equal(2, extensions["retryAfterSeconds"]!.GetValue<int>());
            Assert.Contains("retry", refused.Errors.Single()!["message"]!.GetValue<string>());
            AssertLeaksNothing(refused.Body.ToJsonString());
            Assert.Equal(before, await SnapshotAsync());
        }

        var retried = await app.PostGraphQLAsync(mutation, key: ConflictGraphApp.WriteKey);
        Assert.Empty(retried.Errors);
        Assert.NotEqual(before, await SnapshotAsync());
    }

    [Fact]
    public async Task ReadsAnswerWhileAnotherConnectionHoldsTheWriteLock()
    {
        var client = await app.ReadyClientAsync();
        var before = await SnapshotAsync();

        using var held = WriteLock.Hold(app.StorePath);
        // The other process's uncommitted row is invisible; every read answers from the last committed state.
        using (var write = held.CreateCommand())
        {
            write.CommandText = "UPDATE meta SET value = value + 1 WHERE key = 'data_version'";
            write.ExecuteNonQuery();
        }
        var clock = Stopwatch.StartNew();
        var node = await app.PostGraphQLAsync("{ node(id: \"person:john-kirby\") { id } search(text: \"kataib\") { node { id } } }");
        using var ready = await client.GetAsync("/health/ready");
        output.WriteLine($"reads under a held write lock answered in {clock.ElapsedMilliseconds} ms");

        Assert.Empty(node.Errors);
        Assert.Equal("person:john-kirby", node.Data!["node"]!["id"]!.GetValue<string>());
        Assert.NotEmpty(node.Data!["search"]!.AsArray());
        Assert.Equal(before, await SnapshotAsync());
        Assert.True(ready.IsSuccessStatusCode, $"/health/ready answered {(int)ready.StatusCode} while only the write lock was held");
    }

    [Fact]
    public async Task ABusyErrorTellsAnyoneWhatToDoAndNothingAboutTheFileOrTheDriver()
    {
        await app.ReadyClientAsync();
        using var held = WriteLock.Hold(app.StorePath);
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query = NewPerson }), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ConflictGraphApp.WriteKey);
        request.Headers.Accept.ParseAdd("application/graphql-response+json");

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        output.WriteLine($"{(int)response.StatusCode} {body}");

        Assert.Contains("STORE_UNAVAILABLE", body);
        Assert.Contains("\"retryAfterSeconds\":2", body);
        AssertLeaksNothing(body);
    }

    private void AssertLeaksNothing(string body)
    {
        Assert.DoesNotContain(Path.GetFileName(app.StorePath), body);
        Assert.DoesNotContain(Path.GetDirectoryName(app.StorePath)!, body);
        Assert.DoesNotContain("SQLite", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("locked", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", body);
    }

    /// <summary>The stored graph as counted, and whether the nodes the mutations touch exist.</summary>
    private async Task<string> SnapshotAsync()
    {
        var response = await app.PostGraphQLAsync("""
            { stats { nodes relations } a: node(id: "person:busy-analyst") { id } b: node(id: "person:john-kirby") { id } }
            """);
        Assert.Empty(response.Errors);
        return response.Data!.ToJsonString();
    }

    public void Dispose() => app.Dispose();
}
