using System.Buffers;
using System.IO.Pipelines;

namespace ConflictGraph.Api.Exports;

/// <summary>
/// An export's bytes gathered in memory of its own and handed to the response's pipe a chunk at a
/// time. Kestrel's response pipe takes a lock on every <c>GetSpan</c> and <c>Advance</c>, which the
/// exports' many small writes (a cell, a property) paid per call; here they cost an array index, and
/// the pipe sees one copy per chunk. Memory stays at about a chunk however long the export.
/// Each send hands the request over to Kestrel's socket thread and back (two thread-pool wake-ups, and
/// the pool's idle workers spin for work between them), so a chunk is large: 256 KiB, about 800 CSV rows.
/// </summary>
internal sealed class ResponseChunks(PipeWriter body) : IBufferWriter<byte>
{
    /// <summary>Bytes gathered before they are sent: large enough that a send is rare next to the rows.</summary>
    public const int Size = 1 << 18;

    private readonly ArrayBufferWriter<byte> pending = new(Size + (Size >> 2));

    /// <summary>Whether a chunk's worth is waiting to be sent.</summary>
    public bool Full => pending.WrittenCount >= Size;

    /// <summary>Whether a chunk's worth is waiting with <paramref name="unwritten"/> more bytes a writer holds in memory it took from here.</summary>
    public bool FullWith(int unwritten) => pending.WrittenCount + unwritten >= Size;

    public void Advance(int count) => pending.Advance(count);

    public Memory<byte> GetMemory(int sizeHint = 0) => pending.GetMemory(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => pending.GetSpan(sizeHint);

    /// <summary>Copies what is gathered into the response and flushes it to the client.</summary>
    public async ValueTask SendAsync(CancellationToken cancellationToken)
    {
        if (pending.WrittenCount > 0)
        {
            body.Write(pending.WrittenSpan);
            pending.ResetWrittenCount();
        }
        await body.FlushAsync(cancellationToken);
    }
}
