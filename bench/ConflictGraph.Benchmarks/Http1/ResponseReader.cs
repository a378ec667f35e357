namespace ConflictGraph.Benchmarks.Http1;

/// <summary>What one HTTP/1.1 answer was: its status, the bytes of its body (chunked bodies decoded), and whether the connection stays open.</summary>
public readonly record struct Answer(int Status, long BodyBytes, bool KeepAlive)
{
    public bool IsSuccess => Status is >= 200 and <= 299;
}

/// <summary>An answer that does not follow RFC 9112's framing: what was wrong, and at which byte of the answer.</summary>
public sealed class MalformedResponseException(string message) : Exception(message);

/// <summary>
/// Reads HTTP/1.1 answers off one connection, one after another, every byte of each: the status line, the header fields
/// (only Content-Length, Transfer-Encoding and Connection are interpreted), then the body framed as RFC 9112 section 6.3
/// says: none for 1xx, 204, 304 and an answer to HEAD; chunked when it is the last transfer coding; Content-Length; else
/// until the server closes. Interim 1xx answers are read and passed over. Anything else is a
/// <see cref="MalformedResponseException"/> naming the byte, never a guess. Reads block: the stream's own timeout bounds each.
/// </summary>
public sealed class ResponseReader(Stream stream, int headLimit = 64 * 1024)
{
    private readonly LineBuffer lines = new(stream, headLimit);

    /// <param name="head">The request was HEAD: the answer has no body whatever its fields say.</param>
    public Answer Read(bool head)
    {
        lines.StartAnswer();
        while (true)
        {
            var fields = ReadHead();
            if (fields.Status == 101) throw Malformed("a 101 (switching protocols) answer to a plain request", fields.StatusAt);
            // An interim answer (100 Continue, 103 Early Hints): the final one follows on the same connection.
            if (fields.Status < 200) continue;
            var keepAlive = fields.KeepAlive;
            long body;
            switch (FramingRules.Of(fields, head))
            {
                case Framing.None: body = 0; break;
                case Framing.Chunked: body = new ChunkedBody(lines).Read(); break;
                case Framing.Length: body = ReadLength(fields.ContentLength!.Value); break;
                default: body = lines.Skip(long.MaxValue); keepAlive = false; break;
            }
            // Both framings given: chunked was read, but the answer may be a smuggling attempt; do not reuse the connection.
            if (fields.TransferEncoding is not null && fields.ContentLength is not null) keepAlive = false;
            return new Answer(fields.Status, body, keepAlive);
        }
    }

    private HeadFields ReadHead()
    {
        var at = lines.Position;
        var statusLine = lines.ReadLine("the status line");
        var fields = StatusLine.Parse(statusLine.Span, at);
        while (true)
        {
            at = lines.Position;
            var line = lines.ReadLine("the header fields");
            if (line.Length == 0) return fields;
            fields.Add(line.Span, at);
        }
    }

    private long ReadLength(long length)
    {
        var start = lines.Position;
        var skipped = lines.Skip(length);
        if (skipped < length)
            throw Malformed($"the connection closed {skipped:N0} bytes into a body of Content-Length {length:N0}", start + skipped);
        return length;
    }

    internal static MalformedResponseException Malformed(string what, long at) => new($"malformed HTTP answer: {what}, at byte {at:N0} of the answer");
}
