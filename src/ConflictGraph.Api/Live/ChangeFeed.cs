using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ConflictGraph.Core.Store;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Live;

/// <summary>
/// Live updates read from the store's change log, so every writer is heard: this service, another
/// instance on the same store, the CLI. While anyone subscribes, one loop per process tails the log
/// from a cursor, waking every <see cref="LiveOptions.PollInterval"/> or sooner when this process
/// wrote (<see cref="Wake"/>, only a hint), and hands each change set to every subscriber through
/// its own bounded buffer: publishing never waits, and a subscriber that cannot keep up is ended alone.
/// </summary>
public sealed class ChangeFeed(IGraphStore store, IOptions<LiveOptions> options, ILogger<ChangeFeed> logger) : IAsyncDisposable
{
    /// <summary>Log entries read per store call; a larger write is gathered over several.</summary>
    private const int PageSize = 4096;

    private readonly Lock sync = new();
    private readonly List<Channel<GraphChanges>> subscribers = [];
    // Held while the tail reads and publishes, and while a subscriber joins: a subscriber sees every
    // change set after the tail's position from its buffer, and reads what came before from the log.
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly SemaphoreSlim wake = new(0, 1);
    private readonly CancellationTokenSource stopping = new();
    private long position = -1;
    private Task? tail;

    public int Subscribers
    {
        get
        {
            lock (sync) return subscribers.Count;
        }
    }

    /// <summary>Says that this process just committed a write, so the tail reads now instead of at its next poll.</summary>
    public void Wake()
    {
        try
        {
            if (wake.CurrentCount == 0) wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another write woke it first.
        }
        catch (ObjectDisposedException)
        {
            // Shutting down.
        }
    }

    /// <summary>
    /// Every change set committed after log position <paramref name="after"/> (null: from now), each
    /// once and in commit order: first what the log already holds, then live until cancelled.
    /// </summary>
    public async IAsyncEnumerable<GraphChanges> SubscribeAsync(long? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = Channel.CreateBounded<GraphChanges>(new BoundedChannelOptions(options.Value.ChangeBuffer)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        long last;
        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = await store.GetDataVersionAsync(cancellationToken);
            if (position < 0) position = now;
            last = after ?? now;
            lock (sync)
            {
                subscribers.Add(buffer);
                tail ??= Task.Run(TailAsync);
            }
        }
        finally
        {
            gate.Release();
        }
        Wake();
        try
        {
            if (after is not null)
            {
                await foreach (var changes in ChangeSets.SinceAsync(store, last, PageSize, cancellationToken))
                {
                    last = changes.Cursor;
                    yield return changes;
                }
            }
            await foreach (var changes in buffer.Reader.ReadAllAsync(cancellationToken))
            {
                // What the replay already gave is in the buffer too.
                if (changes.Cursor <= last) continue;
                last = changes.Cursor;
                yield return changes;
            }
        }
        finally
        {
            lock (sync) subscribers.Remove(buffer);
        }
    }

    private async Task TailAsync()
    {
        var token = stopping.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                // With nobody listening there is nothing to poll for: the next subscriber wakes the tail.
                if (Subscribers == 0) await wake.WaitAsync(token);
                else await wake.WaitAsync(options.Value.PollInterval, token);
                await PublishNewAsync(token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A busy or unavailable store is tried again at the next poll; the cursor has not moved.
                logger.LogWarning(e, "Live updates could not read the change log after position {Position}; retrying", position);
                await Task.Delay(options.Value.PollInterval, CancellationToken.None);
            }
        }
    }

    private async Task PublishNewAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            Channel<GraphChanges>[] current;
            lock (sync) current = [.. subscribers];
            if (current.Length == 0)
            {
                // The next subscriber starts the tail again from the log's end.
                position = -1;
                return;
            }
            await foreach (var changes in ChangeSets.SinceAsync(store, position, PageSize, cancellationToken))
            {
                position = changes.Cursor;
                foreach (var buffer in current)
                    if (!buffer.Writer.TryWrite(changes))
                        buffer.Writer.TryComplete(new SlowSubscriberException(options.Value.ChangeBuffer));
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        Task? running;
        lock (sync) running = tail;
        if (running is not null) await running;
        stopping.Dispose();
        gate.Dispose();
        wake.Dispose();
    }
}
