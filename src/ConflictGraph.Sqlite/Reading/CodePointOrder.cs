namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// SQLite's BINARY order of TEXT (its UTF-8 bytes, so code points), for lists sorted in .NET that a
/// statement used to sort: ordinal UTF-16 order differs only where a surrogate pair (a code point
/// above U+FFFF) meets a character from U+E000 to U+FFFF, which UTF-16 puts first.
/// </summary>
internal static class CodePointOrder
{
    public static int Compare(string? a, string? b)
    {
        if (ReferenceEquals(a, b)) return 0;
        if (a is null) return -1;
        if (b is null) return 1;
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            var (x, y) = (a[i], b[i]);
            if (x == y) continue;
            return char.IsSurrogate(x) == char.IsSurrogate(y) ? x.CompareTo(y) : char.IsSurrogate(x) ? 1 : -1;
        }
        return a.Length.CompareTo(b.Length);
    }
}
