namespace ConflictGraph.Benchmarks.Http1;

/// <summary>
/// A chunked body (RFC 9112 section 7.1): chunks of a hexadecimal size, optional extensions after a ';' (passed over),
/// the data and its line end, up to the chunk of size 0, then trailer fields up to an empty line (read and passed over).
/// </summary>
internal sealed class ChunkedBody(LineBuffer lines)
{
    /// <returns>The bytes of data, every chunk's.</returns>
    public long Read()
    {
        long total = 0;
        while (true)
        {
            var at = lines.Position;
            var size = Size(lines.ReadLine("a chunk's size line").Span, at);
            if (size == 0) break;
            var dataAt = lines.Position;
            var read = lines.Skip(size);
            if (read < size) throw ResponseReader.Malformed($"the connection closed {read:N0} bytes into a chunk of {size:N0}", dataAt + read);
            total += size;
            at = lines.Position;
            if (lines.ReadLine("a chunk's line end").Length != 0)
                throw ResponseReader.Malformed($"a chunk of {size:N0} bytes not followed by its line end", at);
        }
        while (true)
        {
            var at = lines.Position;
            var trailer = lines.ReadLine("the trailer fields");
            if (trailer.Length == 0) return total;
            if (trailer.Span.IndexOf((byte)':') <= 0) throw ResponseReader.Malformed("a trailer line without a field name and colon", at);
        }
    }

    /// <summary>1*HEXDIG, then nothing, or whitespace and a ';' that starts the extensions.</summary>
    private static long Size(ReadOnlySpan<byte> line, long at)
    {
        long size = 0;
        var i = 0;
        for (; i < line.Length && Hex(line[i]) is var digit and >= 0; i++)
        {
            if (size > (long.MaxValue >> 5)) throw ResponseReader.Malformed("a chunk size too large to be real", at);
            size = size * 16 + digit;
        }
        if (i == 0) throw ResponseReader.Malformed("a chunk's size line that does not start with a hexadecimal digit", at);
        var rest = line[i..].TrimStart(" \t"u8);
        if (rest.Length > 0 && rest[0] != ';') throw ResponseReader.Malformed($"byte 0x{line[i]:X2} after a chunk's size", at + i);
        return size;
    }

    private static int Hex(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
