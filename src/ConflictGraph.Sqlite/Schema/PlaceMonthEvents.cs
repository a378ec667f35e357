using Microsoft.Data.Sqlite;
using ConflictGraph.Sqlite.Reading;

namespace ConflictGraph.Sqlite.Schema;

/// <summary>
/// How many events each place holds in each month (schema 20): per place_events place (where an event happened and every
/// place containing it) and month (its first day), the dated events whose range overlaps the month (<c>overlapping</c>)
/// and those starting in it (<c>starting</c>). The total of a place's events in a window of whole months, which
/// NodeFilters' place criterion selects by overlap (end on or after the window's first day, start on or before its last),
/// is then the first month's overlapping events and the later months' starting ones: an event overlapping the window
/// either overlaps its first month or starts in a later one, never both. Counting the place_events entries cost what the
/// window holds (about 220 entries for a country's month at 1M events); the kept count reads a row a month. An undated
/// event (either date NULL) overlaps no window and has no row here. Nor has an event longer than a year (span class
/// <see cref="UnkeptSpan"/>): a row a month would make a write of one event spanning centuries write thousands of rows, so
/// the reader counts those from their own place_events range, which holds few. Triggers on place_events keep it: every write that
/// places, moves, re-parents, redates or deletes an event derives its place_events rows again (schema 16's triggers), and
/// each row going in, out or redated adds or takes away its months. A bulk import drops them and derives the table with
/// <see cref="Derive"/>. A month with no event left loses its row.
/// </summary>
internal static class PlaceMonthEvents
{
    public const string Table = "place_month_events";

    /// <summary>The triggers that keep the table; a bulk import drops and recreates them (DerivedRows.Triggers).</summary>
    public static readonly IReadOnlyList<string> Triggers = ["place_month_events_placed", "place_month_events_unplaced", "place_month_events_redated"];

    /// <summary>The span class (DerivedRows.SpanClass: longer than a year) whose events the months do not keep.</summary>
    public const int UnkeptSpan = 3;

    /// <summary>True when the kept months answer a window: both bounds given, the first a month's first day, the last a month's last, in order.</summary>
    public static bool Answers(DateOnly? from, DateOnly? to) =>
        from is { Day: 1 } f && to is { } t && t.Day == DateTime.DaysInMonth(t.Year, t.Month) && f <= t;

    /// <summary>
    /// A statement returning how many of the place's events overlap the window, for parameters holding the place, the
    /// window's first day (a month's first) and its last day (a month's last): see <see cref="Answers"/>. The events the
    /// months do not keep come from <paramref name="unkept"/>, a statement selecting those of <see cref="UnkeptSpan"/> that overlap it.
    /// </summary>
    public static string Count(string place, string from, string to, string unkept) =>
        $"SELECT coalesce((SELECT overlapping FROM {Table} WHERE place_id = {place} AND month = {from}), 0) + " +
        $"coalesce((SELECT sum(starting) FROM {Table} WHERE place_id = {place} AND month > {from} AND month <= {to}), 0) + " +
        $"(SELECT count(*) FROM ({unkept}))";

    /// <summary>The months a place_events row <paramref name="row"/> (NEW, OLD or an alias) overlaps, as json_each's keys 0, 1, ... from its start's month (none when undated).</summary>
    private static string Months(string row) =>
        $"json_each('[' || substr(replace(hex(zeroblob({MonthNumber($"{row}.date_end")} - {MonthNumber($"{row}.date_start")} + 1)), '00', ',0'), 2) || ']')";

    private static string MonthNumber(string date) => $"(CAST(substr({date}, 1, 4) AS INTEGER) * 12 + CAST(substr({date}, 6, 2) AS INTEGER))";

    /// <summary>The month <c>m.key</c> months after the start's month of <paramref name="row"/>.</summary>
    private static string Month(string row) => $"date({row}.date_start, 'start of month', '+' || m.key || ' months')";

    private static string Dated(string row) => $"{row}.date_start IS NOT NULL AND {row}.date_end IS NOT NULL AND {row}.span < {UnkeptSpan}";

    /// <summary>
    /// The table from place_events (empty before): each dated row's months, grouped (9.4 s at 1M events, 3.7M rows, 464,271
    /// place-months, in the sqlite3 shell).
    /// </summary>
    public static string Fill => $"""
        INSERT INTO {Table} (place_id, month, overlapping, starting)
            SELECT p.place_id, {Month("p")}, count(*), sum(m.key = 0) FROM place_events p CROSS JOIN {Months("p")} m
            WHERE {Dated("p")} GROUP BY 1, 2;
        """;

    private static string Add(string row) => $"""
        INSERT INTO {Table} (place_id, month, overlapping, starting)
                SELECT {row}.place_id, {Month(row)}, 1, m.key = 0 FROM {Months(row)} m WHERE {Dated(row)}
                ON CONFLICT (place_id, month) DO UPDATE SET overlapping = overlapping + 1, starting = starting + excluded.starting;
        """;

    private static string Remove(string row)
    {
        var months = $"place_id = {row}.place_id AND month BETWEEN date({row}.date_start, 'start of month') AND date({row}.date_end, 'start of month') AND {Dated(row)}";
        return $"""
            UPDATE {Table} SET overlapping = overlapping - 1, starting = starting - (month = date({row}.date_start, 'start of month')) WHERE {months};
                DELETE FROM {Table} WHERE {months} AND overlapping = 0;
            """;
    }

    /// <summary>The table, filled from the rows, and its triggers; IF NOT EXISTS, so a file this build wrote and a test marked older migrates again.</summary>
    public static string Create => $"""
        CREATE TABLE IF NOT EXISTS {Table} (
            place_id TEXT NOT NULL, month TEXT NOT NULL, overlapping INTEGER NOT NULL, starting INTEGER NOT NULL,
            PRIMARY KEY (place_id, month)) STRICT, WITHOUT ROWID;
        DELETE FROM {Table};
        {Fill}
        CREATE TRIGGER IF NOT EXISTS {Triggers[0]} AFTER INSERT ON place_events BEGIN
            {Add("NEW")}
        END;
        CREATE TRIGGER IF NOT EXISTS {Triggers[1]} AFTER DELETE ON place_events BEGIN
            {Remove("OLD")}
        END;
        CREATE TRIGGER IF NOT EXISTS {Triggers[2]} AFTER UPDATE OF place_id, span, date_start, date_end ON place_events
            WHEN OLD.place_id IS NOT NEW.place_id OR OLD.span IS NOT NEW.span OR OLD.date_start IS NOT NEW.date_start OR OLD.date_end IS NOT NEW.date_end BEGIN
            {Remove("OLD")}
            {Add("NEW")}
        END;
        """;

    /// <summary>The table derived again from place_events, for a bulk import (which drops the triggers).</summary>
    public static void Derive(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.Execute($"DELETE FROM {Table};\n{Fill}", transaction);
}
