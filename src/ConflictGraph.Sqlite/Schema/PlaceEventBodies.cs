using Microsoft.Data.Sqlite;
using ConflictGraph.Sqlite.Reading;

namespace ConflictGraph.Sqlite.Schema;

/// <summary>
/// Each dated place_events row with its event's body (schema 22), kept in the order a place's page in a window reads them:
/// place, span class, start date, event id. A page of a place's events in a window (NodeFilters' place criterion with
/// both bounds) merges the first rows of the place's four span-class ranges; with the bodies beside them it reads those
/// ranges and nothing else. Read through place_events_by_date, each of the page's 20 events was one descent of the nodes
/// table by seq, at 1M events a page of the table's 7 GB each (about 16 page reads a request past the read connections'
/// mapping): a cost that grew with the graph, not with the answer. An undated event (either date NULL) overlaps no window
/// and has no row. Triggers keep the table: on place_events (a row going in, out, or moved or redated: every write that
/// places, moves, re-parents, redates or deletes an event derives its place_events rows again, schema 16's triggers) and
/// on nodes (an event's body rewritten). A bulk import drops them and derives the table with <see cref="Derive"/>.
/// </summary>
internal static class PlaceEventBodies
{
    public const string Table = "place_event_bodies";

    /// <summary>The triggers that keep the table; a bulk import drops and recreates them (DerivedRows.Triggers).</summary>
    public static readonly IReadOnlyList<string> Triggers =
        ["place_event_bodies_placed", "place_event_bodies_unplaced", "place_event_bodies_redated", "place_event_bodies_rewritten"];

    /// <summary>True when a place's window can be read from the table: both bounds given (an open window reads undated events too).</summary>
    public static bool Answers(DateOnly? from, DateOnly? to) => from is not null && to is not null;

    private static string Dated(string row) => $"{row}.date_start IS NOT NULL AND {row}.date_end IS NOT NULL";

    /// <summary>The table from place_events (empty before), in the table's key order, each row's body by the event's seq.</summary>
    public static string Fill => $"""
        INSERT INTO {Table} (place_id, span, date_start, event_id, date_end, body)
            SELECT p.place_id, p.span, p.date_start, p.event_id, p.date_end, n.body
            FROM place_events p INDEXED BY place_events_by_date CROSS JOIN nodes n ON n.seq = p.event_seq
            WHERE {Dated("p")} ORDER BY p.place_id, p.span, p.date_start, p.event_id;
        """;

    private static string Add(string row) => $"""
        INSERT INTO {Table} (place_id, span, date_start, event_id, date_end, body)
                SELECT {row}.place_id, {row}.span, {row}.date_start, {row}.event_id, {row}.date_end, n.body FROM nodes n
                WHERE n.seq = {row}.event_seq AND {Dated(row)};
        """;

    private static string Remove(string row) =>
        $"DELETE FROM {Table} WHERE place_id = {row}.place_id AND span = {row}.span AND date_start = {row}.date_start AND event_id = {row}.event_id;";

    /// <summary>The table, filled from the rows, and its triggers; IF NOT EXISTS, so a file this build wrote and a test marked older migrates again.</summary>
    public static string Create => $"""
        CREATE TABLE IF NOT EXISTS {Table} (
            place_id TEXT NOT NULL, span INTEGER NOT NULL, date_start TEXT NOT NULL, event_id TEXT NOT NULL, date_end TEXT NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (place_id, span, date_start, event_id)) STRICT, WITHOUT ROWID;
        DELETE FROM {Table};
        {Fill}
        CREATE TRIGGER IF NOT EXISTS {Triggers[0]} AFTER INSERT ON place_events BEGIN
            {Add("NEW")}
        END;
        CREATE TRIGGER IF NOT EXISTS {Triggers[1]} AFTER DELETE ON place_events BEGIN
            {Remove("OLD")}
        END;
        CREATE TRIGGER IF NOT EXISTS {Triggers[2]} AFTER UPDATE OF place_id, span, date_start, date_end, event_seq ON place_events BEGIN
            {Remove("OLD")}
            {Add("NEW")}
        END;
        CREATE TRIGGER IF NOT EXISTS {Triggers[3]} AFTER UPDATE OF body ON nodes WHEN OLD.body IS NOT NEW.body BEGIN
            UPDATE {Table} SET body = NEW.body WHERE (place_id, span, date_start, event_id) IN
                (SELECT place_id, span, date_start, event_id FROM place_events WHERE event_id = NEW.id AND {Dated("place_events")});
        END;
        """;

    /// <summary>The table derived again from place_events, for a bulk import (which drops the triggers): once place_events_by_date exists.</summary>
    public static void Derive(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.Execute($"DELETE FROM {Table};\n{Fill}", transaction);
}
