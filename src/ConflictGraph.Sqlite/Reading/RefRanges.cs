using ConflictGraph.Core.Paging;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// A page in date order of the nodes of one kind that name a target (an actor's statements, the
/// statements about an event; an organization's, kept under it since schema 21), read from node_refs:
/// each range of the driver is walked along its index in the page's order up to the page's LIMIT
/// (on pages after the first, dated and undated rows apart), and the walks are merged; only the page's nodes are read. A node first in no walk
/// cannot be first in their union, so the merge is exact. The first page of one range of one target
/// (every event's statements) is one walk of its own (<see cref="FirstOfOne"/>). The total is counted on the index
/// alone when no condition needs the node's row, or read from a count the store keeps for the
/// criterion (an organization's statements).
/// </summary>
internal sealed class RefRanges
{
    private readonly SqlFilter filter;
    private readonly KeysetPage keyset;
    private readonly IReadOnlyList<RefRange> ranges;
    private readonly string kind;

    /// <summary>A node_refs row's node, by the seq the row carries.</summary>
    private const string RowsNode = " CROSS JOIN nodes n ON n.seq = x.node_seq";

    private RefRanges(SqlFilter filter, KeysetPage keyset, IReadOnlyList<RefRange> ranges, string kind) =>
        (this.filter, this.keyset, this.ranges, this.kind) = (filter, keyset, ranges, filter.Value(kind));

    /// <summary>The ranges' reads for a date-ordered page of one kind whose driver is made of ranges; otherwise null.</summary>
    public static RefRanges? For(SqlFilter filter, KeysetPage keyset) =>
        filter.Ranges is { Count: > 0 } ranges && filter.SingleKind is { } kind && keyset.ByDate ? new RefRanges(filter, keyset, ranges, kind) : null;

    /// <summary>The number of matching nodes from the index, or null when a condition needs the node's row.</summary>
    public string? Count()
    {
        if (filter.BeyondKinds is not null) return null;
        if (filter.KeptTotal is { } kept) return kept;
        if (ranges is [{ OneTarget: true } one]) return $"{filter.With}SELECT count(*) FROM node_refs x WHERE {Key(one)}";
        return $"{filter.With}SELECT count(*) FROM ({string.Join(" UNION ", ranges.Select(r => $"SELECT x.node_id FROM node_refs x WHERE {Key(r)}"))})";
    }

    /// <summary>
    /// The page after <paramref name="position"/> (columns kind, body, sort key; kind, id, sort key for <paramref name="keys"/>),
    /// or null when no walk can hold a row after it. Keys are the index's alone: a node_refs row exists only for a stored
    /// node of its kind (triggers keep it with refs, which go with their node), so no node's row is read for them. A page's
    /// nodes are read by the seq the index carries (schema 15): one descent of the nodes table each, not the id index's first.
    /// </summary>
    public string? Page(KeysetPage.Position? position, string limit, bool keys)
    {
        if (position is null && ranges is [{ OneTarget: true } only]) return FirstOfOne(only, limit, keys);
        var join = filter.BeyondKinds is null ? "" : RowsNode;
        var walks = new List<string>();
        foreach (var range in ranges)
        {
            // The first page walks each range once in the page's order, dated rows then undated ones (see FirstOfOne): half
            // the walks, and for a range of several targets half the lists SQLite builds of them.
            if (position is null)
            {
                walks.Add($"{Walk(join)}{InPageOrder(range, limit)})");
                continue;
            }
            foreach (var dated in new[] { true, false })
            {
                if (keyset.WalkAfter(position, dated, filter, "x.date_start", "x.node_id") is not { } after) continue;
                var order = dated ? $"x.date_start{keyset.Direction}, x.node_id" : "x.node_id";
                walks.Add($"{Walk(join)}WHERE {Key(range)} AND x.date_start IS {(dated ? "NOT " : "")}NULL{Beyond}{after} " +
                          $"ORDER BY {order} LIMIT {limit})");
            }
        }
        if (walks.Count == 0) return null;
        var (columns, nodes) = keys ? ($"{kind}, m.id", "") : ("n.kind, n.body", " CROSS JOIN nodes n ON n.seq = m.seq");
        // A node in two walks (one naming the target in two fields) comes back once: the walks
        // are concatenated and grouped by (sort key, id), one sort of their few rows. A UNION of the walks did the same
        // with a MERGE that sorted each walk again, and those sorts' allocations made glibc trim and fault back in the
        // heap of the thread at every page (an organization's page: 0.57 ms against 0.04 ms of CPU in a small process).
        return $"{filter.With}SELECT {columns}, m.sort_key FROM ({string.Join(" UNION ALL ", walks)}) m{nodes} " +
               $"GROUP BY m.sort_key, m.id ORDER BY {keyset.OrderBy("m.sort_key", "m.id")} LIMIT {limit}";
    }

    /// <summary>
    /// The first page of one range of one target as one walk of node_refs_by_date, dated rows then undated ones, each
    /// row bringing its node: no merge of walks, so SQLite builds no table of its own for the page (the merged walks made
    /// three: the two walks' sorts for their UNION and the page's ORDER BY). In ascending order the index (target, field,
    /// kind, date, node) gives the page's order as it is read, SQLite's NULLS LAST walk reading the dated entries and then
    /// the undated ones; in descending order it sorts the ids of a date (the merged walks did too). A range of one target
    /// holds each node once (node_refs' key is the node, field and target), so nothing needs removing twice. Every row
    /// dated, whatever its date, comes before the undated ones, as in the merged walks and in <see cref="DateKey"/>'s order.
    /// </summary>
    private string FirstOfOne(RefRange range, string limit, bool keys)
    {
        var columns = keys ? $"{kind}, x.node_id" : "n.kind, n.body";
        var nodes = keys && filter.BeyondKinds is null ? "" : RowsNode;
        return $"{filter.With}SELECT {columns}, x.date_start FROM node_refs x{nodes} {InPageOrder(range, limit)}";
    }

    /// <summary>A walk's rows for the merge (id, seq, sort key), up to its WHERE.</summary>
    private static string Walk(string join) =>
        $"SELECT * FROM (SELECT x.node_id AS id, x.node_seq AS seq, x.date_start AS sort_key FROM node_refs x{join} ";

    /// <summary>A range's rows in the page's own order, dated then undated (NULLS LAST when ascending), up to the page's LIMIT.</summary>
    private string InPageOrder(RefRange range, string limit) =>
        $"WHERE {Key(range)}{Beyond} ORDER BY {keyset.OrderBy("x.date_start", "x.node_id")} LIMIT {limit}";

    /// <summary>The filter's conditions on the node's own row, when it has any.</summary>
    private string Beyond => filter.BeyondKinds is { } beyond ? $" AND {beyond}" : "";

    private string Key(RefRange range) => $"x.target_id {range.Target} AND x.field = '{range.Field}' AND x.kind = {kind}";
}
