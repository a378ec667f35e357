namespace ConflictGraph.Sqlite.Schema;

internal static partial class Migrations
{
    // place_events holds each event under every place it happened in and every place containing one of those (LOCATED_IN,
    // up to TraversalLimits.MaxContainmentDepth levels, as a reader's walk down from a place goes), once per place, with
    // the event's dates and span class as event_places has them. A country's events in a window are then one index range
    // per span class under the country itself: adjacent entries, counted where they lie, in the page's order (start date,
    // then id), where event_places took a range per place inside the country (about 40-70 of them), each on its own index
    // pages, then a table of the distinct candidates to count and sort. Kept by triggers: an event placed or unplaced, a
    // place put in or taken out of another, re-derive the events concerned (places_touched lists them for the trigger's
    // statements and is empty outside them); a redated event has its dates updated. At 1M events it holds about 3.7M rows.
    private static string Version16 => $"""
        CREATE TABLE place_events (
            place_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            span INTEGER NOT NULL,
            date_start TEXT,
            date_end TEXT,
            PRIMARY KEY (event_id, place_id)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE places_touched (event_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;

        {DerivedRows.PlaceEventsWithoutSeq}
        CREATE INDEX place_events_by_date ON place_events (place_id, span, date_start, event_id, date_end);

        {PlaceEventsKept(withSeq: false)}
        CREATE TRIGGER place_events_redated AFTER UPDATE OF date_start, date_end ON nodes
            WHEN OLD.date_start IS NOT NEW.date_start OR OLD.date_end IS NOT NEW.date_end BEGIN
            UPDATE place_events SET (span, date_start, date_end) = (SELECT {DerivedRows.SpanClass}, n.date_start, n.date_end FROM nodes n WHERE n.id = NEW.id)
                WHERE event_id = NEW.id;
        END;
        """;

    /// <summary>
    /// The triggers that derive again the place_events rows of the events an inserted or deleted OCCURRED_IN or LOCATED_IN
    /// concerns (<see cref="PlaceEventsRederived"/>); schema 17's carry the event's seq.
    /// </summary>
    internal static string PlaceEventsKept(bool withSeq) => $"""
        CREATE TRIGGER place_events_placed AFTER INSERT ON relations WHEN NEW.type IN ('OCCURRED_IN', 'LOCATED_IN') BEGIN
            INSERT OR IGNORE INTO places_touched (event_id) SELECT NEW.from_id WHERE NEW.type = 'OCCURRED_IN'
                UNION ALL SELECT event_id FROM place_events WHERE place_id = NEW.from_id AND NEW.type = 'LOCATED_IN';
            {PlaceEventsRederived(withSeq)}
        END;
        CREATE TRIGGER place_events_unplaced AFTER DELETE ON relations WHEN OLD.type IN ('OCCURRED_IN', 'LOCATED_IN') BEGIN
            INSERT OR IGNORE INTO places_touched (event_id) SELECT OLD.from_id WHERE OLD.type = 'OCCURRED_IN'
                UNION ALL SELECT event_id FROM place_events WHERE place_id = OLD.from_id AND OLD.type = 'LOCATED_IN';
            {PlaceEventsRederived(withSeq)}
        END;
        """;

    /// <summary>The rows of the events in places_touched made again from their OCCURRED_IN and the places' LOCATED_IN, and the list emptied.</summary>
    private static string PlaceEventsRederived(bool withSeq) => $"""
        DELETE FROM place_events WHERE event_id IN (SELECT event_id FROM places_touched);
            INSERT OR IGNORE INTO place_events (place_id, event_id, span, date_start, date_end{(withSeq ? ", event_seq" : "")})
                WITH RECURSIVE up(event_id, place_id, depth) AS (
                    SELECT r.from_id, r.to_id, 0 FROM places_touched t CROSS JOIN relations r ON r.type = 'OCCURRED_IN' AND r.from_id = t.event_id
                    UNION SELECT up.event_id, l.to_id, up.depth + 1 FROM up CROSS JOIN relations l ON l.type = 'LOCATED_IN' AND l.from_id = up.place_id
                    WHERE up.depth < {Core.Rules.TraversalLimits.MaxContainmentDepth})
                SELECT up.place_id, n.id, {DerivedRows.SpanClass}, n.date_start, n.date_end{(withSeq ? ", n.seq" : "")} FROM up CROSS JOIN nodes n ON n.id = up.event_id;
            DELETE FROM places_touched;
        """;
}
