namespace ConflictGraph.Benchmarks.Http1;

/// <summary>
/// The bytes of one connection as lines (a head's, a chunk's size) and runs of bytes skipped (bodies), counting where in
/// the current answer each starts so that an error can name the byte. A line ends at LF; a CR right before it is dropped
/// (RFC 9112 section 2.2 lets a recipient take a bare LF as a line's end), a CR anywhere else is malformed.
/// </summary>
internal sealed class LineBuffer(Stream stream, int lineLimit)
{
    private byte[] buffer = new byte[16 * 1024];
    private int start, end;
    // Bytes taken off the connection so far, and where the current answer began among them.
    private long consumed, answerStart;

    /// <summary>Bytes of the current answer read so far: where the next line or body byte starts.</summary>
    public long Position => consumed - answerStart;

    public void StartAnswer() => answerStart = consumed;

    /// <summary>The next line without its line end; valid until the next call. <paramref name="what"/> names the part read, for errors.</summary>
    public ReadOnlyMemory<byte> ReadLine(string what)
    {
        var searched = 0;
        while (true)
        {
            var lf = Array.IndexOf(buffer, (byte)'\n', start + searched, end - start - searched);
            if (lf >= 0)
            {
                var length = lf - start;
                if (length > 0 && buffer[lf - 1] == '\r') length--;
                var line = new ReadOnlyMemory<byte>(buffer, start, length);
                var cr = line.Span.IndexOf((byte)'\r');
                if (cr >= 0) throw ResponseReader.Malformed($"a CR not followed by LF in {what}", Position + cr);
                consumed += lf + 1 - start;
                start = lf + 1;
                return line;
            }
            searched = end - start;
            if (searched >= lineLimit) throw ResponseReader.Malformed($"a line of {what} longer than {lineLimit:N0} bytes", Position);
            if (Fill() == 0)
                throw ResponseReader.Malformed(Position == 0 && searched == 0
                    ? "the connection closed before any byte of the answer"
                    : $"the connection closed in {what}", Position + searched);
        }
    }

    /// <summary>Reads and drops up to <paramref name="count"/> bytes; fewer only when the connection closes first.</summary>
    public long Skip(long count)
    {
        long skipped = 0;
        while (skipped < count)
        {
            if (start == end && Fill() == 0) break;
            var take = (int)Math.Min(end - start, count - skipped);
            start += take;
            consumed += take;
            skipped += take;
        }
        return skipped;
    }

    /// <summary>Reads more bytes after those held (moved to the front first, the buffer grown when a line fills it); 0 at the end of the stream.</summary>
    private int Fill()
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            (end, start) = (end - start, 0);
        }
        if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        var read = stream.Read(buffer, end, buffer.Length - end);
        end += read;
        return read;
    }
}
