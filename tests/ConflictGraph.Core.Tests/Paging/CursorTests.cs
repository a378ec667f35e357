using System.Buffers.Text;
using System.Text;
using ConflictGraph.Core.Paging;

namespace ConflictGraph.Core.Tests.Paging;

public sealed class CursorTests
{
    [Fact]
    public void ACursorDecodesToItsPosition()
    {
        var cursor = Cursor.Encode("2021-06-27", "event:us-strikes-2021-06-27");

        Assert.Equal(("2021-06-27", "event:us-strikes-2021-06-27"), Cursor.Decode(cursor));
    }

    [Fact]
    public void AnEmptySortKeyRoundTrips() =>
        Assert.Equal(("", "org:kataib-hezbollah"), Cursor.Decode(Cursor.Encode("", "org:kataib-hezbollah")));

    [Fact]
    public void ATruncatedCursorIsRefusedWithItsText()
    {
        var truncated = Cursor.Encode("2021-06-27", "event:a")[..8];

        var error = Assert.Throws<InvalidCursorException>(() => Cursor.Decode(truncated));
        Assert.Equal($"'{truncated}' is not a cursor this service issued", error.Message);
    }

    [Fact]
    public void ACursorWithAnotherVersionTagIsRefused()
    {
        var forged = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("cg9\u001f2021-06-27\u001fevent:a"));

        Assert.Throws<InvalidCursorException>(() => Cursor.Decode(forged));
    }

    [Theory]
    [InlineData("")]
    [InlineData("%%%")]
    [InlineData("bm90LWEtY3Vyc29y")]
    public void GarbageIsNotACursor(string text) =>
        Assert.Throws<InvalidCursorException>(() => Cursor.Decode(text));
}
