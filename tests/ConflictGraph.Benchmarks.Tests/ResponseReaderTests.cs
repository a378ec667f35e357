using System.Text;
using ConflictGraph.Benchmarks.Http1;

namespace ConflictGraph.Benchmarks.Tests;

/// <summary>The lean load client's parser: RFC 9112's framing, every byte read, and malformed answers named with their byte.</summary>
public sealed class ResponseReaderTests
{
    /// <summary>Hands out the answer's bytes a few at a time (1 byte a read by default), then the end of the stream.</summary>
    private sealed class Pieces(string text, int piece = 1) : MemoryStream(Encoding.Latin1.GetBytes(text))
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, piece));
    }

    private static Answer[] ReadAll(string text, int answers, int piece = 1)
    {
        var reader = new ResponseReader(new Pieces(text, piece));
        var read = new Answer[answers];
        for (var i = 0; i < answers; i++) read[i] = reader.Read(head: false);
        return read;
    }

    private static string Refused(string text, int piece = 1) => Assert.Throws<MalformedResponseException>(() => ReadAll(text, 1, piece)).Message;

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public void AContentLengthBodyIsReadWhateverTheReadsSizes(int piece)
    {
        var answers = ReadAll("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\ncontent-length: 11\r\n\r\n{\"data\":{}}" +
                                    "HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\nServer: Kestrel\r\n\r\n{}", 2, piece);

        Assert.Equal([new Answer(200, 11, true), new Answer(200, 2, true)], answers);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void AChunkedBodyWithExtensionsAndTrailersCountsItsDataOnly(int piece)
    {
        var answers = ReadAll("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" +
                                    "5;name=value;q=\"a;b\"\r\nhello\r\n1A ; ext\r\nabcdefghijklmnopqrstuvwxyz\r\n0;last=1\r\nTrailer-A: 1\r\nTrailer-B: 2\r\n\r\n" +
                                    "HTTP/1.1 204 No Content\r\n\r\n", 2, piece);

        Assert.Equal([new Answer(200, 31, true), new Answer(204, 0, true)], answers);
    }

    [Fact]
    public void A500IsAnAnswerNotAnErrorAndItsBodyIsRead()
    {
        var answers = ReadAll("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 5\r\n\r\noops!HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 2);

        Assert.Equal(500, answers[0].Status);
        Assert.False(answers[0].IsSuccess);
        Assert.Equal(5, answers[0].BodyBytes);
        Assert.Equal(new Answer(200, 0, true), answers[1]);
    }

    [Fact]
    public void InterimAnswersArePassedOverAndBareLineFeedsAccepted() =>
        Assert.Equal(new Answer(200, 3, true), (ReadAll("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\nLink: </a>\n\nHTTP/1.1 200 OK\nContent-Length: 3\n\nabc", 1))[0]);

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}", 2)]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n{}", 2)]
    [InlineData("HTTP/1.1 200 OK\r\nServer: x\r\n\r\nuntil the close", 15)]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 99\r\n\r\n2\r\n{}\r\n0\r\n\r\n", 2)]
    public void AnAnswerThatEndsTheConnectionSaysSo(string text, long body) =>
        Assert.Equal(new Answer(200, body, false), (ReadAll(text, 1))[0]);

    [Fact]
    public void HttpOnePointZeroKeepsItWhenAsked() =>
        Assert.True((ReadAll("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n", 1))[0].KeepAlive);

    [Fact]
    public void AConnectionClosedMidBodyNamesHowFarItGot() =>
        Assert.Equal("malformed HTTP answer: the connection closed 4 bytes into a body of Content-Length 10, at byte 43 of the answer",
            Refused("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{\"da"));

    [Fact]
    public void AConnectionClosedMidChunkNamesHowFarItGot() =>
        Assert.Equal("malformed HTTP answer: the connection closed 3 bytes into a chunk of 16, at byte 54 of the answer",
            Refused("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nabc"));

    [Theory]
    [InlineData("HTP/1.1 200 OK\r\n\r\n", "a status line that does not start 'HTTP/1.x ' ('HTP/1.1 200 OK'), at byte 0")]
    [InlineData("HTTP/1.1 2x0 OK\r\n\r\n", "a status code that is not three digits ('HTTP/1.1 2x0 OK'), at byte 10")]
    [InlineData("HTTP/1.1 200OK\r\n\r\n", "no space after the status code ('HTTP/1.1 200OK'), at byte 12")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length : 2\r\n\r\n{}", "byte 0x20 in a header field's name, at byte 31")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}", "Content-Length gives two lengths, 2 and 3, at byte 36")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "Content-Length '-1' is not a number of bytes, at byte 17")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "a chunk's size line that does not start with a hexadecimal digit, at byte 47")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}xx\r\n0\r\n\r\n", "a chunk of 2 bytes not followed by its line end, at byte 52")]
    [InlineData("HTTP/1.1 200 OK\r\nX: a\rb\r\n\r\n", "a CR not followed by LF in the header fields, at byte 21")]
    [InlineData("", "the connection closed before any byte of the answer, at byte 0")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Le", "the connection closed in the header fields, at byte 27")]
    public void AMalformedAnswerIsRefusedNamingWhatAndWhere(string text, string message) =>
        Assert.Equal($"malformed HTTP answer: {message} of the answer", Refused(text, piece: 3));

    [Fact]
    public void AnEndlessHeadIsRefusedAtTheLimit()
    {
        var reader = new ResponseReader(new Pieces("HTTP/1.1 200 OK\r\nX: " + new string('a', 5000), 512), headLimit: 1024);
        var refused = Assert.Throws<MalformedResponseException>(() => reader.Read(false));
        Assert.StartsWith("malformed HTTP answer: a line of the header fields longer than 1,024 bytes", refused.Message);
    }

    [Fact]
    public void AnAnswerToHeadHasNoBodyWhateverItsLength() =>
        Assert.Equal(new Answer(200, 0, true), new ResponseReader(new Pieces("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n")).Read(head: true));
}
