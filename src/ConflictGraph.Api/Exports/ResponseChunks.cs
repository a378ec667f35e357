using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Threading.Channels;

namespace ConflictGraph.Api.Exports;

/// <summary>
/// An export's bytes gathered in memory of its own and handed to the response's pipe a chunk at a
/// time. Kestrel's response pipe takes a lock on every <c>GetSpan</c> and <c>Advance</c>, which the
/// exports' many small writes (a cell, a property) paid per call; here they cost an array index, and
/// the pipe sees one copy per chunk.
/// The rows are read and written on a thread of their own (<see cref="StreamAsync"/>), which never
/// waits for the client unless <see cref="Queued"/> chunks are already waiting: the request's task sends
/// one chunk while the next is written, instead of the writer stopping at every chunk until Kestrel's
/// socket thread has taken it (and the pool's idle workers spinning in between). Memory stays at a few
/// chunks however long the export: 1 MiB each, about 3,000 CSV rows.
/// </summary>
internal sealed class ResponseChunks : IBufferWriter<byte>
{
    /// <summary>Bytes gathered before they are sent: large enough that a send is rare next to the rows.</summary>
    public const int Size = 1 << 20;

    /// <summary>Full chunks waiting to be sent before the writer waits for the client.</summary>
    private const int Queued = 2;

    private readonly Channel<ArrayBufferWriter<byte>> full =
        Channel.CreateBounded<ArrayBufferWriter<byte>>(new BoundedChannelOptions(Queued) { SingleReader = true, SingleWriter = true });

    /// <summary>Chunks the response has copied, to be written again.</summary>
    private readonly ConcurrentQueue<ArrayBufferWriter<byte>> spare = new();

    private readonly CancellationToken stopped;

    private ArrayBufferWriter<byte> pending = NewChunk();

    private ResponseChunks(CancellationToken stopped) => this.stopped = stopped;

    /// <summary>Whether a chunk's worth is waiting to be sent.</summary>
    public bool Full => pending.WrittenCount >= Size;

    /// <summary>Whether a chunk's worth is waiting with <paramref name="unwritten"/> more bytes a writer holds in memory it took from here.</summary>
    public bool FullWith(int unwritten) => pending.WrittenCount + unwritten >= Size;

    public void Advance(int count) => pending.Advance(count);

    public Memory<byte> GetMemory(int sizeHint = 0) => pending.GetMemory(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => pending.GetSpan(sizeHint);

    /// <summary>
    /// Hands what is gathered to the response and goes on in another chunk; waits only while
    /// <see cref="Queued"/> chunks wait for the client. Called on the writing thread.
    /// </summary>
    /// <exception cref="OperationCanceledException">The response has ended (the client left, or sending failed).</exception>
    public void Send()
    {
        if (pending.WrittenCount == 0) return;
        while (!full.Writer.TryWrite(pending))
            if (!full.Writer.WaitToWriteAsync(stopped).AsTask().GetAwaiter().GetResult()) throw new OperationCanceledException(stopped);
        pending = spare.TryDequeue(out var chunk) ? chunk : NewChunk();
    }

    /// <summary>
    /// Runs <paramref name="write"/> on a thread of its own, which writes into the chunks and calls
    /// <see cref="Send"/> when one is full; the chunks are copied into <paramref name="body"/> and
    /// flushed to the client here, in order, as they come. What <paramref name="write"/> throws is
    /// thrown here once the chunks before it are sent.
    /// </summary>
    public static async Task StreamAsync(PipeWriter body, Action<ResponseChunks> write, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var chunks = new ResponseChunks(stop.Token);
        var writer = Task.Factory.StartNew(() =>
        {
            try
            {
                write(chunks);
                chunks.Send();
            }
            finally
            {
                chunks.full.Writer.Complete();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            while (await chunks.full.Reader.WaitToReadAsync(cancellationToken))
            {
                while (chunks.full.Reader.TryRead(out var chunk))
                {
                    body.Write(chunk.WrittenSpan);
                    chunk.ResetWrittenCount();
                    chunks.spare.Enqueue(chunk);
                    await body.FlushAsync(cancellationToken);
                }
            }
        }
        catch
        {
            // Sending ended early: the writer stops at its next chunk, and is done before the rows' reader is disposed.
            await stop.CancelAsync();
            try
            {
                await writer;
            }
            catch
            {
                // The sending's failure is the one thrown.
            }
            throw;
        }
        await writer;
    }

    /// <summary>The next item of <paramref name="items"/>, waited for on the writing thread (a SQLite store's items are there at once).</summary>
    public static bool Next<T>(IAsyncEnumerator<T> items)
    {
        var next = items.MoveNextAsync();
        return next.IsCompletedSuccessfully ? next.Result : next.AsTask().GetAwaiter().GetResult();
    }

    private static ArrayBufferWriter<byte> NewChunk() => new(Size + (Size >> 2));
}
