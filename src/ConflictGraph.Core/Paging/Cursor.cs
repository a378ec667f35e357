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

    public static string Encode(string sortKey, string id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Tag}{Separator}{sortKey}{Separator}{id}"));

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
