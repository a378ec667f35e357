using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// Keyset paging over (sort key, id): a cursor carries both and the order it belongs to, so a
/// cursor from another order is refused instead of silently skipping rows. A date order's sort key
/// is the row's start date, NULL for an undated row, and its order and cursors are <see cref="DateKey"/>'s:
/// dated rows first either way, undated rows last, each date's rows and the undated ones by id.
/// </summary>
internal sealed record KeysetPage(string Expression, bool Descending, string Tag, bool ByDate)
{
    public static KeysetPage For(NodeOrder order) => order switch
    {
        NodeOrder.DateAsc => new("n.date_start", false, "a", true),
        NodeOrder.DateDesc => new("n.date_start", true, "d", true),
        _ => new("n.id", false, "i", false),
    };

    public static readonly KeysetPage Relations = new("r.id", false, "r", false);

    public static readonly KeysetPage Facts = new("f.id", false, "f", false);

    /// <summary>The same order on another date column (a date order only), e.g. one an index keeps beside the id.</summary>
    public KeysetPage OnDate(string dateColumn) => this with { Expression = dateColumn };

    public string Direction => Descending ? " DESC" : "";

    /// <summary>
    /// The order's terms on sort key <paramref name="key"/>: in a date order the undated rows (a NULL key) come last
    /// either way, which descending is already (SQLite sorts NULL below every value) and ascending says with NULLS LAST.
    /// </summary>
    public string OrderBy(string key, string idColumn) => $"{key}{(ByDate && !Descending ? " NULLS LAST" : Direction)}, {idColumn}";

    /// <summary>The position a cursor names, or null on the first page; a date order's key is null for an undated row.</summary>
    /// <exception cref="InvalidCursorException">The cursor is not ours or belongs to another order.</exception>
    public Position? Decode(string? cursor)
    {
        if (cursor is null) return null;
        var (key, id) = Cursor.Decode(cursor);
        if (!key.StartsWith(Tag + ":", StringComparison.Ordinal)) throw new InvalidCursorException(cursor);
        key = key[(Tag.Length + 1)..];
        if (!ByDate) return new Position(key, id);
        return DateKey.TryRead(key, Descending, out var date) ? new Position(date, id) : throw new InvalidCursorException(cursor);
    }

    /// <summary>The condition for rows after <paramref name="position"/>, on the sort key expression.</summary>
    public string After(Position position, SqlFilter filter, string idColumn)
    {
        if (position.Key is null) return $"({Expression} IS NULL AND {idColumn} > {filter.Value(position.Id)})";
        var value = filter.Value(position.Key);
        var lastId = filter.Value(position.Id);
        var later = $"{Expression} {(Descending ? "<" : ">")} {value} OR ({Expression} = {value} AND {idColumn} > {lastId})";
        return ByDate ? $"({later} OR {Expression} IS NULL)" : $"({later})";
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
        var inUndated = position.Key is null;
        if (dated == false) return inUndated ? $" AND {idColumn} > {id}" : "";
        if (inUndated) return null;
        var key = filter.Value(position.Key!);
        var (bound, beyond) = Descending ? ("<=", "<") : (">=", ">");
        return $" AND {dateColumn} {bound} {key} AND ({dateColumn} {beyond} {key} OR {idColumn} > {id})";
    }

    /// <summary>The cursor after a row whose sort key is <paramref name="sortKey"/> (in a date order its date, null when undated).</summary>
    public string CursorFor(string? sortKey, string id) =>
        Cursor.Encode($"{Tag}:{(ByDate ? DateKey.Of(sortKey, Descending) : sortKey)}", id);

    /// <summary>A cursor's position: its row's sort key (in a date order its date, null for an undated row) and id.</summary>
    public sealed record Position(string? Key, string Id);
}
