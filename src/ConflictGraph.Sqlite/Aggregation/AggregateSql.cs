using System.Text;
using ConflictGraph.Core.Aggregation;
using ConflictGraph.Core.Codings;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.Reading;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Aggregation;

/// <summary>
/// The one statement of an aggregate (its total's row, then its groups), grouping the roll-up rows in SQL:
/// <list type="bullet">
/// <item>a selection without a selective criterion (only kinds and dates) reads the roll-ups by kind and
/// start day (event_days) when no dimension is a node and no date bounds it (event_cube, by kind and date
/// range, when one does), the roll-ups by actor and kind (actor_kinds) for perpetrators or targets beside
/// kinds only, else the roll-up rows of the first node dimension, in key order; the event filter's own
/// conditions apply to them, since they carry its columns;</item>
/// <item>a place alone (beside kinds and dates) reads the PLACE rows of the places inside it from their index
/// by place, span class and date (schema 12), which carry every column the aggregate reads, once per event;</item>
/// <item>another selective one (perpetrator, target, words) first finds its events through the event
/// filter's driver, as the events list does (CTE matched), then reads their own roll-up rows by key;</item>
/// <item>before all of these, a place's aggregate or a PLACE grouping in whole months by month, quarter or year reads the
/// kept cells per place, kind and month instead (schema 18; <see cref="CellsAnswer"/> says exactly when).</item>
/// </list>
/// The selected events (CTE selected) are read once; the total and the groups are summed from them.
/// Killed estimates follow <see cref="SharedDeaths"/>: beside each group's tally of all its events, the
/// statement tallies the events it leaves out (with figures, in the group, under an enclosing event
/// of the same group that has figures, found by walking PART_OF up from the few parts with figures);
/// the core takes the difference.
/// </summary>
internal sealed partial class AggregateSql
{
    private readonly EventAggregateQuery query;
    private readonly SqlFilter filter;

    /// <summary>The selected events' rows read from the roll-up's PLACE rows (alias n), when a place selects them; else null.</summary>
    private readonly string? placeRows;

    /// <summary>A criterion names a few events (a place, a perpetrator, a target, words), so they are found first.</summary>
    private readonly bool driven;

    private const string Measures = "events, imprecise, disputed, counted, with_best, open_ended, killed_low, killed_best, killed_high";

    /// <summary>An event's own columns, the same in each of its roll-up rows.</summary>
    private const string EventColumns =
        "n.seq, n.sub_kind, n.date_start, n.date_end, n.disputed, n.part_of, n.counted, n.with_best, n.open_ended, n.killed_low, n.killed_best, n.killed_high";

    private readonly IReadOnlyList<EventDimension> dimensions;

    /// <summary>A date bound keeps the roll-ups by start day from answering: an event starting before the bound may end inside it.</summary>
    private readonly bool dateBound;

    private AggregateSql(EventAggregateQuery query, SqlFilter filter, string? placeRows, Cells? cells = null)
    {
        this.query = query;
        this.filter = filter;
        this.placeRows = placeRows;
        this.cells = cells;
        driven = cells is null && (filter.Driver is not null || placeRows is not null);
        dimensions = query.GroupBy;
        dateBound = query.Events.Criteria is { From: not null } or { To: not null };
    }

    /// <summary>
    /// The statements of <paramref name="query"/>. When a place is the only selective criterion (beside kinds and
    /// dates), the events are read from the roll-up's PLACE rows of the places inside it, in date order
    /// (<see cref="PlaceRows"/>), which carry every column an aggregate reads; else the event filter finds them.
    /// </summary>
    /// <param name="byPlaceRows">False to find the events through the event filter even then (tests hold the two equal).</param>
    /// <param name="byCells">False to read events even where the kept cells answer (<see cref="CellsAnswer"/>; tests hold the paths equal).</param>
    public static AggregateSql For(EventAggregateQuery query, bool byPlaceRows = true, bool byCells = true)
    {
        var criteria = query.Events.Criteria;
        if (byCells && CellsAnswer(query)) return ForCells(query);
        if (!byPlaceRows || criteria is not { PlaceId: { } place, PerpetratorId: null, TargetId: null } || SqlFilter.Match(query.Events.Text) is not null)
            return new AggregateSql(query, NodeFilters.For(query.Events.ToNodeQuery()), null);
        // The rest of the criteria (kinds, dates) hold on the roll-up's own columns, as they do on the cube's.
        var rest = NodeFilters.ForEvents(criteria with { PlaceId = null });
        return new AggregateSql(query, rest, PlaceRows(rest, rest.PlaceAndInside(place), rest.Where, criteria.From));
    }

    /// <summary>
    /// The PLACE rows of the places in <paramref name="inside"/> (a CTE of ids: a place and every place inside it) that meet
    /// <paramref name="condition"/>, once per event (an event in two of those places has a row in each). With a first day,
    /// <paramref name="from"/>, one range of the by-place index per place
    /// and span class, from the class's longest span before that day on, as the events list reads event_places.
    /// The places are joined to their rows, not listed with <c>IN</c>: a list is a table SQLite builds again in each span
    /// class's arm, about 1 ms of a 10k request; the arms are joined with UNION ALL and made distinct once, where UNION
    /// sorted each arm to merge them (a country's year at 1M: 3.8-11.7 ms of CPU against 6.1-19.6 for the statement alone).
    /// </summary>
    private static string PlaceRows(SqlFilter rest, string inside, string condition, DateOnly? from)
    {
        var rows = $"{EventColumns} FROM {inside} CROSS JOIN event_rollup n INDEXED BY {Schema.Migrations.PlaceRowsIndex} ON n.key = {inside}.id " +
                   $"WHERE n.dim = '{Dim(EventDimension.Place)}' AND {condition}";
        if (from is null) return $"SELECT DISTINCT {rows}";
        var start = rest.Value(Core.Import.InputText.FormatDate(from.Value));
        return "SELECT DISTINCT * FROM (" + string.Join(" UNION ALL ", DateWindow.SpanClasses.Select(span =>
            $"SELECT {rows} AND ({Schema.DerivedRows.SpanClass}) = {span} AND n.date_start >= {DateWindow.Earliest(start, $"'eventspan:{span}'")}")) + ")";
    }

    /// <summary>
    /// The one statement of the aggregate: the total's row first (column 0 is 1), then the groups (column 0 is 0),
    /// largest first, then by key; each row has the keys, their labels, then <see cref="Columns"/>. The two share
    /// the selected events, read once.
    /// </summary>
    public string Statement()
    {
        var ctes = Shared(dimensions);
        var totalRows = cells is { Place: not null } ? CellRows([]) : driven ? Rows("", null, [], selected: true) : dateBound ? CubeRows([]) : DayRows([]);
        ctes.AddRange(PerKeys("_all", totalRows, []));
        var nulls = string.Concat(Enumerable.Repeat("NULL, ", dimensions.Count * 2));
        var total = $"SELECT 1, {nulls}{Selected()} FROM totals_all tot CROSS JOIN fixes_all fix";
        if (dimensions.Count == 0) return $"WITH RECURSIVE {string.Join(", ", ctes)} {total}";
        var nodes = dimensions.Where(GroupKeys.IsNode).ToList();
        var rows = cells is not null ? CellRows(dimensions)
            : driven ? Rows("", null, dimensions, selected: true)
            : nodes.Count == 0 ? dateBound ? CubeRows() : DayRows()
            : ByActorAndKind(nodes) ? ActorRows(nodes[0])
            : Rows(Dim(nodes[0]), filter.Where, dimensions);
        ctes.AddRange(PerKeys("", rows, dimensions));
        var keys = Enumerable.Range(0, dimensions.Count).Select(i => $"g{i}").ToList();
        var labels = dimensions.Select((d, i) => GroupKeys.IsNode(d) ? $"(SELECT named.label FROM nodes named WHERE named.id = p.g{i})" : "NULL");
        var measures = string.Join(", ", Columns().Select(c => $"p.{c}"));
        var groups = $"SELECT 0, {string.Join(", ", keys.Select(k => $"p.{k}").Concat(labels))}, {measures} FROM (" +
                     $"SELECT {string.Join(", ", keys.Select(k => $"tot.{k}"))}, {Selected()} FROM totals tot LEFT JOIN fixes fix ON " +
                     $"{string.Join(" AND ", keys.Select(k => $"fix.{k} IS tot.{k}"))} ORDER BY tot.events DESC{string.Concat(keys.Select(k => $", tot.{k}"))} " +
                     $"LIMIT {Statements.Limit(query.First)}) p";
        // By column number, as a compound statement orders: the total first, then events, then the keys.
        var order = string.Concat(Enumerable.Range(0, dimensions.Count).Select(i => $", {i + 2}"));
        return $"WITH RECURSIVE {string.Join(", ", ctes)} {total} UNION ALL {groups} ORDER BY 1 DESC, {dimensions.Count * 2 + 2} DESC{order}";
    }

    /// <summary>The measures every statement returns after its keys: the group's, then its fixes' tally (f_...).</summary>
    private static IEnumerable<string> Columns() => Measures.Split(", ").Concat(Measures.Split(", ").Skip(3).Select(m => $"f_{m}"));

    private static string Selected() => string.Join(", ",
        Measures.Split(", ").Select(m => $"tot.{m}").Concat(Measures.Split(", ").Skip(3).Select(m => $"coalesce(fix.{m}, 0) AS f_{m}")));

    public void Bind(SqliteCommand command)
    {
        filter.Bind(command);
        command.Parameters.AddWithValue("$level", EnumNames.Of(query.PlaceLevel));
    }

    /// <summary>The CTEs every key set shares: the filter's, the selected events, the places of the level, the parts with figures and their elders.</summary>
    private List<string> Shared(IReadOnlyList<EventDimension> keys)
    {
        var ctes = new List<string>();
        if (driven || cells is not null) ctes.AddRange(filter.Definitions);
        if (driven)
        {
            // The selected events, one row each with its own roll-up columns: read once, by every part of the statement.
            if (placeRows is not null) ctes.Add($"selected AS MATERIALIZED ({placeRows})");
            else
            {
                ctes.Add($"matched(seq) AS MATERIALIZED (SELECT n.seq FROM {NodePages.Candidates(filter)} WHERE {filter.Remaining})");
                ctes.Add($"selected AS MATERIALIZED (SELECT {EventColumns} FROM event_rollup n WHERE n.dim = '' AND n.key = '' AND n.seq IN (SELECT seq FROM matched))");
            }
        }
        if (keys.Contains(EventDimension.Place))
        {
            // Down from every place of the level (a few hundred countries or regions at most), so each event's places are looked up, not walked up.
            ctes.Add("areas(place, area, depth) AS (SELECT level.id, level.id, 0 FROM nodes level WHERE level.kind = 'PLACE' AND level.sub_kind = $level " +
                     $"UNION SELECT inner_place.from_id, areas.area, areas.depth + 1 FROM areas CROSS JOIN {Traversal.IncomingTable("inner_place")} ON {Traversal.Incoming("inner_place", "areas.place", "('LOCATED_IN')")} " +
                     $"WHERE areas.depth < {TraversalLimits.MaxContainmentDepth})");
            ctes.Add("place_areas(place, area) AS MATERIALIZED (SELECT DISTINCT place, area FROM areas)");
            if (cells is not null) ctes.Add(OutsideAreas);
        }
        if (cells is not null) ctes.AddRange(cells.Ctes);
        // The parts with figures of their own are few: their partial index holds only them.
        ctes.Add(driven
            ? "parts(seq) AS MATERIALIZED (SELECT seq FROM selected WHERE part_of = 1 AND counted = 1)"
            : $"parts(seq) AS MATERIALIZED (SELECT n.seq FROM event_rollup n INDEXED BY event_rollup_parts WHERE n.dim = '' AND n.part_of = 1 AND n.counted = 1 AND {Undriven})");
        ctes.Add("up(child, id, depth) AS (SELECT parts.seq, part.id, 0 FROM parts CROSS JOIN nodes part ON part.seq = parts.seq " +
                 $"UNION SELECT up.child, whole.to_id, up.depth + 1 FROM up CROSS JOIN relations whole ON {Traversal.Outgoing("whole", "up.id")} AND +whole.type = 'PART_OF' " +
                 $"WHERE up.depth < {TraversalLimits.MaxPartOfDepth})");
        ctes.Add("elders(child, seq) AS MATERIALIZED (SELECT DISTINCT up.child, elder.seq FROM up CROSS JOIN nodes elder ON elder.id = up.id WHERE up.depth > 0)");
        return ctes;
    }

    /// <summary>
    /// The CTEs of one key set, named with <paramref name="suffix"/>: its rows, their totals (totals{suffix}) and the
    /// SharedDeaths fixes (fixes{suffix}): the parts' rows left out under an elder in the same group.
    /// </summary>
    private List<string> PerKeys(string suffix, string rows, IReadOnlyList<EventDimension> keys)
    {
        var keyNames = Enumerable.Range(0, keys.Count).Select(i => $"g{i}").ToList();
        var sameKeys = string.Concat(keyNames.Select(k => $" AND eld.{k} IS kid.{k}"));
        return
        [
            $"grouped_rows{suffix} AS ({rows})",
            $"totals{suffix} AS ({Aggregate($"grouped_rows{suffix}", keyNames)})",
            $"child_rows{suffix} AS MATERIALIZED ({Rows("", "n.seq IN (SELECT seq FROM parts)", keys)})",
            $"elder_rows{suffix} AS MATERIALIZED ({Rows("", $"n.counted = 1 AND n.seq IN (SELECT seq FROM elders) AND {(driven ? "n.seq IN (SELECT seq FROM selected)" : Undriven)}", keys)})",
            $"left_out{suffix} AS (SELECT kid.* FROM child_rows{suffix} kid WHERE EXISTS " +
            $"(SELECT 1 FROM elders CROSS JOIN elder_rows{suffix} eld ON eld.seq = elders.seq WHERE elders.child = kid.seq{sameKeys}))",
            $"fixes{suffix} AS ({Aggregate($"left_out{suffix}", keyNames)})",
        ];
    }

    private string Aggregate(string rows, IReadOnlyList<string> keys)
    {
        var grouped = keys.Count == 0 ? "" : $"{string.Join(", ", keys)}, ";
        var groupBy = keys.Count == 0 ? "" : $" GROUP BY {string.Join(", ", keys)}";
        string Sum(string column) => $"coalesce(sum({rows}.{column}), 0) AS {column}";
        return $"SELECT {grouped}{string.Join(", ", Measures.Split(", ").Select(Sum))} FROM {rows}{groupBy}";
    }

    /// <summary>Groups of the cube's cells (kind and date range): only time, kind and ACLED type can be keys here.</summary>
    private string CubeRows(IReadOnlyList<EventDimension>? keys = null)
    {
        var columns = (keys ?? dimensions).Select((d, i) => $"{Scalar(d, "n")} AS g{i}");
        return $"SELECT {string.Concat(columns.Select(c => c + ", "))}n.events, " +
               $"CASE WHEN {BucketSql.Imprecise(query.Bucket, "n")} THEN n.events ELSE 0 END AS imprecise, {Measures.Split(", ", 3)[2]} FROM event_cube n WHERE {filter.Where}";
    }

    /// <summary>Groups of the cells by kind and start day (no date bound): only time, kind and ACLED type can be keys here.</summary>
    private string DayRows(IReadOnlyList<EventDimension>? keys = null)
    {
        var columns = (keys ?? dimensions).Select((d, i) => $"{Scalar(d, "n")} AS g{i}");
        return $"SELECT {string.Concat(columns.Select(c => c + ", "))}n.events, n.{Schema.Migrations.ImpreciseColumn(query.Bucket)} AS imprecise, " +
               $"{Measures.Split(", ", 3)[2]} FROM event_days n WHERE {filter.Where}";
    }

    /// <summary>True when the one node dimension is who carried events out or who they targeted, beside kinds only, with no date bound.</summary>
    private bool ByActorAndKind(IReadOnlyList<EventDimension> nodes) =>
        !dateBound && nodes is [EventDimension.Perpetrator or EventDimension.Target] && !dimensions.Contains(EventDimension.Time);

    /// <summary>Groups of the cells by actor and kind: the actor's key, and kind or ACLED type from the cell's kind.</summary>
    private string ActorRows(EventDimension actor)
    {
        var columns = dimensions.Select((d, i) => d == actor ? $"n.key AS g{i}" : $"{Scalar(d, "n")} AS g{i}");
        return $"SELECT {string.Join(", ", columns)}, n.events, n.{Schema.Migrations.ImpreciseColumn(query.Bucket)} AS imprecise, " +
               $"{Measures.Split(", ", 3)[2]} FROM actor_kinds n WHERE n.dim = '{Dim(actor)}' AND {filter.Where}";
    }

    /// <summary>
    /// One row per event and group it is in, from the roll-up rows of <paramref name="mainDim"/> that
    /// meet <paramref name="restriction"/> (alias n), or from the rows of events the statement read first (alias ev, a name
    /// of the statement's own: CTE selected when <paramref name="selected"/>, or <paramref name="source"/>, with the selected
    /// events' columns); other node dimensions join the event's rows of theirs.
    /// </summary>
    private string Rows(string mainDim, string? restriction, IReadOnlyList<EventDimension> keys, bool selected = false, string? source = null)
    {
        selected |= source is not null;
        var n = selected ? "ev" : "n";
        var joins = new StringBuilder();
        var conditions = new List<string>();
        // An event's own row (dim '') has key '': naming it seeks the primary key once instead of the by-event index and then the row.
        if (!selected) conditions.Add(mainDim == "" ? "n.dim = '' AND n.key = ''" : $"n.dim = '{mainDim}'");
        if (restriction is not null) conditions.Add(restriction);
        var columns = new List<string>();
        for (var i = 0; i < keys.Count; i++)
        {
            var dimension = keys[i];
            if (!GroupKeys.IsNode(dimension))
            {
                columns.Add($"{Scalar(dimension, n)} AS g{i}");
                continue;
            }
            var alias = Dim(dimension) == mainDim ? n : $"k{i}";
            if (alias != n) joins.Append($" CROSS JOIN event_rollup {alias} ON {alias}.seq = {n}.seq AND {alias}.dim = '{Dim(dimension)}'");
            if (dimension != EventDimension.Place)
            {
                columns.Add($"{alias}.key AS g{i}");
                continue;
            }
            // A place outside every place of the level counts in the '' group only when none of the event's places is inside one.
            joins.Append($" LEFT JOIN place_areas a{i} ON a{i}.place = {alias}.key");
            columns.Add($"coalesce(a{i}.area, '') AS g{i}");
            conditions.Add($"(a{i}.area IS NOT NULL OR NOT EXISTS (SELECT 1 FROM event_rollup other CROSS JOIN place_areas other_area ON other_area.place = other.key " +
                           $"WHERE other.seq = {n}.seq AND other.dim = 'PLACE'))");
        }
        var distinct = keys.Contains(EventDimension.Place) ? "DISTINCT " : "";
        return $"SELECT {distinct}{n}.seq, {string.Concat(columns.Select(c => c + ", "))}1 AS events, CASE WHEN {BucketSql.Imprecise(query.Bucket, n)} THEN 1 ELSE 0 END AS imprecise, " +
               $"{n}.disputed, {n}.counted, {n}.with_best, {n}.open_ended, {n}.killed_low, {n}.killed_best, {n}.killed_high FROM {(selected ? source ?? "selected" : "event_rollup")} {n}{joins} " +
               $"WHERE {(conditions.Count == 0 ? "1" : string.Join(" AND ", conditions))}";
    }

    /// <summary>A key computed from the row's own columns: its time bucket, its kind, or its kind's ACLED event type.</summary>
    private string Scalar(EventDimension dimension, string alias) => dimension switch
    {
        EventDimension.Time => BucketSql.Key(query.Bucket, alias),
        EventDimension.Kind => $"{alias}.sub_kind",
        EventDimension.AcledEventType =>
            $"coalesce((SELECT coded.code FROM codings coded WHERE coded.subject = '{CodingRow.EventSubject}' AND coded.value = {alias}.sub_kind " +
            $"AND coded.scheme = '{CodingTable.AcledEventType}'), '')",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "a node dimension has no scalar key"),
    };

    /// <summary>The roll-up's dim value for a node dimension: its contract name.</summary>
    public static string Dim(EventDimension dimension) => EnumNames.Of(dimension);
}
