using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Live;

/// <summary>Raised into a subscriber's stream when it fell so far behind that changes had to be dropped.</summary>
public sealed class SlowSubscriberException(int buffered)
    : Exception($"the subscriber fell {buffered} change sets behind and was disconnected; reconnect to resume")
{
    public const string Code = "SLOW_CONSUMER";
}

/// <summary>
/// Hands each committed change set to every subscriber of this process through its own bounded
/// buffer: publishing never waits, and a subscriber that cannot keep up is ended alone.
/// </summary>
public sealed class InProcessChangeNotifier(IOptions<LiveOptions> options) : IGraphChangeNotifier
{
    private readonly Lock sync = new();
    private readonly List<Channel<GraphChanges>> subscribers = [];

    public int Subscribers
    {
        get
        {
            lock (sync) return subscribers.Count;
        }
    }

    public ValueTask PublishAsync(GraphChanges changes, CancellationToken cancellationToken)
    {
        Channel<GraphChanges>[] current;
        lock (sync) current = [.. subscribers];
        foreach (var channel in current)
            if (!channel.Writer.TryWrite(changes))
                channel.Writer.TryComplete(new SlowSubscriberException(options.Value.ChangeBuffer));
        return ValueTask.CompletedTask;
    }

    public async IAsyncEnumerable<GraphChanges> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<GraphChanges>(new BoundedChannelOptions(options.Value.ChangeBuffer)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        lock (sync) subscribers.Add(channel);
        try
        {
            await foreach (var changes in channel.Reader.ReadAllAsync(cancellationToken)) yield return changes;
        }
        finally
        {
            lock (sync) subscribers.Remove(channel);
        }
    }
}
