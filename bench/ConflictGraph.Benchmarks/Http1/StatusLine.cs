namespace ConflictGraph.Benchmarks.Http1;

/// <summary>RFC 9112 section 4: <c>HTTP/1.x SP 3DIGIT SP [reason]</c>; the reason phrase is passed over.</summary>
internal static class StatusLine
{
    public static HeadFields Parse(ReadOnlySpan<byte> line, long at)
    {
        if (!line.StartsWith("HTTP/1."u8) || line.Length < 12 || !char.IsAsciiDigit((char)line[7]) || line[8] != ' ')
            throw ResponseReader.Malformed($"a status line that does not start 'HTTP/1.x ' ('{Shown(line)}')", at);
        var code = line.Slice(9, 3);
        for (var i = 0; i < 3; i++)
            if (!char.IsAsciiDigit((char)code[i])) throw ResponseReader.Malformed($"a status code that is not three digits ('{Shown(line)}')", at + 9 + i);
        // A missing reason phrase still needs its space (RFC 9112), but an answer without it is read as the status says.
        if (line.Length > 12 && line[12] != ' ') throw ResponseReader.Malformed($"no space after the status code ('{Shown(line)}')", at + 12);
        var status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
        if (status is < 100 or > 599) throw ResponseReader.Malformed($"status {status} is outside 100-599", at + 9);
        return new HeadFields(status, line[7] - '0', at);
    }

    private static string Shown(ReadOnlySpan<byte> line) =>
        System.Text.Encoding.Latin1.GetString(line[..Math.Min(line.Length, 60)]).Replace("\0", "\\0");
}
