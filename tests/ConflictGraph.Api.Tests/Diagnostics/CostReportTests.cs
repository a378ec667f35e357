using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Diagnostics;

/// <summary>
/// <c>extensions.cost</c> says what reached the store: a query asked again with the read cache on is answered from memory
/// and its report shows hits and no store calls; with the cache off every read is a store call; a write between sends
/// the reads it touched back to the store.
/// </summary>
public sealed class CostReportTests
{
    private const string Strikes = """{ node(id: "event:2021-06-27-us-airstrikes") { id ... on Event { title perpetrators { id } } } }""";

    /// <summary>With the cache on, every read kept at its first miss and the data version read only at start.</summary>
    private static ConflictGraphApp App(bool cached) => ConflictGraphApp.With(new Dictionary<string, string?>
    {
        ["ConflictGraph:Diagnostics:Cost"] = "true",
        ["ConflictGraph:Caching:StoreReads"] = cached ? "true" : "false",
        ["ConflictGraph:Caching:AdmissionWindow"] = "0",
        ["ConflictGraph:Caching:VersionCheckInterval"] = "01:00:00",
        // Nodes by id and a level's expansion, which these counts watch, are kept on SQLite only when told (AnchoredReadsTests).
        ["ConflictGraph:Caching:AnchoredReads"] = "true",
    });

    /// <summary>The report's counts: store calls, cache hits and shared calls.</summary>
    private static (int Calls, int Hits, int Shared) Cost(GraphQLResponse response)
    {
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        var cost = response.Body["extensions"]!["cost"]!;
        return ((int)cost["storeCalls"]!, (int)cost["cacheHits"]!, (int)cost["sharedCalls"]!);
    }

    private static double Milliseconds(GraphQLResponse response) => (double)response.Body["extensions"]!["cost"]!["storeMilliseconds"]!;

    [Fact]
    public async Task AQueryAskedAgainWithTheCacheOnReportsHitsAndNoStoreCalls()
    {
        await using var app = App(cached: true);
        var first = await app.PostGraphQLAsync(Strikes);
        var second = await app.PostGraphQLAsync(Strikes);

        // The event, then its perpetrators: two reads, from the store the first time and from memory the second.
        Assert.Equal((2, 0, 0), Cost(first));
        Assert.Equal((0, 2, 0), Cost(second));
        Assert.True(Milliseconds(first) > 0);
        Assert.Equal(0.0, Milliseconds(second));
        Assert.Equal(first.Data!.ToJsonString(), second.Data!.ToJsonString());
    }

    [Fact]
    public async Task WithTheCacheOffEveryReadIsAStoreCallAndNoneAHit()
    {
        await using var app = App(cached: false);
        var first = await app.PostGraphQLAsync(Strikes);
        var second = await app.PostGraphQLAsync(Strikes);

        Assert.Equal((2, 0, 0), Cost(first));
        Assert.Equal((2, 0, 0), Cost(second));
        // SQLite sends nothing over a network: no server requests, however many calls.
        Assert.Equal(0, (int)first.Body["extensions"]!["cost"]!["storeRequests"]!);
    }

    [Fact]
    public async Task AWriteBetweenSendsTheReadsItTouchedBackToTheStore()
    {
        await using var app = App(cached: true);
        await app.PostGraphQLAsync(Strikes);
        Assert.Equal((0, 2, 0), Cost(await app.PostGraphQLAsync(Strikes)));

        var written = await app.PostGraphQLAsync(
            "mutation($input: GraphInput!) { importGraph(input: $input) { relationsCreated } }",
            new
            {
                input = new
                {
                    organizations = new[] { new { id = "org:cost-test", name = "Cost test group", kind = "ARMED_GROUP" } },
                    relations = new[] { new { type = "CARRIED_OUT", fromId = "org:cost-test", toId = "event:2021-06-27-us-airstrikes" } },
                },
            }, ConflictGraphApp.WriteKey);
        // The write itself, then the data version and the log's entries that say what it changed.
        Assert.True(Cost(written).Calls >= 3, written.Body.ToJsonString());

        var after = await app.PostGraphQLAsync(Strikes);
        var (calls, hits, _) = Cost(after);
        // The event's perpetrators changed and are read again; the event node itself did not, and stays in memory.
        Assert.Equal((1, 1), (calls, hits));
        Assert.Contains(after.Data!["node"]!["perpetrators"]!.AsArray(), p => (string?)p!["id"] == "org:cost-test");
    }
}
