using ConflictGraph.Core.Import;

namespace ConflictGraph.Core.Tests.Import;

public sealed class ReadAheadTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task TheConsumerSeesEveryItemInTheSourcesOrder()
    {
        var source = new CountingSource(10_000);

        var seen = await CollectAsync(ReadAhead.Of(source.ReadAsync(None), blockSize: 7, blocks: 2, None));

        Assert.Equal(Enumerable.Range(0, 10_000), seen);
        Assert.True(source.Disposed);
    }

    [Fact]
    public async Task AFailureOfTheSourceReachesTheConsumerAfterEveryItemBeforeIt()
    {
        var source = new CountingSource(int.MaxValue) { FailAt = 1_000 };
        var seen = new List<int>();

        var error = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var item in ReadAhead.Of(source.ReadAsync(None), blockSize: 64, blocks: 2, None)) seen.Add(item);
        });

        Assert.Equal("item 1000 cannot be read", error.Message);
        Assert.Equal(Enumerable.Range(0, 1_000), seen);
        Assert.True(source.Disposed);
    }

    [Fact]
    public async Task AConsumerThatStopsEarlyStopsTheSourceBeforeItsEnumerationEndsAndTheSourceRanOnlyABoundedWayAhead()
    {
        var source = new CountingSource(int.MaxValue);
        var seen = 0;

        await foreach (var _ in ReadAhead.Of(source.ReadAsync(None), blockSize: 10, blocks: 2, None))
        {
            if (++seen == 25) break;
        }

        Assert.True(source.Disposed);
        // The block in the consumer's hands, the two waiting, and the one being filled.
        Assert.InRange(source.Produced, 25, 30 + 3 * 10);
    }

    [Fact]
    public async Task AConsumerThatFailsStopsTheSourceAndKeepsItsOwnError()
    {
        var source = new CountingSource(int.MaxValue);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var item in ReadAhead.Of(source.ReadAsync(None), blockSize: 10, blocks: 1, None))
                if (item == 500) throw new InvalidOperationException("the write failed at item 500");
        });

        Assert.Equal("the write failed at item 500", error.Message);
        Assert.True(source.Disposed);
    }

    [Fact]
    public async Task CancellingTheConsumerCancelsTheSourceAndEndsWithACancellation()
    {
        var source = new CountingSource(int.MaxValue);
        using var stop = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in ReadAhead.Of(source.ReadAsync(stop.Token), blockSize: 10, blocks: 1, stop.Token))
                if (item == 100) stop.Cancel();
        });

        Assert.True(source.Disposed);
    }

    private static async Task<List<int>> CollectAsync(IAsyncEnumerable<int> items)
    {
        var list = new List<int>();
        await foreach (var item in items) list.Add(item);
        return list;
    }

    /// <summary>0, 1, 2, ... up to a count, failing at one item if asked; notes how far it got and whether it was disposed.</summary>
    private sealed class CountingSource(int count)
    {
        public int? FailAt { get; init; }

        public int Produced => Volatile.Read(ref produced);

        public bool Disposed => Volatile.Read(ref disposed);

        private int produced;
        private bool disposed;

        public async IAsyncEnumerable<int> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            try
            {
                for (var i = 0; i < count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (i == FailAt) throw new IOException($"item {i} cannot be read");
                    Interlocked.Increment(ref produced);
                    yield return i;
                }
            }
            finally
            {
                Volatile.Write(ref disposed, true);
            }
            await Task.CompletedTask;
        }
    }
}
