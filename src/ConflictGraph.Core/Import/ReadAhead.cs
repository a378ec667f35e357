using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace ConflictGraph.Core.Import;

/// <summary>
/// A sequence produced on a second thread a bounded distance ahead of its consumer, so reading and
/// parsing the next items overlaps with using the current ones (an import validates or writes on
/// one core while the other reads). The consumer sees the same items in the same order; at most
/// <c>blocks</c> full blocks wait between the two, so memory stays bounded. A failure of the
/// producer reaches the consumer where it happened, after every item before it; when the consumer
/// stops (done, failed or cancelled) the producer is cancelled and awaited before the enumeration
/// ends, so no thread outlives it and the source is disposed.
/// </summary>
public static class ReadAhead
{
    /// <param name="blockSize">Items handed over at once (one hand-over costs a few synchronizations).</param>
    /// <param name="blocks">Full blocks that may wait for the consumer.</param>
    public static async IAsyncEnumerable<T> Of<T>(
        IAsyncEnumerable<T> source, int blockSize, int blocks, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(blocks, 1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<List<T>>(new BoundedChannelOptions(blocks) { SingleReader = true, SingleWriter = true });
        ExceptionDispatchInfo? failure = null;
        var producer = Task.Run(async () =>
        {
            var block = new List<T>(blockSize);
            try
            {
                await foreach (var item in source.WithCancellation(stop.Token))
                {
                    block.Add(item);
                    if (block.Count < blockSize) continue;
                    await channel.Writer.WriteAsync(block, stop.Token);
                    block = new List<T>(blockSize);
                }
            }
            catch (Exception e)
            {
                // Read by the consumer once the channel is complete, which happens after this write.
                failure = ExceptionDispatchInfo.Capture(e);
            }
            try
            {
                // The items read before the end, or before the failure, which the consumer meets after them.
                if (block.Count > 0) await channel.Writer.WriteAsync(block, stop.Token);
            }
            catch (OperationCanceledException)
            {
                // The consumer has stopped and reads no more.
            }
            finally
            {
                channel.Writer.Complete();
            }
        }, CancellationToken.None);
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken))
            {
                while (channel.Reader.TryRead(out var block))
                {
                    foreach (var item in block) yield return item;
                }
            }
            failure?.Throw();
        }
        finally
        {
            stop.Cancel();
            await producer;
        }
    }
}
