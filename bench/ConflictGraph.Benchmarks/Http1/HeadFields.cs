using System.Text;

namespace ConflictGraph.Benchmarks.Http1;

/// <summary>
/// The parts of an answer's head that decide its framing and the connection's fate (RFC 9112 sections 4 to 6): the status,
/// the HTTP version, and the values of Content-Length, Transfer-Encoding and Connection (each repeated field joined with
/// commas, as RFC 9110 section 5.3 allows). Every other field is checked for its syntax and passed over.
/// </summary>
internal sealed class HeadFields(int status, int minorVersion, long statusAt)
{
    public int Status { get; } = status;
    public long StatusAt { get; } = statusAt;
    public string? TransferEncoding { get; private set; }
    public long? ContentLength { get; private set; }
    private string? connection;
    // The field an obs-fold line continues (RFC 9112 section 5.2: its value goes on after a space).
    private string? last;
    private bool any;

    /// <summary>HTTP/1.1 keeps the connection unless it says close; HTTP/1.0 closes it unless it says keep-alive.</summary>
    public bool KeepAlive => minorVersion >= 1 ? !HasToken(connection, "close") : HasToken(connection, "keep-alive");

    /// <summary>One field line (without its line end) starting at byte <paramref name="at"/> of the answer.</summary>
    public void Add(ReadOnlySpan<byte> line, long at)
    {
        if (line[0] is (byte)' ' or (byte)'\t')
        {
            if (!any) throw ResponseReader.Malformed("a header line starting with whitespace right after the status line", at);
            if (last is not null) Set(last, Value(line), at, continued: true);
            return;
        }
        var colon = line.IndexOf((byte)':');
        if (colon <= 0) throw ResponseReader.Malformed("a header line without a field name and colon", at);
        var name = line[..colon];
        // RFC 9112 section 5.1: no whitespace between a field's name and its colon; a recipient must reject it.
        for (var i = 0; i < name.Length; i++)
            if (!IsTokenChar(name[i])) throw ResponseReader.Malformed($"byte 0x{name[i]:X2} in a header field's name", at + i);
        any = true;
        last = Interpreted(name);
        if (last is not null) Set(last, Value(line[(colon + 1)..]), at, continued: false);
    }

    private void Set(string field, string value, long at, bool continued)
    {
        string Join(string? before) => before is null ? value : before + (continued ? " " : ",") + value;
        switch (field)
        {
            case "transfer-encoding": TransferEncoding = Join(TransferEncoding); break;
            case "connection": connection = Join(connection); break;
            default:
                if (continued) throw ResponseReader.Malformed("Content-Length continued on a folded line", at);
                ContentLength = Length(value, ContentLength, at);
                break;
        }
    }

    /// <summary>
    /// Content-Length's value: decimal digits, or a list of the same value (RFC 9110 section 8.6); anything else, or a
    /// second field that differs, is an answer whose length cannot be known (RFC 9112 section 6.3, rule 5).
    /// </summary>
    private static long Length(string value, long? before, long at)
    {
        long? length = before;
        foreach (var part in value.Split(','))
        {
            var digits = part.Trim(' ', '\t');
            if (digits.Length is 0 or > 18 || !digits.All(char.IsAsciiDigit))
                throw ResponseReader.Malformed($"Content-Length '{value}' is not a number of bytes", at);
            var parsed = long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
            if (length is { } other && other != parsed) throw ResponseReader.Malformed($"Content-Length gives two lengths, {other} and {parsed}", at);
            length = parsed;
        }
        return length!.Value;
    }

    /// <summary>Whether a comma-separated field value lists <paramref name="token"/> (ASCII case ignored).</summary>
    public static bool HasToken(string? value, string token) =>
        value is not null && value.Split(',').Any(part => part.Trim(' ', '\t').Equals(token, StringComparison.OrdinalIgnoreCase));

    private static string? Interpreted(ReadOnlySpan<byte> name) =>
        Ascii.EqualsIgnoreCase(name, "content-length"u8) ? "content-length"
        : Ascii.EqualsIgnoreCase(name, "transfer-encoding"u8) ? "transfer-encoding"
        : Ascii.EqualsIgnoreCase(name, "connection"u8) ? "connection"
        : null;

    private static string Value(ReadOnlySpan<byte> value) => Encoding.Latin1.GetString(value.Trim(" \t"u8));

    // RFC 9110 section 5.6.2's tchar.
    private static bool IsTokenChar(byte c) => char.IsAsciiLetterOrDigit((char)c) || "!#$%&'*+-.^_`|~".Contains((char)c);
}
