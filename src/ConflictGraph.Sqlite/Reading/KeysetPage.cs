using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// Keyset paging over (sort key, id): a cursor carries both and the order it belongs to, so a
/// cursor from another order is refused instead of silently skipping rows.
/// </summary>
internal sealed record KeysetPage(string Expression, bool Descending, string Tag)
{
    public static KeysetPage For(NodeOrder order) => order switch
    {
        // Undated nodes come last in both directions.
        NodeOrder.DateAsc => new("coalesce(n.date_start, '9999-12-31')", false, "a"),
        NodeOrder.DateDesc => new("coalesce(n.date_start, '0000-01-01')", true, "d"),
        _ => new("n.id", false, "i"),
    };

    public static readonly KeysetPage Relations = new("r.id", false, "r");

    public static readonly KeysetPage Facts = new("f.id", false, "f");

    public string OrderBy(string idColumn) => $"{Expression}{(Descending ? " DESC" : "")}, {idColumn}";

    /// <summary>The condition for rows after the cursor, or null on the first page.</summary>
    public string? After(string? cursor, SqlFilter filter, string idColumn)
    {
        if (cursor is null) return null;
        var (key, id) = Cursor.Decode(cursor);
        if (!key.StartsWith(Tag + ":", StringComparison.Ordinal)) throw new InvalidCursorException(cursor);
        var value = filter.Value(key[(Tag.Length + 1)..]);
        var lastId = filter.Value(id);
        return $"({Expression} {(Descending ? "<" : ">")} {value} OR ({Expression} = {value} AND {idColumn} > {lastId}))";
    }

    public string CursorFor(string sortKey, string id) => Cursor.Encode($"{Tag}:{sortKey}", id);
}
