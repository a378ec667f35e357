using System.IO.Pipelines;
using System.Text;
using ConflictGraph.Api.Exports;

namespace ConflictGraph.Api.Tests.Analysis;

/// <summary>The CSV export's cells as the bytes a spreadsheet reads: RFC 4180 quoting, the formula guard, UTF-8.</summary>
public sealed class CsvCellsTests
{
    private static async Task<byte[]> WriteAsync(Action<CsvCells> write)
    {
        var stream = new MemoryStream();
        var pipe = PipeWriter.Create(stream);
        await ResponseChunks.StreamAsync(pipe, chunks => write(new CsvCells(chunks)), CancellationToken.None);
        await pipe.CompleteAsync();
        return stream.ToArray();
    }

    private static async Task<string> RecordAsync(Action<CsvCells> write) => Encoding.UTF8.GetString(await WriteAsync(write));

    [Fact]
    public async Task PlainCellsAreWrittenAsTheyAreAndARecordEndsWithCrLf()
    {
        var text = await RecordAsync(c =>
        {
            c.Cell("event:a", text: true);
            c.Cell(null, text: true);
            c.Cell("", text: false);
            c.Cell("DAY", text: false);
            c.EndRecord();
            c.Cell("second", text: true);
            c.EndRecord();
        });
        Assert.Equal("event:a,,,DAY\r\nsecond\r\n", text);
    }

    [Fact]
    public async Task ACellWithACommaQuoteOrLineBreakIsQuotedWithItsQuotesDoubled()
    {
        var text = await RecordAsync(c =>
        {
            c.Cell("a, b", text: true);
            c.Cell("Strike on \"Red\" depot", text: true);
            c.Cell("\"", text: true);
            c.Cell("two\r\nlines", text: true);
            c.Cell("one\nline feed", text: true);
            c.EndRecord();
        });
        Assert.Equal("\"a, b\",\"Strike on \"\"Red\"\" depot\",\"\"\"\",\"two\r\nlines\",\"one\nline feed\"\r\n", text);
    }

    [Fact]
    public async Task TextAThatSpreadsheetWouldRunAsAFormulaGetsAnApostropheInsideItsQuotes()
    {
        var text = await RecordAsync(c =>
        {
            c.Cell("=SUM(A1)", text: true);
            c.Cell("+1", text: true);
            c.Cell("-x", text: true);
            c.Cell("@me", text: true);
            c.Cell("\tTab", text: true);
            c.Cell("=a,b", text: true);
            c.Cell("-3", text: false);
            c.EndRecord();
        });
        Assert.Equal("'=SUM(A1),'+1,'-x,'@me,'\tTab,\"'=a,b\",-3\r\n", text);
    }

    [Fact]
    public async Task NumbersAreInvariantAndCoordinatesRoundTrip()
    {
        var text = await RecordAsync(c =>
        {
            c.Cell((long?)null);
            c.Cell(-12L);
            c.Cell(45.5);
            c.Cell(0.1 + 0.2);
            c.Cell((double?)null);
            c.EndRecord();
        });
        Assert.Equal($",-12,45.5,{(0.1 + 0.2).ToString("R", System.Globalization.CultureInfo.InvariantCulture)},\r\n", text);
        Assert.Equal(0.1 + 0.2, double.Parse(text.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task TextIsUtf8WithALoneSurrogateWrittenAsTheReplacementCharacter()
    {
        var bytes = await WriteAsync(c =>
        {
            c.ByteOrderMark();
            c.Cell("Kata\u2019ib \U0001F600", text: true);
            c.Cell("bad \uD800 \"half\"", text: true);
            c.EndRecord();
        });
        var expected = new byte[] { 0xEF, 0xBB, 0xBF }
            .Concat(Encoding.UTF8.GetBytes("Kata\u2019ib \U0001F600,\"bad \uFFFD \"\"half\"\"\"\r\n")).ToArray();
        Assert.Equal(expected, bytes);
    }
}
