using System.Net;
using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Live;

/// <summary>
/// Issue 10: subscriptions over HTTP are refused with an error, eventAdded asks the store which
/// new events match (so its filter means what Query.events means), and deleteNode tells
/// subscribers everything it changed.
/// </summary>
public sealed class LiveHardeningTests : IDisposable
{
    private readonly ConflictGraphApp app = new();

    [Fact]
    public async Task ASubscriptionSentOverHttpIsAnErrorNotEmptyData()
    {
        var response = await app.PostGraphQLAsync("subscription { graphChanged { nodes { id } } }", accept: "application/graphql-response+json");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["BAD_USER_INPUT"], response.Codes);
        Assert.Contains("WebSocket", response.Errors[0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task ASubscriptionAlreadyRunOverTheSocketIsStillRefusedOverHttp()
    {
        const string document = "subscription { graphChanged { nodes { id } } }";
        await using (var client = await ProtocolClient.ConnectAndInitAsync(app))
        {
            // Run once over the socket, the document is parsed, validated and kept by the document cache.
            await client.SubscribeAsync("s", document);
            await app.WaitForSubscribersAsync();
        }

        // Twice over HTTP: the rules a known document runs are drawn at the first and reused at the second.
        foreach (var _ in new[] { 1, 2 })
        {
            var response = await app.PostGraphQLAsync(document, accept: "application/graphql-response+json");

            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal(["BAD_USER_INPUT"], response.Codes);
            Assert.Contains("WebSocket", response.Errors[0]!["message"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task EventAddedMatchesTextTheWayTheEventsQueryDoes()
    {
        await using var client = await ProtocolClient.ConnectAndInitAsync(app);
        // The date's own words are searchable in Query.events; the filter means the same here.
        await client.SubscribeAsync("t", "subscription { eventAdded(filter: { text: \"ramadan\" }) { id } }");
        await app.WaitForSubscribersAsync();
        await app.PostGraphQLAsync(
            """mutation { importGraph(input: { events: [{ id: "event:live-text", title: "Shelling", kind: OTHER, date: { start: "2021-04-20", end: "2021-05-12", precision: MONTH, text: "during Ramadan" } }] }) { created } }""",
            key: ConflictGraphApp.WriteKey);

        var next = (await client.ReceiveAsync())!;

        Assert.Equal("event:live-text", next["payload"]!["data"]!["eventAdded"]!["id"]!.GetValue<string>());
        var query = await app.PostGraphQLAsync("{ events(filter: { text: \"ramadan\" }) { nodes { id } } }");
        Assert.Contains(query.Data!["events"]!["nodes"]!.AsArray(), n => n!["id"]!.GetValue<string>() == "event:live-text");
    }

    [Fact]
    public async Task DeletingASpeakerTellsSubscribersOfTheStatementsItRewrote()
    {
        await using var client = await ProtocolClient.ConnectAndInitAsync(app);
        await client.SubscribeAsync("d", "subscription { graphChanged { nodes { change id kind } relations { change id } } }");
        await app.WaitForSubscribersAsync();
        var spoken = await app.PostGraphQLAsync("{ statements(filter: { speakerId: \"person:john-kirby\" }) { nodes { id } } }");
        var statements = spoken.Data!["statements"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(statements);

        Assert.Empty((await app.PostGraphQLAsync("mutation { deleteNode(id: \"person:john-kirby\") }", key: ConflictGraphApp.WriteKey)).Errors);
        var changes = (await client.ReceiveAsync())!["payload"]!["data"]!["graphChanged"]!;
        var nodes = changes["nodes"]!.AsArray().Select(n => (n!["change"]!.GetValue<string>(), n["id"]!.GetValue<string>())).ToList();

        Assert.Contains(("DELETED", "person:john-kirby"), nodes);
        Assert.All(statements, id => Assert.Contains(("UPDATED", id), nodes));
        Assert.NotEmpty(changes["relations"]!.AsArray());
    }

    [Fact]
    public async Task FieldsBatchedTogetherShareOneFailure()
    {
        var stall = new Stall();
        using var failing = ConflictGraphApp.With(new Dictionary<string, string?>(), services => StallingStore.Install(services, stall));
        await failing.ReadyClientAsync();
        stall.FailExpand = true;

        var response = await failing.PostGraphQLAsync("{ a: node(id: \"place:syria\") { id } b: node(id: \"place:iraq\") { id } }");

        Assert.Equal(2, response.Errors.Count);
        Assert.All(response.Codes, code => Assert.Equal("STORE_UNAVAILABLE", code));
        Assert.DoesNotContain("test store", response.Body.ToJsonString());
    }

    public void Dispose() => app.Dispose();
}
