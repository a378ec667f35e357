using ConflictGraph.Core.Model;
using ConflictGraph.Sqlite.Aggregation;

namespace ConflictGraph.Sqlite.Schema;

internal static partial class Migrations
{
    // place_months: the kept aggregate cells (issue 11). Per containing place (every place_events place: where an event
    // happened and every place containing it), kind, month of the event's start and month of its end (each as the month's
    // first day; NULL when undated), the events' measures summed as event_cube sums them. An aggregate of a place's events
    // in whole months, by month, quarter or year, or of every place of a level, reads a few cells per place and month
    // where it read one roll-up row per event (AggregateSql says which aggregates the cells answer). The end's month keeps
    // a window on month bounds exact (an event starting before it and ending inside it overlaps it) and gives each cell's
    // imprecision in a month, quarter or year bucket. A cell is the pairs of a place_events row and its event's own
    // roll-up row (dim ''), joined by the event's seq: triggers on both tables add a pair when either row goes in and take
    // it out when either goes, so a write that re-derives either side (placed, moved, re-parented, redated, re-kinded,
    // figures or disputes changed, deleted) keeps the cells; place_events_by_seq finds an event's rows from its roll-up row.
    private static string Version18 => $"""
        CREATE TABLE place_months (
            place_id TEXT NOT NULL,
            sub_kind TEXT NOT NULL,
            date_start TEXT,
            date_end TEXT,
            kind TEXT NOT NULL GENERATED ALWAYS AS ('EVENT') VIRTUAL,
            events INTEGER NOT NULL,
            {string.Join(",\n    ", Measures.Select(m => $"{m} INTEGER NOT NULL"))}
        ) STRICT;
        CREATE UNIQUE INDEX place_months_cells ON place_months (place_id, sub_kind, date_start, date_end);
        CREATE INDEX place_events_by_seq ON place_events (event_seq);
        {DerivedRows.PlaceMonths}
        {PlaceMonthsKept}
        """;

    /// <summary>The names of the triggers that keep place_months (a bulk import drops them and derives the cells set-wise).</summary>
    public static IReadOnlyList<string> PlaceMonthsTriggers => DerivedRows.Triggers.Where(t => t.StartsWith("place_months_", StringComparison.Ordinal)).ToList();

    /// <summary>A date column as the first day of its month (NULL stays NULL), as the cells key it.</summary>
    public static string MonthOf(string column) => BucketSql.Start(TimeBucket.Month, column);

    internal static string CellColumns => $"place_id, sub_kind, date_start, date_end, events, {string.Join(", ", Measures)}";

    /// <summary>
    /// The pairs <paramref name="pairs"/> names (a SELECT of place_id, sub_kind, ms and me, the start's and end's months, and the
    /// measures) taken into their cells (sign +, each cell made when missing) or out of them (sign -, emptied cells dropped).
    /// </summary>
    private static string PairsChange(string pairs, string sign)
    {
        // LIMIT keeps the pairs a subquery of their own, read first: flattened into the update, SQLite 3.40 looked the cells up
        // by place alone before the roll-up row gave the kind and months (a country's cells, about 2,000 at 1M, per pair).
        pairs += " LIMIT -1";
        const string cell = "place_months.place_id = p.place_id AND place_months.sub_kind = p.sub_kind AND place_months.date_start IS p.ms AND place_months.date_end IS p.me";
        var change = string.Join(", ", Measures.Select(m => $"{m} = place_months.{m} {sign} p.{m}").Prepend($"events = place_months.events {sign} 1"));
        var update = $"UPDATE place_months SET {change} FROM ({pairs}) p WHERE {cell};";
        if (sign == "-")
            return $"{update}\n    DELETE FROM place_months WHERE events = 0 AND rowid IN (SELECT place_months.rowid FROM ({pairs}) p CROSS JOIN place_months ON {cell});";
        return $"INSERT INTO place_months ({CellColumns}) SELECT p.place_id, p.sub_kind, p.ms, p.me, 0, {string.Join(", ", Measures.Select(_ => "0"))} " +
               $"FROM ({pairs}) p WHERE NOT EXISTS (SELECT 1 FROM place_months WHERE {cell});\n    {update}";
    }

    /// <summary>The pairs of an event's roll-up row <paramref name="row"/> (NEW or OLD) with its place_events rows.</summary>
    private static string OfRollup(string row) =>
        $"SELECT pe.place_id, {row}.sub_kind AS sub_kind, {MonthOf($"{row}.date_start")} AS ms, {MonthOf($"{row}.date_end")} AS me, " +
        $"{string.Join(", ", Measures.Select(m => $"{row}.{m} AS {m}"))} FROM place_events pe WHERE pe.event_seq = {row}.seq";

    /// <summary>The pair of a place_events row <paramref name="row"/> (NEW or OLD) with its event's roll-up row, if that is there.</summary>
    private static string OfPlace(string row) =>
        $"SELECT {row}.place_id AS place_id, r.sub_kind, {MonthOf("r.date_start")} AS ms, {MonthOf("r.date_end")} AS me, " +
        $"{string.Join(", ", Measures.Select(m => $"r.{m}"))} FROM event_rollup r WHERE r.dim = '' AND r.key = '' AND r.seq = {row}.event_seq";

    private static string PlaceMonthsKept => $"""
        CREATE TRIGGER place_months_rolled AFTER INSERT ON event_rollup WHEN NEW.dim = '' BEGIN
            {PairsChange(OfRollup("NEW"), "+")}
        END;
        CREATE TRIGGER place_months_unrolled AFTER DELETE ON event_rollup WHEN OLD.dim = '' BEGIN
            {PairsChange(OfRollup("OLD"), "-")}
        END;
        CREATE TRIGGER place_months_placed AFTER INSERT ON place_events BEGIN
            {PairsChange(OfPlace("NEW"), "+")}
        END;
        CREATE TRIGGER place_months_unplaced AFTER DELETE ON place_events BEGIN
            {PairsChange(OfPlace("OLD"), "-")}
        END;
        """;
}
