using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// Keyset paging over (sort key, id): a cursor carries both and the order it belongs to, so a
/// cursor from another order is refused instead of silently skipping rows. Date orders put
/// undated rows last either way: their key is <see cref="Undated"/>.
/// </summary>
internal sealed record KeysetPage(string Expression, bool Descending, string Tag, string? Undated)
{
    public static KeysetPage For(NodeOrder order) => order switch
    {
        NodeOrder.DateAsc => new("coalesce(n.date_start, '9999-12-31')", false, "a", "9999-12-31"),
        NodeOrder.DateDesc => new("coalesce(n.date_start, '0000-01-01')", true, "d", "0000-01-01"),
        _ => new("n.id", false, "i", null),
    };

    public static readonly KeysetPage Relations = new("r.id", false, "r", null);

    public static readonly KeysetPage Facts = new("f.id", false, "f", null);

    /// <summary>The same order on another date column (a date order only), e.g. one an index keeps beside the id.</summary>
    public KeysetPage OnDate(string dateColumn) => this with { Expression = $"coalesce({dateColumn}, '{Undated}')" };

    /// <summary>True for the date orders, whose index walks split dated from undated rows.</summary>
    public bool ByDate => Undated is not null;

    public string Direction => Descending ? " DESC" : "";

    public string OrderBy(string idColumn) => $"{Expression}{Direction}, {idColumn}";

    /// <summary>The position a cursor names, or null on the first page.</summary>
    /// <exception cref="InvalidCursorException">The cursor is not ours or belongs to another order.</exception>
    public Position? Decode(string? cursor)
    {
        if (cursor is null) return null;
        var (key, id) = Cursor.Decode(cursor);
        if (!key.StartsWith(Tag + ":", StringComparison.Ordinal)) throw new InvalidCursorException(cursor);
        return new Position(key[(Tag.Length + 1)..], id);
    }

    /// <summary>The condition for rows after <paramref name="position"/>, on the sort key expression.</summary>
    public string After(Position position, SqlFilter filter, string idColumn)
    {
        var value = filter.Value(position.Key);
        var lastId = filter.Value(position.Id);
        return $"({Expression} {(Descending ? "<" : ">")} {value} OR ({Expression} = {value} AND {idColumn} > {lastId}))";
    }

    /// <summary>
    /// Rows of a walk after <paramref name="position"/>, written as a range on the walk's index
    /// (<paramref name="dated"/>: the walk's rows are dated, undated, or either in id order); "" on
    /// the first page, null when the whole walk comes before the cursor (a cursor among undated
    /// rows skips the dated ones).
    /// </summary>
    public string? WalkAfter(Position? position, bool? dated, SqlFilter filter, string dateColumn, string idColumn)
    {
        if (position is null) return "";
        var id = filter.Value(position.Id);
        if (!ByDate) return $" AND {idColumn} > {id}";
        var inUndated = position.Key == Undated;
        if (dated == false) return inUndated ? $" AND {idColumn} > {id}" : "";
        if (inUndated) return null;
        var key = filter.Value(position.Key);
        var (bound, beyond) = Descending ? ("<=", "<") : (">=", ">");
        return $" AND {dateColumn} {bound} {key} AND ({dateColumn} {beyond} {key} OR {idColumn} > {id})";
    }

    public string CursorFor(string sortKey, string id) => Cursor.Encode($"{Tag}:{sortKey}", id);

    public sealed record Position(string Key, string Id);
}
