using ConflictGraph.Api.Live;
using ConflictGraph.Core.Model;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Tests.Live;

public sealed class NotifierTests
{
    private static GraphChanges Change(string id) => new([new NodeChange(id, NodeKind.Event, ChangeKind.Created)], []);

    [Fact]
    public async Task ASlowSubscriberIsEndedAloneWhileOthersKeepReceiving()
    {
        var notifier = new InProcessChangeNotifier(Options.Create(new LiveOptions { ChangeBuffer = 2 }));
        using var stop = new CancellationTokenSource();
        var slow = notifier.SubscribeAsync(stop.Token).GetAsyncEnumerator();
        var fast = notifier.SubscribeAsync(stop.Token).GetAsyncEnumerator();
        // Each enumerator registers on its first MoveNext; start both, then publish.
        var slowFirst = slow.MoveNextAsync();
        var fastFirst = fast.MoveNextAsync();
        for (var i = 0; i < 20 && notifier.Subscribers < 2; i++) await Task.Delay(10);

        await notifier.PublishAsync(Change("event:1"), CancellationToken.None);
        Assert.True(await fastFirst);
        for (var i = 2; i <= 4; i++)
        {
            await notifier.PublishAsync(Change($"event:{i}"), CancellationToken.None);
            Assert.True(await fast.MoveNextAsync());
            Assert.Equal($"event:{i}", fast.Current.Nodes[0].Id);
        }

        Assert.True(await slowFirst);
        await Assert.ThrowsAsync<SlowSubscriberException>(async () =>
        {
            while (await slow.MoveNextAsync())
            {
            }
        });
        await stop.CancelAsync();
    }

    [Fact]
    public async Task NothingIsDeliveredToSubscribersThatLeft()
    {
        var notifier = new InProcessChangeNotifier(Options.Create(new LiveOptions()));
        using var stop = new CancellationTokenSource();
        var stream = notifier.SubscribeAsync(stop.Token).GetAsyncEnumerator();
        var first = stream.MoveNextAsync();
        for (var i = 0; i < 20 && notifier.Subscribers < 1; i++) await Task.Delay(10);
        Assert.Equal(1, notifier.Subscribers);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await first);
        await stream.DisposeAsync();
        Assert.Equal(0, notifier.Subscribers);
    }
}
