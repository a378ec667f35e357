using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// One page of a <see cref="NodeQuery"/>. A query with a selective criterion is driven by that
/// criterion's candidates (CROSS JOIN keeps them the outer loop whatever the statistics say), so
/// it costs what it finds; a query without one is a <see cref="NodeListing"/>. The total is read
/// only when asked for: from the kept counts for a plain listing, else by counting the matches.
/// A page that asks for keys only (<see cref="PageRequest.KeysOnly"/>) selects each node's id instead of its body.
/// </summary>
internal static class NodePages
{
    /// <summary>The columns a page selects first for each node (alias n): its kind, then its body or, for keys only, its id.</summary>
    private static string Columns(bool keysOnly) => keysOnly ? "n.kind, n.id" : "n.kind, n.body";

    /// <summary>
    /// The nodes table (alias n) as a page joins it by id. For keys only, every column the page reads of a node (kind, id,
    /// start date) is in nodes_by_kind_date, and without statistics SQLite would walk that index through the whole kind
    /// for every candidate: the unique index of ids finds each candidate's row instead.
    /// </summary>
    private static string NodeTable(bool keysOnly) => keysOnly ? "nodes n INDEXED BY sqlite_autoindex_nodes_1" : "nodes n";

    /// <summary>The node of a row that starts with <see cref="Columns"/>.</summary>
    private static Node Read(in StatementRows rows, bool keysOnly) =>
        keysOnly ? new NodeKey(rows.GetString(1), EnumNames.Parse<NodeKind>(rows.GetString(0))) : NodeRow.Read(rows);

    /// <summary>
    /// How many statements <see cref="FindAsync"/> runs at most for a page: the total when it is read, the page unless none
    /// is asked for, and those that weigh words beside another criterion (<see cref="WordChecks"/>), whose choice must
    /// read the state the page reads.
    /// </summary>
    public static int StatementCount(NodeQuery query, PageRequest page) =>
        (page.ReadsTotal ? 1 : 0) + (page.First > 0 ? 1 : 0) + (WordChecks.Weighs(query) ? 2 : 0);

    public static async Task<Page<Node>> FindAsync(
        SqliteConnection connection, SqliteTransaction? transaction, NodeQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        if (query.Kinds.Count == 0) return Page<Node>.Empty;
        var keyset = KeysetPage.For(query.Order);
        var position = keyset.Decode(page.After);
        var filter = NodeFilters.For(query, await WordChecks.ChooseAsync(connection, transaction, query, cancellationToken));
        var listing = filter.Driver is null ? NodeListing.For(query, keyset) : null;
        var ranges = listing is null ? RefRanges.For(filter, keyset) : null;
        var counting = page.ReadsTotal;

        int? total = null;
        // A dated page with its total: both from one walk of the candidates (see DatedPageAndTotal).
        var together = counting && page.First > 0 && listing is null && ranges is null && DatedTotal(filter) && keyset.ByDate;
        if (counting && !together)
        {
            var sql = listing is null ? ranges?.Count() ?? DrivenCount(filter)
                : listing.CountedByCounters ? Counters(filter, listing)
                : ListingCount(filter, listing, query.Events);
            total = await Reads.CountAsync(connection, transaction, sql, filter, cancellationToken);
        }
        if (page.First <= 0) return Page<Node>.Nothing(page, total);

        var limit = Statements.Limit((long)page.First + 1);
        var keysOnly = page.KeysOnly;
        string? text;
        var shape = together ? null : PageShape.Of(query, page, position);
        if (shape is { } known && Known.TryGetValue(known, out var kept))
        {
            filter.Replay(kept.Binders);
            text = kept.Text;
        }
        else
        {
            var bound = filter.Bound;
            text = together ? DatedPageAndTotal(filter, keyset, position, limit, keysOnly)
                : listing is null
                ? ranges?.Page(position, limit, keysOnly) ?? DrivenPage(filter, keyset, position, limit, keysOnly)
                : ListingPage(filter, listing, keyset, position, query.Events, limit, keysOnly);
            if (shape is { } made && text is not null && Known.Count < MaxShapes) Known.TryAdd(made, new KeptPage(text, filter.BindersSince(bound)));
        }
        var items = new List<PageItem<Node>>();
        var more = false;
        if (text is not null)
        {
            await using var command = connection.Command(text, transaction);
            filter.Bind(command);
            using var rows = command.Rows(cancellationToken);
            while (rows.Read())
            {
                if (items.Count == page.First)
                {
                    more = true;
                    break;
                }
                if (together) total ??= (int)rows.GetInt64(3);
                var node = Read(rows, keysOnly);
                items.Add(new PageItem<Node>(node, keyset.CursorFor(rows.IsNull(2) ? null : rows.GetString(2), node.Id)));
            }
        }
        // No row after the cursor carried the total: counted on its own.
        if (together && total is null) total = await Reads.CountAsync(connection, transaction, DrivenCount(filter), filter, cancellationToken);
        return new Page<Node>(items, total, more, page.After is not null);
    }

    /// <summary>
    /// A first page of the statements about one node (an event's statements, every 2-level request's page), of one
    /// speaker's or of one organization's (each actor of an actors page), with or without its total, whose text and the
    /// constants it binds depend on nothing but these (the node's id is a parameter the filter binds, and a total read
    /// first is read by a statement of its own): its text is made once per shape, not once per page.
    /// </summary>
    private readonly record struct PageShape(NodeKind Kind, NodeOrder Order, Named Named, bool Stances, int First, bool KeysOnly, bool Total)
    {
        /// <summary>The page's shape, or null for any other page (they make their text each time).</summary>
        public static PageShape? Of(NodeQuery query, PageRequest page, KeysetPage.Position? position)
        {
            if (position is not null || page.First <= 0) return null;
            if (query is not { Kinds: [var kind], Statements: { } statements }) return null;
            var (named, criteria) = statements switch
            {
                { AboutId: { } about } => (Named.About, new StatementCriteria { AboutId = about, Stances = statements.Stances }),
                { SpeakerId: { } speaker } => (Named.Speaker, new StatementCriteria { SpeakerId = speaker, Stances = statements.Stances }),
                { OrganizationId: { } organization } => (Named.Organization, new StatementCriteria { OrganizationId = organization, Stances = statements.Stances }),
                _ => (Named.None, null),
            };
            if (criteria is null) return null;
            // The query must equal one that names only its kind, order, node and stances (records compare every
            // property), so a criterion added to NodeQuery or StatementCriteria later makes its text each time rather
            // than sharing a text that leaves it out.
            var only = new NodeQuery { Kinds = query.Kinds, Order = query.Order, Statements = criteria };
            return query == only ? new PageShape(kind, query.Order, named, statements.Stances is not null, page.First, page.KeysOnly, page.ReadsTotal) : null;
        }
    }

    /// <summary>Which one node a page's statements name: the one they are about, their speaker, or the organization they were made for.</summary>
    private enum Named { None, About, Speaker, Organization }

    /// <summary>A page's text and the constants bound while it was made, beyond the filter's own.</summary>
    private sealed record KeptPage(string Text, Action<SqliteCommand>[] Binders);

    /// <summary>How many page shapes are kept: a shape differs only in its kind, order and size, so few are ever made.</summary>
    private const int MaxShapes = 256;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<PageShape, KeptPage> Known = new();

    /// <summary>The rows a driven filter's candidates name (alias n), each once: the FROM of every driven read.</summary>
    internal static string Candidates(SqlFilter filter, bool keysOnly = false) => $"(SELECT DISTINCT id FROM ({filter.Driver})) d CROSS JOIN {NodeTable(keysOnly)} ON n.id = d.id";

    /// <summary>
    /// The matches counted, or read from a count the store keeps for the criterion (<see cref="SqlFilter.KeptTotal"/>). Dated candidates (event_places) are all events, since OCCURRED_IN runs from an
    /// event (RelationRules), and meet their criterion exactly: when events are all the query asks for, the
    /// candidates are counted as they are, without reading a node for each (at 1M events, a country's month
    /// of 729 events spent half its count on those reads).
    /// </summary>
    private static string DrivenCount(SqlFilter filter) => filter.KeptTotal ?? (DatedTotal(filter)
        ? $"{filter.With}SELECT count(*) FROM ({filter.Driver})"
        : $"{filter.With}SELECT count(*) FROM {Candidates(filter)} WHERE {filter.Remaining}");

    /// <summary>
    /// True when the total is the number of dated candidates (each named once), counted without reading their nodes (see
    /// <see cref="DrivenCount"/>), or read from the count the store keeps of them when it keeps one.
    /// </summary>
    private static bool DatedTotal(SqlFilter filter) =>
        filter is { DriverDated: true, BeyondKinds: null } && filter.SingleKind == DatedKind;

    /// <summary>The total of <see cref="DatedTotal"/>'s candidates, a statement to read beside others: kept, or counted where they lie.</summary>
    private static string DatedCount(SqlFilter filter) => filter.KeptSql ?? $"SELECT count(*) FROM ({filter.Driver})";

    /// <summary>The kind of every dated candidate.</summary>
    private static readonly string DatedKind = EnumNames.Of(NodeKind.Event);

    private static string DrivenPage(SqlFilter filter, KeysetPage keyset, KeysetPage.Position? position, string limit, bool keysOnly)
    {
        if (filter is { DriverDated: true, BeyondKinds: null } && keyset.ByDate) return DatedPage(filter, keyset, position, limit, keysOnly);
        var after = position is null ? "" : $" AND {keyset.After(position, filter, "n.id")}";
        return $"{filter.With}SELECT {Columns(keysOnly)}, {keyset.Expression} FROM {Candidates(filter, keysOnly)} " +
               $"WHERE {filter.Remaining}{after} ORDER BY {keyset.OrderBy(keyset.Expression, "n.id")} LIMIT {limit}";
    }

    /// <summary>
    /// A page in date order of candidates that carry their own start date and seq: the page's ids are chosen
    /// from the candidates alone, and only their nodes are read, each by seq, not every candidate's.
    /// </summary>
    private static string DatedPage(SqlFilter filter, KeysetPage keyset, KeysetPage.Position? position, string limit, bool keysOnly) =>
        WithBodies(filter) is { } bodies
            ? $"{filter.With}SELECT {BodyColumns(keysOnly)}, m.sort_key FROM ({DatedRows(filter, bodies, keyset, position, limit)}) m " +
              $"ORDER BY {keyset.OrderBy("m.sort_key", "m.id")}"
            : $"{filter.With}SELECT {Columns(keysOnly)}, m.sort_key FROM ({DatedRows(filter, null, keyset, position, limit)}) m {DatedNodes} " +
              $"WHERE {filter.Remaining} ORDER BY {keyset.OrderBy("m.sort_key", "m.id")}";

    /// <summary>
    /// <see cref="DatedPage"/> and the total of <see cref="DrivenCount"/> in one statement. The candidates name each event
    /// once, in date order within each of their ranges (place_events): the page is the first rows of the ranges merged in
    /// the page's order, read from the index alone, and the total counts the ranges' entries where they lie; no table of
    /// candidates, no sort, no DISTINCT. At 1M events a country's month is about 200 adjacent entries against 20 on the
    /// page. Every candidate is an event (see <see cref="DatedTotal"/>), so the page's nodes are read with no condition on
    /// their kind, each by the seq its entry carries (schema 17): one descent of the nodes table, not the id index's first.
    /// The total is a column of every row: for a window of whole months, the count the store keeps (schema 20), one row a
    /// month, not the window's entries (about 220 for a country's month at 1M events). When the store keeps the candidates
    /// with their events' bodies (schema 22, <see cref="SqlFilter.DriverBodies"/>), the page's rows are read from those, in the
    /// same order, and no node row is read: at 1M events the nodes by seq were 20 descents of a 7 GB table a page.
    /// </summary>
    private static string DatedPageAndTotal(SqlFilter filter, KeysetPage keyset, KeysetPage.Position? position, string limit, bool keysOnly) =>
        WithBodies(filter) is { } bodies
            ? $"{filter.With}SELECT {BodyColumns(keysOnly)}, m.sort_key, ({DatedCount(filter)}) FROM ({DatedRows(filter, bodies, keyset, position, limit)}) m " +
              $"ORDER BY {keyset.OrderBy("m.sort_key", "m.id")}"
            : $"{filter.With}SELECT {Columns(keysOnly)}, m.sort_key, ({DatedCount(filter)}) FROM ({DatedRows(filter, null, keyset, position, limit)}) m " +
              $"{DatedNodes} ORDER BY {keyset.OrderBy("m.sort_key", "m.id")}";

    /// <summary>
    /// The candidates with their bodies, when the page needs nothing else of a node: the store keeps them (<see
    /// cref="SqlFilter.DriverBodies"/>) and no condition but the kind EVENT, which every dated candidate meets, remains.
    /// </summary>
    private static string? WithBodies(SqlFilter filter) => DatedTotal(filter) ? filter.DriverBodies : null;

    /// <summary>The columns of <see cref="Columns"/> from a page's rows read with their bodies (alias m): every one an event.</summary>
    private static string BodyColumns(bool keysOnly) => keysOnly ? $"'{DatedKind}', m.id" : $"'{DatedKind}', m.body";

    /// <summary>
    /// The rows (id, seq or body, sort_key) of a dated page, alias m where they are read: the first candidates after the
    /// position in the page's order, taken from the candidates alone (or from <paramref name="bodies"/>, the same candidates
    /// with their bodies), their start date the sort key.
    /// </summary>
    private static string DatedRows(SqlFilter filter, string? bodies, KeysetPage keyset, KeysetPage.Position? position, string limit)
    {
        var dates = keyset.OnDate("c.date_start");
        var after = position is null ? "" : $" WHERE {dates.After(position, filter, "c.id")}";
        return $"SELECT c.id, {(bodies is null ? "c.seq" : "c.body")}, {dates.Expression} AS sort_key FROM ({bodies ?? filter.Driver}) c{after} " +
               $"ORDER BY {keyset.OrderBy("sort_key", "c.id")} LIMIT {limit}";
    }

    /// <summary>The node of a dated page's row (alias m), by the seq its candidate carries.</summary>
    private const string DatedNodes = "CROSS JOIN nodes n ON n.seq = m.seq";

    private static string Counters(SqlFilter filter, NodeListing listing) =>
        $"SELECT coalesce(sum(value), 0) FROM counts WHERE key IN {filter.List(listing.Parts.Select(p => p.CounterKey).Distinct())}";

    private static string ListingCount(SqlFilter filter, NodeListing listing, EventCriteria? events)
    {
        // Dated and undated rows are counted together: one count per kind and sub-kind.
        var parts = listing.Parts.Select(p => p with { Dated = p.Dated == true && events is { From: not null } or { To: not null } ? true : null })
            .Distinct().Select(p => $"(SELECT count(*) FROM nodes n WHERE {Conditions(filter, p, events)})").ToList();
        return parts.Count == 0 ? "SELECT 0" : $"{filter.With}SELECT {string.Join(" + ", parts)}";
    }

    /// <returns>Null when no walk can hold a row after the cursor.</returns>
    private static string? ListingPage(
        SqlFilter filter, NodeListing listing, KeysetPage keyset, KeysetPage.Position? position, EventCriteria? events, string limit, bool keysOnly)
    {
        var walks = new List<string>();
        foreach (var part in listing.Parts)
        {
            if (keyset.WalkAfter(position, part.Dated, filter, "n.date_start", "n.id") is not { } after) continue;
            var order = part.Dated == true && keyset.ByDate ? $"n.date_start{keyset.Direction}, n.id" : "n.id";
            walks.Add($"SELECT * FROM (SELECT {Columns(keysOnly)}, {keyset.Expression} AS sort_key, n.id AS sort_id FROM nodes n " +
                      $"WHERE {Conditions(filter, part, events)}{after} ORDER BY {order} LIMIT {limit})");
        }
        if (walks.Count == 0) return null;
        var merged = walks.Count == 1 ? walks[0] : $"SELECT * FROM ({string.Join(" UNION ALL ", walks)}) ORDER BY {keyset.OrderBy("sort_key", "sort_id")} LIMIT {limit}";
        return filter.With + merged;
    }

    /// <summary>The walk's index key (kind, sub-kind, dated or not, the date window's bounds) and the query's conditions.</summary>
    private static string Conditions(SqlFilter filter, NodeListing.Part part, EventCriteria? events)
    {
        var key = $"n.kind = {filter.Value(part.Kind)}";
        if (part.SubKind is not null) key += $" AND n.sub_kind = {filter.Value(part.SubKind)}";
        if (part.Dated == false) key += " AND n.date_start IS NULL";
        else if (part.Dated == true) key += " AND n.date_start IS NOT NULL";
        if (events?.From is { } from)
            key += $" AND n.date_start >= {DateWindow.Earliest(filter.Value(Iso(from)), filter.Value($"span:{part.Kind}"))}";
        if (events?.To is { } to) key += $" AND n.date_start <= {filter.Value(Iso(to))}";
        return $"{key} AND {filter.Where}";
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd");
}
