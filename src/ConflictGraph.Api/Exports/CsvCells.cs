using System.Buffers;
using System.Globalization;
using System.Text;

namespace ConflictGraph.Api.Exports;

/// <summary>
/// One CSV record after another, encoded as UTF-8 straight into the response's chunks
/// (<see cref="ResponseChunks"/>; no string per line, no text writer): RFC 4180 quoting (a cell holding a comma, quote or line break is quoted,
/// its quotes doubled), CRLF line ends, and a leading apostrophe on a text cell a spreadsheet would
/// otherwise run as a formula. Invalid UTF-16 (a lone surrogate) is written as U+FFFD, as
/// <see cref="Encoding.UTF8"/> writes it.
/// </summary>
internal sealed class CsvCells(ResponseChunks body)
{
    private static readonly SearchValues<char> Quoted = SearchValues.Create(",\"\r\n");

    private bool first = true;

    /// <summary>Whether a chunk's worth is waiting for <see cref="Send"/>.</summary>
    public bool Full => body.Full;

    /// <summary>The UTF-8 byte order mark, for spreadsheets that otherwise guess a legacy code page.</summary>
    public void ByteOrderMark() => Raw(Encoding.UTF8.Preamble);

    /// <param name="text">True for data text, which a spreadsheet could read as a formula; false for numbers, dates and names of ours.</param>
    public void Cell(string? value, bool text)
    {
        Separate();
        if (string.IsNullOrEmpty(value)) return;
        var formula = text && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        if (value.AsSpan().IndexOfAny(Quoted) < 0)
        {
            if (formula) Raw("'"u8);
            Text(value);
            return;
        }
        Raw("\""u8);
        if (formula) Raw("'"u8);
        var rest = value.AsSpan();
        for (var quote = rest.IndexOf('"'); quote >= 0; quote = rest.IndexOf('"'))
        {
            Text(rest[..(quote + 1)]);
            Raw("\""u8);
            rest = rest[(quote + 1)..];
        }
        Text(rest);
        Raw("\""u8);
    }

    /// <summary>A whole number, never quoted; nothing when null.</summary>
    public void Cell(long? value)
    {
        Separate();
        if (value is not { } number) return;
        var span = body.GetSpan(20);
        number.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        Advance(written);
    }

    /// <summary>A coordinate in its shortest round-trip form ("R"), never quoted; nothing when null.</summary>
    public void Cell(double? value)
    {
        Separate();
        if (value is not { } number) return;
        var span = body.GetSpan(32);
        if (!number.TryFormat(span, out var written, "R", CultureInfo.InvariantCulture)) throw new InvalidOperationException("a coordinate did not fit 32 bytes");
        Advance(written);
    }

    public void EndRecord()
    {
        Raw("\r\n"u8);
        first = true;
    }

    /// <summary>Hands what is written to the response (<see cref="ResponseChunks.Send"/>).</summary>
    public void Send() => body.Send();

    private void Separate()
    {
        if (!first) Raw(","u8);
        first = false;
    }

    private void Text(ReadOnlySpan<char> text)
    {
        var span = body.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        Advance(Encoding.UTF8.GetBytes(text, span));
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(body.GetSpan(bytes.Length));
        Advance(bytes.Length);
    }

    private void Advance(int count) => body.Advance(count);
}
