using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Performance;

/// <summary>
/// Through GraphQL over HTTP, many requests at once for a spread of nodes, each asked by several callers together:
/// with the read cache on, every answer is the cache-off service's byte for byte, and each read of every request is
/// counted once in its cost report (a store call, a hit or a share of another caller's call); reads that came round
/// are then served from memory, and a write makes only what it touched go back to the store. The same holds while the
/// kinds of read are screened (judged every 4 reads here, so the spread's first reads screen them): a read asked for the
/// first time goes straight to the store, and one that came round is looked up, kept and served as with any kind.
/// </summary>
public sealed class ReadCacheHttpTests
{
    private const string NodeQuery = "query($id: ID!) { node(id: $id) { id ... on Event { title kind perpetrators { id name } } } }";

    private static ConflictGraphApp App(bool cached, bool screening = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConflictGraph:Diagnostics:Cost"] = "true",
            ["ConflictGraph:Caching:StoreReads"] = cached ? "true" : "false",
            // The data version read once, at the first request, so the counts below hold however slow the machine.
            ["ConflictGraph:Caching:VersionCheckInterval"] = "01:00:00",
            // Nodes by id and a level's expansion, which these counts watch, are kept on SQLite only when told (AnchoredReadsTests).
            ["ConflictGraph:Caching:AnchoredReads"] = "true",
        };
        if (screening)
        {
            settings["ConflictGraph:Caching:HitRateWindow"] = "4";
            settings["ConflictGraph:Caching:MinimumHitRate"] = "0.5";
        }
        return ConflictGraphApp.With(settings);
    }

    private static (int Calls, int Hits, int Shared) Cost(GraphQLResponse response)
    {
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        var cost = response.Body["extensions"]!["cost"]!;
        return ((int)cost["storeCalls"]!, (int)cost["cacheHits"]!, (int)cost["sharedCalls"]!);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ConcurrentSpreadRequestsAnswerAsWithoutTheCacheAndCountEveryReadOnce(bool screening)
    {
        await using var plain = App(cached: false);
        await using var cached = App(cached: true, screening);
        var listed = await plain.PostGraphQLAsync("{ events(first: 24) { nodes { id } } }");
        var ids = listed.Data!["events"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!).ToList();
        Assert.True(ids.Count >= 8, listed.Body.ToJsonString());
        // Takes the version read, so every request after it counts its own reads only.
        Cost(await cached.PostGraphQLAsync("{ events(first: 1) { nodes { id } } }"));

        var expected = new Dictionary<string, (string Data, int Reads)>();
        foreach (var id in ids)
        {
            var answer = await plain.PostGraphQLAsync(NodeQuery, new { id });
            expected[id] = (answer.Data!.ToJsonString(), Cost(answer).Calls);
        }

        async Task Round(int callers)
        {
            var asked = ids.SelectMany(id => Enumerable.Repeat(id, callers)).ToList();
            var answers = await Task.WhenAll(asked.Select(id => Task.Run(() => cached.PostGraphQLAsync(NodeQuery, new { id }))));
            foreach (var (id, answer) in asked.Zip(answers))
            {
                var (calls, hits, shared) = Cost(answer);
                Assert.Equal(expected[id].Data, answer.Data!.ToJsonString());
                Assert.Equal(expected[id].Reads, calls + hits + shared);
            }
        }

        await Round(callers: 4);
        // Asked again one at a time until each read has gone to the store twice: kept then, and answered from memory.
        await Round(callers: 1);
        await Round(callers: 1);
        foreach (var id in ids)
        {
            var again = await cached.PostGraphQLAsync(NodeQuery, new { id });
            Assert.Equal(expected[id].Data, again.Data!.ToJsonString());
            Assert.Equal((0, expected[id].Reads, 0), Cost(again));
        }

        // A write through the service: the event it renamed is read afresh, as the uncached service answers it; the rest stay in memory.
        var renamed = ids[0];
        var kind = (string)(await plain.PostGraphQLAsync(NodeQuery, new { id = renamed })).Data!["node"]!["kind"]!;
        var write = $$"""mutation { importGraph(input: { events: [{ id: "{{renamed}}", title: "Renamed", kind: {{kind}} }] }) { updated } }""";
        foreach (var app in new[] { plain, cached })
            Assert.Equal(1, (await app.PostGraphQLAsync(write, key: ConflictGraphApp.WriteKey)).Data!["importGraph"]!["updated"]!.GetValue<int>());
        foreach (var id in ids)
        {
            var now = await plain.PostGraphQLAsync(NodeQuery, new { id });
            var answer = await cached.PostGraphQLAsync(NodeQuery, new { id });
            Assert.Equal(now.Data!.ToJsonString(), answer.Data!.ToJsonString());
            if (id == renamed) Assert.Equal("Renamed", (string)answer.Data!["node"]!["title"]!);
            else Assert.Equal((0, expected[id].Reads, 0), Cost(answer));
        }
    }
}
