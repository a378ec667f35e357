using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace ConflictGraph.Core.Paging;

/// <summary>Thrown when a cursor was not made by us, or has been tampered with.</summary>
public sealed class InvalidCursorException(string cursor)
    : ArgumentException($"'{cursor}' is not a cursor this service issued");

/// <summary>
/// Opaque cursors: the position's sort key and id, base64url-encoded behind a version tag.
/// Stores order by (key, id), so a cursor resumes exactly after the row it names.
/// </summary>
public static class Cursor
{
    private const string Tag = "cg1";
    private const char Separator = '\u001f';

    /// <summary>
    /// The cursor of (<paramref name="sortKey"/>, <paramref name="id"/>): the UTF-8 of tag, key and id, each after the one before
    /// with a separator between, base64url-encoded. The bytes are written into a buffer of the stack (or a rented one past
    /// <see cref="OnStack"/>), so a cursor costs its own string alone: a page makes one for each of its items, asked for or not.
    /// </summary>
    public static string Encode(string sortKey, string id)
    {
        var length = Tag.Length + 2 + Encoding.UTF8.GetByteCount(sortKey) + Encoding.UTF8.GetByteCount(id);
        byte[]? rented = null;
        var bytes = length <= OnStack ? stackalloc byte[OnStack] : rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var at = Encoding.UTF8.GetBytes(Tag, bytes);
            bytes[at++] = (byte)Separator;
            at += Encoding.UTF8.GetBytes(sortKey, bytes[at..]);
            bytes[at++] = (byte)Separator;
            at += Encoding.UTF8.GetBytes(id, bytes[at..]);
            return Base64Url.EncodeToString(bytes[..at]);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The longest cursor text (in UTF-8 bytes) <see cref="Encode"/> writes on the stack.</summary>
    private const int OnStack = 512;

    public static (string SortKey, string Id) Decode(string cursor)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split(Separator);
            if (parts.Length == 3 && parts[0] == Tag && parts[2].Length > 0) return (parts[1], parts[2]);
        }
        catch (FormatException)
        {
        }
        throw new InvalidCursorException(cursor);
    }
}
