using System.Globalization;
using ConflictGraph.Core.Paging;

namespace ConflictGraph.Core.History;

/// <summary>
/// A position in the change log: an entry's sequence number behind the same opaque envelope as
/// every other cursor. <c>history(after:)</c> and <c>graphChanged(after:)</c> take the same ones.
/// </summary>
public static class HistoryCursor
{
    private const string Key = "h";

    public static string Encode(long sequence) => Cursor.Encode(Key, sequence.ToString(CultureInfo.InvariantCulture));

    /// <exception cref="InvalidCursorException">Not a history cursor this service issued.</exception>
    public static long Decode(string cursor)
    {
        var (key, id) = Cursor.Decode(cursor);
        if (key != Key || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)) throw new InvalidCursorException(cursor);
        return sequence;
    }

    /// <summary>The sequence number after which to read: 0 (the start of the log) for no cursor.</summary>
    public static long After(string? cursor) => cursor is null ? 0 : Decode(cursor);
}
