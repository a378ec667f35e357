using System.Buffers.Text;
using System.Text;

namespace ConflictGraph.Benchmarks.Http1;

/// <summary>
/// A query's requests as HTTP/1.1 bytes: everything but what varies (a GraphQL request's variables and its length, a GET's
/// path) prepared once; <see cref="Write"/> puts variant n's request into a buffer of the caller's.
/// </summary>
public sealed class RequestTemplate
{
    private readonly BenchQuery query;
    private readonly byte[] head, afterLength, bodyStart, getStart, getEnd;

    public RequestTemplate(BenchQuery query, Uri server)
    {
        this.query = query;
        var host = $"Host: {server.Authority}\r\n";
        head = Encoding.ASCII.GetBytes($"POST /graphql HTTP/1.1\r\n{host}Content-Type: application/json\r\n" +
                                       "Accept: application/graphql-response+json, application/json\r\nContent-Length: ");
        afterLength = "\r\n\r\n"u8.ToArray();
        bodyStart = query.BodyStart;
        getStart = "GET "u8.ToArray();
        getEnd = Encoding.ASCII.GetBytes($" HTTP/1.1\r\n{host}\r\n");
    }

    /// <summary>Request <paramref name="index"/> (variant index modulo the query's variants) into <paramref name="buffer"/>, grown when short.</summary>
    /// <returns>The request's length in bytes.</returns>
    public int Write(long index, ref byte[] buffer)
    {
        var variant = query.Variant(index);
        if (!query.IsGraphQL)
        {
            var path = Encoding.ASCII.GetBytes(query.Path(variant));
            var get = Fit(ref buffer, getStart.Length + path.Length + getEnd.Length);
            return Append(get, Append(get, Append(get, 0, getStart), path), getEnd);
        }
        var variables = query.Variables!(variant);
        var length = bodyStart.Length + variables.Length + 1;
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(length, digits, out var written);
        var post = Fit(ref buffer, head.Length + written + afterLength.Length + length);
        var at = Append(post, Append(post, Append(post, 0, head), digits[..written]), afterLength);
        return Append(post, Append(post, Append(post, at, bodyStart), variables), "}"u8);
    }

    private static Span<byte> Fit(ref byte[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new byte[Math.Max(length, buffer.Length * 2)];
        return buffer.AsSpan(0, length);
    }

    /// <returns>Where the next part goes.</returns>
    private static int Append(Span<byte> into, int at, ReadOnlySpan<byte> part)
    {
        part.CopyTo(into[at..]);
        return at + part.Length;
    }
}
