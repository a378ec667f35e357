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

    /// <summary>
    /// A cursor is the base64url of the UTF-8 of "cg1", key and id joined by the separator, whatever their lengths and
    /// characters: short ones written on the stack, long ones (past 512 bytes) in a rented buffer, each byte for byte.
    /// </summary>
    [Theory]
    [InlineData("r:event:e0000124-[RETALIATION_FOR]->event:e0000090", "event:e0000124-[RETALIATION_FOR]->event:e0000090")]
    [InlineData("a:2021-06-27", "statement:déclaration-ministère")]
    [InlineData("i:org:北京", "person:emoji-\U0001F600-end")]
    [InlineData("", "x")]
    [InlineData("long", "LONG")]
    public void ACursorIsTheBase64urlOfItsTextsUtf8(string sortKey, string id)
    {
        // Stretch the "long" case past the stack buffer, and to just around its edge.
        foreach (var (key, node) in sortKey == "long"
                     ? new[] { (new string('k', 300), new string('é', 200)), (new string('k', 254), new string('i', 253)), (new string('k', 254), new string('i', 254)) }
                     : [(sortKey, System.Text.RegularExpressions.Regex.Unescape(id))])
        {
            var expected = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"cg1\u001f{key}\u001f{node}"));
            Assert.Equal(expected, Cursor.Encode(key, node));
            Assert.Equal((key, node), Cursor.Decode(Cursor.Encode(key, node)));
        }
    }
}
