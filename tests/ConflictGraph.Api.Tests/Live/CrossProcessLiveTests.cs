using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Live;

/// <summary>
/// Two service processes on one SQLite file and the CLI writing to it: live updates come from the
/// store's change log, so every subscriber of either process hears every writer.
/// </summary>
public sealed class CrossProcessLiveTests : IDisposable
{
    private const string Subscription =
        "subscription ($after: String) { graphChanged(after: $after) { cursor batchId nodes { id change } relations { id change } } }";

    private readonly string folder = Directory.CreateTempSubdirectory("conflictgraph-crossprocess-").FullName;

    private string StorePath => Path.Combine(folder, "graph.db");

    private static string Import(params string[] ids) =>
        $$"""mutation { importGraph(input: { organizations: [{{string.Join(", ", ids.Select(id => $$"""{ id: "{{id}}", name: "Group {{id}}", kind: ARMED_GROUP }"""))}}] }) { batchId } }""";

    private string CliFile(string name, int organizations)
    {
        var path = Path.Combine(folder, $"{name}.json");
        var items = Enumerable.Range(0, organizations).Select(i => new JsonObject { ["id"] = $"org:{name}-{i}", ["name"] = $"{name} {i}", ["kind"] = "ARMED_GROUP" });
        File.WriteAllText(path, new JsonObject { ["organizations"] = new JsonArray([.. items]) }.ToJsonString());
        return path;
    }

    /// <summary>The log's writes after a cursor, oldest first: each batch once, with the cursor of its last entry and its writer.</summary>
    private static async Task<List<(string Batch, string Cursor, string Writer)>> BatchesAfterAsync(ApiProcess api, string after)
    {
        var batches = new List<(string Batch, string Cursor, string Writer)>();
        for (string? page = after; page is not null;)
        {
            var history = (await api.PostAsync(
                "query ($after: String) { history(after: $after, first: 100) { pageInfo { hasNextPage endCursor } edges { cursor node { batchId writer } } } }", new { after = page }))["history"]!;
            foreach (var edge in history["edges"]!.AsArray())
            {
                var (batch, cursor, writer) = (edge!["node"]!["batchId"]!.GetValue<string>(), edge["cursor"]!.GetValue<string>(), edge["node"]!["writer"]!.GetValue<string>());
                if (batches.Count > 0 && batches[^1].Batch == batch) batches[^1] = (batch, cursor, writer);
                else batches.Add((batch, cursor, writer));
            }
            page = history["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? history["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        return batches;
    }

    /// <summary>The cursor of the log's newest entry, in a log of a few entries.</summary>
    private static async Task<string> NewestCursorAsync(ApiProcess api) =>
        (await api.PostAsync("{ history(first: 100) { edges { cursor } } }"))["history"]!["edges"]!.AsArray()[^1]!["cursor"]!.GetValue<string>();

    private static async Task<List<(string Batch, string Cursor)>> ReceiveAsync(ProtocolClient client, int count)
    {
        var received = new List<(string Batch, string Cursor)>();
        while (received.Count < count)
        {
            var message = await client.ReceiveAsync();
            Assert.True(message is not null, $"the socket closed after {received.Count} of {count} change sets");
            Assert.Equal("next", message!["type"]!.GetValue<string>());
            var changes = message["payload"]!["data"]!["graphChanged"]!;
            received.Add((changes["batchId"]!.GetValue<string>(), changes["cursor"]!.GetValue<string>()));
        }
        return received;
    }

    [Fact]
    public async Task EverySubscriberOfBothInstancesReceivesEveryWritersChangeSetsOnceInCursorOrder()
    {
        await using var alpha = await ApiProcess.StartAsync(StorePath, "alpha");
        await using var beta = await ApiProcess.StartAsync(StorePath, "beta");
        // Subscribing after a known cursor: no write below can slip in before a subscription is registered.
        await alpha.PostAsync(Import("org:start"));
        var start = await NewestCursorAsync(alpha);
        var clients = new[] { await alpha.ConnectAsync(), await alpha.ConnectAsync(), await beta.ConnectAsync(), await beta.ConnectAsync() };
        foreach (var client in clients) await client.SubscribeAsync("changes", Subscription, new { after = start });

        var cliFile = CliFile("cli", 50);
        var cli = ApiProcess.RunCliAsync(StorePath, "import", cliFile);
        await Task.WhenAll(alpha.PostAsync(Import("org:a1")), beta.PostAsync(Import("org:b1", "org:b2")), alpha.PostAsync(Import("org:a2")));
        Assert.Equal(0, (await cli).Exit);
        await beta.PostAsync("""mutation { deleteNode(id: "org:a1") }""");
        await alpha.PostAsync(Import("org:b2-renamed"));

        var expected = await BatchesAfterAsync(alpha, start);
        Assert.Equal(6, expected.Count);
        Assert.Equal(["alpha", "beta", "cli"], expected.Select(b => b.Writer).Distinct().Order());
        foreach (var client in clients)
            Assert.Equal(expected.Select(b => (b.Batch, b.Cursor)), await ReceiveAsync(client, expected.Count));

        // Nothing came twice: the next message of each subscriber is the next write.
        var last = (await beta.PostAsync(Import("org:last")))["importGraph"]!["batchId"]!.GetValue<string>();
        foreach (var client in clients)
        {
            Assert.Equal(last, (await ReceiveAsync(client, 1))[0].Batch);
            await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task AClientThatDroppedDuringAWriteResubscribesAfterItsLastCursorAndGetsWhatItMissed()
    {
        await using var alpha = await ApiProcess.StartAsync(StorePath, "alpha");
        await using var beta = await ApiProcess.StartAsync(StorePath, "beta");
        await alpha.PostAsync(Import("org:start"));
        var start = await NewestCursorAsync(alpha);
        var client = await alpha.ConnectAsync();
        await client.SubscribeAsync("changes", Subscription, new { after = start });
        await beta.PostAsync(Import("org:seen"));
        var (_, seen) = (await ReceiveAsync(client, 1))[0];

        // The connection drops while the CLI is writing, and more writes land before it comes back.
        var cli = ApiProcess.RunCliAsync(StorePath, "import", CliFile("missed", 2000));
        await Task.Delay(200);
        client.Socket.Abort();
        Assert.Equal(0, (await cli).Exit);
        await beta.PostAsync(Import("org:missed-too"));

        var expected = await BatchesAfterAsync(alpha, seen);
        Assert.Equal(["cli", "beta"], expected.Select(b => b.Writer));
        await using var again = await beta.ConnectAsync();
        await again.SubscribeAsync("changes", Subscription, new { after = seen });
        Assert.Equal(expected.Select(b => (b.Batch, b.Cursor)), await ReceiveAsync(again, expected.Count));
        await client.DisposeAsync();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
