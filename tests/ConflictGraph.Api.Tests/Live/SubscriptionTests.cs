using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Live;

/// <summary>Subscriptions end to end: subscribe over the socket, write over HTTP, receive what changed.</summary>
public sealed class SubscriptionTests : IDisposable
{
    private readonly ConflictGraphApp app = new();

    private Task<GraphQLResponse> ImportEventAsync(string id, string kind = "OTHER") => app.PostGraphQLAsync(
        $$"""mutation { importGraph(input: { events: [{ id: "{{id}}", title: "New {{id}}", kind: {{kind}} }] }) { created } }""",
        key: ConflictGraphApp.WriteKey);

    [Fact]
    public async Task AnImportIsReceivedOnceAfterItCommits()
    {
        await using var client = await ProtocolClient.ConnectAndInitAsync(app);
        await client.SubscribeAsync("1", "subscription { graphChanged(kinds: [EVENT]) { nodes { change id kind node { ... on Event { title } } } } }");
        await app.WaitForSubscribersAsync();
        Assert.Empty((await ImportEventAsync("event:live-1")).Errors);
        var next = (await client.ReceiveAsync())!;
        Assert.Equal(("next", "1"), (next["type"]!.GetValue<string>(), next["id"]!.GetValue<string>()));
        var change = next["payload"]!["data"]!["graphChanged"]!["nodes"]![0]!;
        Assert.Equal(("CREATED", "event:live-1", "New event:live-1"),
            (change["change"]!.GetValue<string>(), change["id"]!.GetValue<string>(), change["node"]!["title"]!.GetValue<string>()));

        await client.SendAsync(new { id = "1", type = "complete" });
        await client.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await client.ReceiveAsync())!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARejectedImportNotifiesNothing()
    {
        await using var client = await ProtocolClient.ConnectAndInitAsync(app);
        await client.SubscribeAsync("a", "subscription { graphChanged { nodes { id } relations { id } } }");
        await app.WaitForSubscribersAsync();
        var rejected = await app.PostGraphQLAsync(
            """mutation { importGraph(input: { relations: [{ type: KILLED, fromId: "event:nowhere", toId: "person:nobody" }] }) { created } }""",
            key: ConflictGraphApp.WriteKey);
        Assert.Contains("BAD_USER_INPUT", rejected.Codes);
        Assert.Empty((await ImportEventAsync("event:live-after")).Errors);
        var first = (await client.ReceiveAsync())!;
        Assert.Equal("event:live-after", first["payload"]!["data"]!["graphChanged"]!["nodes"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task EventAddedSendsOnlyEventsThatMatchTheFilter()
    {
        await using var client = await ProtocolClient.ConnectAndInitAsync(app);
        await client.SubscribeAsync("e", "subscription { eventAdded(filter: { kinds: [PROTEST] }) { id kind } }");
        await app.WaitForSubscribersAsync();
        await ImportEventAsync("event:live-other", "OTHER");
        await ImportEventAsync("event:live-protest", "PROTEST");
        var next = (await client.ReceiveAsync())!;
        Assert.Equal("event:live-protest", next["payload"]!["data"]!["eventAdded"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task QueriesAndMutationsWorkOverTheSocket()
    {
        await using var client = await ProtocolClient.ConnectAndInitAsync(app, new { authorization = $"Bearer {ConflictGraphApp.WriteKey}" });
        await client.SubscribeAsync("q", "{ stats { nodes } }");
        var next = (await client.ReceiveAsync())!;
        Assert.Equal(98, next["payload"]!["data"]!["stats"]!["nodes"]!.GetValue<int>());
        Assert.Equal("complete", (await client.ReceiveAsync())!["type"]!.GetValue<string>());
        await client.SubscribeAsync("m", "mutation { deleteNode(id: \"person:joe-biden\") }");
        Assert.True((await client.ReceiveAsync())!["payload"]!["data"]!["deleteNode"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AChangeSetCarriesTheWritesBatchAndTheCursorThatHistoryGivesIt()
    {
        await using var client = await ProtocolClient.ConnectAndInitAsync(app);
        await client.SubscribeAsync("c", "subscription { graphChanged { cursor batchId nodes { id } } }");
        await app.WaitForSubscribersAsync();
        var imported = await app.PostGraphQLAsync(
            """mutation { importGraph(input: { events: [{ id: "event:cursor", title: "Cursor", kind: OTHER }] }) { batchId } }""", key: ConflictGraphApp.WriteKey);
        var changes = (await client.ReceiveAsync())!["payload"]!["data"]!["graphChanged"]!;

        Assert.Equal(imported.Data!["importGraph"]!["batchId"]!.GetValue<string>(), changes["batchId"]!.GetValue<string>());
        var history = await app.PostGraphQLAsync("""{ history(targetId: "event:cursor") { edges { cursor node { batchId } } } }""");
        Assert.Equal(history.Data!["history"]!["edges"]![0]!["cursor"]!.GetValue<string>(), changes["cursor"]!.GetValue<string>());
    }

    [Fact]
    public async Task AWithdrawalReachesSubscribersAsAnUpdatedRelation()
    {
        var relation = (await app.PostGraphQLAsync("""{ relations(filter: { statuses: [UNCONTESTED] }, first: 1) { nodes { id claims { statement { id } } } } }"""))
            .Data!["relations"]!["nodes"]![0]!;
        await using var client = await ProtocolClient.ConnectAndInitAsync(app);
        await client.SubscribeAsync("w", "subscription { graphChanged { relations { id change } } }");
        await app.WaitForSubscribersAsync();
        var withdrawn = await app.PostGraphQLAsync(
            "mutation ($s: ID!, $r: ID) { withdrawClaim(statementId: $s, relationId: $r) }",
            new { s = relation["claims"]![0]!["statement"]!["id"]!.GetValue<string>(), r = relation["id"]!.GetValue<string>() }, key: ConflictGraphApp.WriteKey);
        Assert.True(withdrawn.Data!["withdrawClaim"]!.GetValue<bool>());

        var change = (await client.ReceiveAsync())!["payload"]!["data"]!["graphChanged"]!["relations"]![0]!;
        Assert.Equal((relation["id"]!.GetValue<string>(), "UPDATED"), (change["id"]!.GetValue<string>(), change["change"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ACursorThatIsNotOneOfOursIsRefusedNamingIt()
    {
        await using var client = await ProtocolClient.ConnectAndInitAsync(app);
        await client.SubscribeAsync("bad", """subscription { graphChanged(after: "not-a-cursor") { cursor } }""");
        var error = (await client.ReceiveAsync())!;
        Assert.Contains(error["type"]!.GetValue<string>(), new[] { "error", "next" });
        Assert.Contains("not-a-cursor", error.ToJsonString());
        Assert.Contains("BAD_USER_INPUT", error.ToJsonString());
    }

    [Fact]
    public async Task AnInvalidOperationGetsAnErrorMessage()
    {
        await using var client = await ProtocolClient.ConnectAndInitAsync(app);
        await client.SubscribeAsync("bad", "subscription { noSuchField }");
        var error = (await client.ReceiveAsync())!;
        Assert.Equal(("error", "bad"), (error["type"]!.GetValue<string>(), error["id"]!.GetValue<string>()));
        Assert.NotEmpty(error["payload"]!.AsArray());
    }


    public void Dispose() => app.Dispose();
}
