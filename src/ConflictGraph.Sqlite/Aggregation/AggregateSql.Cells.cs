using ConflictGraph.Core.Aggregation;
using ConflictGraph.Core.Model;
using ConflictGraph.Sqlite.Reading;

namespace ConflictGraph.Sqlite.Aggregation;

/// <summary>
/// The aggregates the kept cells (place_months, schema 18) answer, and their rows. A cell sums the events of one place
/// (where they happened, or a place containing that), one kind, one month of start and one month of end; so it answers,
/// with the answer the events give, an aggregate
/// <list type="bullet">
/// <item>whose events are those of one place (and inside it), or all events grouped by PLACE (each place of the level:
/// its own cells; the events in no place of the level: their PLACE rows, as the statement reads them otherwise), beside kinds
/// and dates on whole months only: a first day that is a month's first, a last day that is a month's last (an event overlaps
/// such a window exactly when its start's month and end's month do; undated events match no bound, as their NULL months);</item>
/// <item>grouped by nothing, TIME, KIND or ACLED type besides (and PLACE, without a place criterion), in MONTH, QUARTER or
/// YEAR buckets: an event counts in the bucket of its start, imprecise when its end's bucket differs, which the start's and
/// end's months tell for these buckets and not for a day or a week.</item>
/// </list>
/// Perpetrators, targets, words, a place beside a PLACE grouping, DAY and WEEK buckets and windows off month bounds read events
/// as before. Killed estimates keep <see cref="Core.Rules.SharedDeaths"/>: the cells carry every event's tally, and the
/// statement tallies what the rule leaves out from the few parts with figures, as for every other path, over the same selection.
/// </summary>
internal sealed partial class AggregateSql
{
    /// <summary>Set when the cells answer: the place criterion's parameter, or null for a PLACE grouping of all places.</summary>
    private sealed record Cells(string? Place);

    private readonly Cells? cells;

    /// <summary>True when the kept cells give this aggregate's answer (see the type's summary); the one place this is decided.</summary>
    public static bool CellsAnswer(EventAggregateQuery query)
    {
        var criteria = query.Events.Criteria ?? new Core.Store.EventCriteria();
        // Only a place, kinds and dates: any other criterion (a perpetrator, a target, words, one added later) reads events.
        if (criteria with { PlaceId = null, Kinds = null, From = null, To = null } != new Core.Store.EventCriteria() || SqlFilter.Match(query.Events.Text) is not null)
            return false;
        if (query.Bucket is not (TimeBucket.Month or TimeBucket.Quarter or TimeBucket.Year)) return false;
        if (criteria.From is { Day: not 1 } || criteria.To is { } to && to.AddDays(1).Day != 1) return false;
        if (query.GroupBy.Any(d => d is not (EventDimension.Time or EventDimension.Kind or EventDimension.AcledEventType or EventDimension.Place))) return false;
        // A place beside a PLACE grouping intersects two places' events; without either, event_days and event_cube answer already.
        return criteria.PlaceId is null == query.GroupBy.Contains(EventDimension.Place);
    }

    private static AggregateSql ForCells(EventAggregateQuery query)
    {
        var criteria = query.Events.Criteria ?? new Core.Store.EventCriteria();
        if (criteria.PlaceId is not { } place) return new AggregateSql(query, NodeFilters.For(query.Events.ToNodeQuery()), null, new Cells(null));
        // Kinds and dates hold on the cells' own columns (their months), as they do on the roll-up's.
        var rest = NodeFilters.ForEvents(criteria with { PlaceId = null });
        return new AggregateSql(query, rest, null, new Cells(rest.Value(place)));
    }

    /// <summary>
    /// The rows of <paramref name="keys"/>' groups from the cells (alias n), shaped as <see cref="Rows"/> gives them (no seq): a place's
    /// cells, or those of every place of the level with the rows of the events in none of them.
    /// </summary>
    private string CellRows(IReadOnlyList<EventDimension> keys)
    {
        var columns = keys.Select((d, i) => d == EventDimension.Place ? $"n.place_id AS g{i}" : $"{Scalar(d, "n")} AS g{i}");
        var head = $"SELECT NULL AS seq, {string.Concat(columns.Select(c => c + ", "))}n.events, CASE WHEN {BucketSql.Imprecise(query.Bucket, "n")} THEN n.events ELSE 0 END AS imprecise, " +
                   $"{string.Join(", ", Measures.Split(", ").Skip(2).Select(m => $"n.{m}"))}";
        if (cells!.Place is { } place) return $"{head} FROM place_months n WHERE n.place_id = {place} AND {filter.Where}";
        return $"{head} FROM nodes level CROSS JOIN place_months n ON n.place_id = level.id WHERE level.kind = 'PLACE' AND level.sub_kind = $level AND {filter.Where} " +
               $"UNION ALL {Rows(Dim(EventDimension.Place), $"n.key IN (SELECT place FROM outside_areas) AND {filter.Where}", keys)}";
    }

    /// <summary>The places no place of the level holds, and '' (an event placed nowhere): the keys of the events' rows the cells leave to read.</summary>
    private const string OutsideAreas =
        "outside_areas(place) AS MATERIALIZED (SELECT '' UNION ALL SELECT p.id FROM nodes p WHERE p.kind = 'PLACE' AND p.id NOT IN (SELECT place FROM place_areas))";

    /// <summary>The selection's condition on an event's own roll-up row (alias n) where no driver read the events first.</summary>
    private string Undriven => cells is { Place: { } place }
        ? $"{filter.Where} AND EXISTS (SELECT 1 FROM nodes e CROSS JOIN place_events w ON w.event_id = e.id AND w.place_id = {place} WHERE e.seq = n.seq)"
        : filter.Where;
}
