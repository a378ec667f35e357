using ConflictGraph.Core.Aggregation;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.Reading;

namespace ConflictGraph.Sqlite.Aggregation;

/// <summary>
/// The aggregates the kept cells (place_months, schema 18) answer, and their rows. A cell sums the events of one place
/// (where they happened, or a place containing that), one kind, one month of start and one month of end; so it answers,
/// with the answer the events give, an aggregate
/// <list type="bullet">
/// <item>whose events are those of one place (and inside it), or all events, beside kinds and dates, grouped by nothing,
/// TIME, KIND, ACLED type or PLACE, in MONTH, QUARTER or YEAR buckets: an event counts in the bucket of its start, imprecise
/// when its end's bucket differs, which the start's and end's months tell for these buckets and not for a day or a week;</item>
/// <item>over the whole months of the window (<see cref="WholeMonths"/>): an event overlaps a window from a month's first day
/// to a month's last exactly when its start's month and end's month do; undated events match no bound, as their NULL months.
/// The window's part months either side are read from the events that overlap them and not the whole months (the edges: an
/// event overlapping both edges overlaps every month between, so none is read twice), with all their groups;</item>
/// <item>grouped by PLACE beside a place criterion: each place of the level inside the place gives its own cells (every
/// event there is the place's, when the walk down from the place is whole); the events in no place of the level, and those
/// also in a place of the level not inside the place (placed twice, or in a place with two containers), are read from their
/// rows, found by probing each of the place's events for such a place (place_events_by_seq), which costs the place's
/// events, not the graph; without a place criterion, every place of the level gives its cells and the events in none are
/// read.</item>
/// </list>
/// Perpetrators, targets, words, DAY and WEEK buckets and windows without a whole month read events as before. Killed
/// estimates keep <see cref="SharedDeaths"/>: the cells carry every event's tally, and the statement tallies what the rule
/// leaves out from the few parts with figures, as for every other path, over the same selection (the whole window).
/// </summary>
internal sealed partial class AggregateSql
{
    /// <summary>
    /// Set when the cells answer: the place criterion's parameter (null for a PLACE grouping of all places); the CTE of it and the
    /// places inside it (every_place, every place and '', without one); the condition on
    /// the cells and the rows read beside them (kinds, the window's whole months); the CTEs the cell rows read; whether the
    /// window's edges are read (CTE edges).
    /// </summary>
    private sealed record Cells(string? Place, string Inside, string Where, IReadOnlyList<string> Ctes, bool Edges);

    private readonly Cells? cells;

    /// <summary>True when the kept cells give this aggregate's answer (see the type's summary); the one place this is decided.</summary>
    public static bool CellsAnswer(EventAggregateQuery query)
    {
        var criteria = query.Events.Criteria ?? new EventCriteria();
        // Only a place, kinds and dates: any other criterion (a perpetrator, a target, words, one added later) reads events.
        if (criteria with { PlaceId = null, Kinds = null, From = null, To = null } != new EventCriteria() || SqlFilter.Match(query.Events.Text) is not null)
            return false;
        if (query.Bucket is not (TimeBucket.Month or TimeBucket.Quarter or TimeBucket.Year)) return false;
        if (WholeMonths(criteria.From, criteria.To) is null) return false;
        if (query.GroupBy.Any(d => d is not (EventDimension.Time or EventDimension.Kind or EventDimension.AcledEventType or EventDimension.Place))) return false;
        // Without a place or a PLACE grouping, event_days and event_cube answer already.
        return criteria.PlaceId is not null || query.GroupBy.Contains(EventDimension.Place);
    }

    /// <summary>
    /// The whole months inside a window (either bound may be open): from its first day when that is a month's first, else from
    /// the next month's; to its last day when that is a month's last, else to the end of the month before. Null when no whole
    /// month lies inside.
    /// </summary>
    private static (DateOnly? From, DateOnly? To)? WholeMonths(DateOnly? from, DateOnly? to)
    {
        DateOnly? first = from, last = to;
        if (from is { Day: not 1 } f)
        {
            if (f is { Year: 9999, Month: 12 }) return null;
            first = new DateOnly(f.Year, f.Month, 1).AddMonths(1);
        }
        if (to is { } t && t.Day != DateTime.DaysInMonth(t.Year, t.Month))
        {
            if (t is { Year: 1, Month: 1 }) return null;
            last = new DateOnly(t.Year, t.Month, 1).AddDays(-1);
        }
        return first is { } a && last is { } b && a > b ? null : (first, last);
    }

    private static AggregateSql ForCells(EventAggregateQuery query)
    {
        var criteria = query.Events.Criteria ?? new EventCriteria();
        var (first, last) = WholeMonths(criteria.From, criteria.To)!.Value;
        // The selection's own conditions (kinds, the whole window) hold on roll-up rows, as they do on the cube's.
        var rest = NodeFilters.ForEvents(criteria with { PlaceId = null });
        var place = criteria.PlaceId is { } id ? rest.Value(id) : null;
        var whole = first == criteria.From && last == criteria.To;
        // Over the window's whole months, the same rule: on the cells' months and on the rows read beside them.
        var where = whole ? rest.Where : NodeFilters.EventConditions(rest, criteria with { PlaceId = null, From = first, To = last });
        var ctes = new List<string>();
        var inside = place is null ? "every_place" : rest.PlaceAndInside(criteria.PlaceId!);
        var months = NodeFilters.EventConditions(rest, new EventCriteria { From = first, To = last });
        if (place is not null && query.GroupBy.Contains(EventDimension.Place)) ctes.AddRange(Beside(place, inside, where, months));
        if (!whole)
        {
            if (place is null) ctes.Add("every_place(id) AS (SELECT level.id FROM nodes level WHERE level.kind = 'PLACE' UNION ALL SELECT '')");
            (DateOnly? From, DateOnly? To)[] edges = [(criteria.From, first?.AddDays(-1)), (last?.AddDays(1), criteria.To)];
            // Disjoint (see the type's summary), so joined without a sort; each arm names an event once.
            ctes.Add("edges AS MATERIALIZED (" + string.Join(" UNION ALL ", edges.Where((e, i) => i == 0 ? criteria.From != first : criteria.To != last).Select(e =>
                PlaceRows(rest, inside, $"{rest.Where} AND {NodeFilters.EventConditions(rest, new EventCriteria { From = e.From, To = e.To })} AND NOT ({months})", e.From))) + ")");
        }
        return new AggregateSql(query, rest, null, new Cells(place, inside, where, ctes, !whole));
    }

    /// <summary>
    /// The CTEs of a PLACE grouping beside the place <paramref name="place"/> (<paramref name="inside"/>, it and the places
    /// inside it): the places of the level whose cells answer (inner_areas: inside it, when the walk down reached every place
    /// inside), and the events also in another place of the level (foreign_events, over the whole months). The place's events
    /// in the whole months (<paramref name="months"/>, the window's rule on place_events' own dates) are probed in seq order, so
    /// each page of place_events_by_seq is read once, not once per probe that lands on it.
    /// </summary>
    private static IEnumerable<string> Beside(string place, string inside, string where, string months)
    {
        yield return $"inner_areas(id) AS MATERIALIZED (SELECT DISTINCT level.id FROM {inside} i CROSS JOIN nodes level ON level.id = i.id " +
                     $"WHERE level.kind = 'PLACE' AND level.sub_kind = $level AND NOT EXISTS (SELECT 1 FROM {inside} deep WHERE deep.depth >= {TraversalLimits.MaxContainmentDepth}))";
        yield return "foreign_areas(id) AS MATERIALIZED (SELECT level.id FROM nodes level WHERE level.kind = 'PLACE' AND level.sub_kind = $level AND level.id NOT IN (SELECT id FROM inner_areas))";
        yield return $"probed(seq) AS MATERIALIZED (SELECT n.event_seq FROM place_events n WHERE n.place_id = {place} AND {months} ORDER BY 1)";
        yield return $"foreign_events AS MATERIALIZED (SELECT {EventColumns} FROM event_rollup n WHERE n.dim = '' AND n.key = '' AND n.seq IN " +
                     "(SELECT p.seq FROM probed p WHERE EXISTS (SELECT 1 FROM place_events x INDEXED BY place_events_by_seq " +
                     $"WHERE x.event_seq = p.seq AND x.place_id IN (SELECT id FROM foreign_areas))) AND {where})";
    }

    /// <summary>
    /// The rows of <paramref name="keys"/>' groups from the cells (alias n), shaped as <see cref="Rows"/> gives them (no seq), and
    /// those of the events read beside them (see the type's summary).
    /// </summary>
    private string CellRows(IReadOnlyList<EventDimension> keys)
    {
        var (place, where) = (cells!.Place, cells.Where);
        var columns = keys.Select((d, i) => d == EventDimension.Place ? $"n.place_id AS g{i}" : $"{Scalar(d, "n")} AS g{i}");
        var head = $"SELECT NULL AS seq, {string.Concat(columns.Select(c => c + ", "))}n.events, CASE WHEN {BucketSql.Imprecise(query.Bucket, "n")} THEN n.events ELSE 0 END AS imprecise, " +
                   $"{string.Join(", ", Measures.Split(", ").Skip(2).Select(m => $"n.{m}"))}";
        var byPlace = keys.ToList().IndexOf(EventDimension.Place);
        var arms = new List<string>();
        var outside = $"n.key IN (SELECT place FROM outside_areas) AND {where}";
        if (byPlace < 0) arms.Add($"{head} FROM place_months n WHERE n.place_id = {place} AND {where}");
        else if (place is null)
            arms.Add($"{head} FROM nodes level CROSS JOIN place_months n ON n.place_id = level.id WHERE level.kind = 'PLACE' AND level.sub_kind = $level AND {where}");
        else
        {
            arms.Add($"{head} FROM inner_areas area CROSS JOIN place_months n ON n.place_id = area.id WHERE {where}");
            arms.Add($"SELECT * FROM ({Rows("", null, keys, source: "foreign_events")}) WHERE g{byPlace} NOT IN (SELECT id FROM inner_areas)");
            outside += $" AND n.key IN (SELECT id FROM {cells.Inside})";
        }
        if (byPlace >= 0) arms.Add(Rows(Dim(EventDimension.Place), outside, keys));
        if (cells.Edges) arms.Add(Rows("", null, keys, source: "edges"));
        return string.Join(" UNION ALL ", arms);
    }

    /// <summary>The places no place of the level holds, and '' (an event placed nowhere): the keys of the events' rows the cells leave to read.</summary>
    private const string OutsideAreas =
        "outside_areas(place) AS MATERIALIZED (SELECT '' UNION ALL SELECT p.id FROM nodes p WHERE p.kind = 'PLACE' AND p.id NOT IN (SELECT place FROM place_areas))";

    /// <summary>The selection's condition on an event's own roll-up row (alias n) where no driver read the events first.</summary>
    private string Undriven => cells is { Place: { } place }
        ? $"{filter.Where} AND EXISTS (SELECT 1 FROM nodes e CROSS JOIN place_events w ON w.event_id = e.id AND w.place_id = {place} WHERE e.seq = n.seq)"
        : filter.Where;
}
