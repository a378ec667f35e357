using System.Collections.Concurrent;
using System.Reflection;
using ConflictGraph.Api.Tests.Infrastructure;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictGraph.Api.Tests.Live;

/// <summary>What eventAdded asks the store when a write creates events: which of them match, and nothing it does not send.</summary>
public sealed class EventAddedPageTests
{
    [Fact]
    public async Task EventAddedAsksWhichNewEventsMatchWithoutCountingThem()
    {
        var pages = new ConcurrentQueue<PageRequest>();
        using var app = ConflictGraphApp.With(new Dictionary<string, string?>(), services => PageRecordingStore.Install(services, pages));
        await using var client = await ProtocolClient.ConnectAndInitAsync(app);
        await client.SubscribeAsync("e", "subscription { eventAdded(filter: { kinds: [PROTEST] }) { id } }");
        await app.WaitForSubscribersAsync();

        await app.PostGraphQLAsync(
            """mutation { importGraph(input: { events: [{ id: "event:live-rally", title: "Rally", kind: PROTEST }] }) { created } }""",
            key: ConflictGraphApp.WriteKey);
        var next = (await client.ReceiveAsync())!;

        Assert.Equal("event:live-rally", next["payload"]!["data"]!["eventAdded"]!["id"]!.GetValue<string>());
        // The subscription sends each match and never a total, so it asks for none.
        var asked = Assert.Single(pages);
        Assert.False(asked.CountTotal);
        Assert.Equal(1, asked.First);
    }
}

/// <summary>The real store, recording the page of every node read that names its nodes by id (a subscription's new events).</summary>
public class PageRecordingStore : StoreProxy
{
    private ConcurrentQueue<PageRequest> pages = null!;

    public static void Install(IServiceCollection services, ConcurrentQueue<PageRequest> pages) =>
        Install<PageRecordingStore>(services, self => self.pages = pages);

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        if (method!.Name == nameof(IGraphStore.FindNodesAsync) && args![0] is IReadOnlyList<(NodeQuery Query, PageRequest Page)> asked)
            foreach (var (query, page) in asked)
                if (query.Ids is not null) pages.Enqueue(page);
        return Forward(method, args);
    }
}
