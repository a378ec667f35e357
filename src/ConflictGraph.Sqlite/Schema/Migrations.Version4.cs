namespace ConflictGraph.Sqlite.Schema;

internal static partial class Migrations
{
    // The longest span stored in each class, kept in counts as 'eventspan:CLASS', for the event just placed or redated.
    private const string KeepSpan =
        "INSERT INTO counts (key, value) SELECT 'eventspan:' || e.span, CAST(julianday(e.date_end) - julianday(e.date_start) AS INTEGER) " +
        "FROM event_places e WHERE e.date_start IS NOT NULL AND e.event_id = ";

    private const string KeptSpan = " ON CONFLICT (key) DO UPDATE SET value = max(value, excluded.value);";

    // event_places holds where each event happened (OCCURRED_IN) with the event's dates and span
    // class, kept by triggers on relations and on the event's dates. The events of a place, and of
    // the places inside it, in a date window are then one index range per place and class: a class
    // starts its range at the window's start less the longest span it holds, so day-long events
    // (most of them) are read from the window's first day, not from a year before.
    private const string Version4 = $$"""
        CREATE TABLE event_places (
            place_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            span INTEGER NOT NULL,
            date_start TEXT,
            date_end TEXT,
            PRIMARY KEY (event_id, place_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX event_places_by_place ON event_places (place_id, span, date_start, date_end, event_id);

        CREATE TRIGGER event_placed AFTER INSERT ON relations WHEN NEW.type = 'OCCURRED_IN' BEGIN
            INSERT OR IGNORE INTO event_places (place_id, event_id, span, date_start, date_end)
                SELECT NEW.to_id, NEW.from_id, {{DerivedRows.SpanClass}}, n.date_start, n.date_end FROM nodes n WHERE n.id = NEW.from_id;
            {{KeepSpan}}NEW.from_id{{KeptSpan}}
        END;
        CREATE TRIGGER event_unplaced AFTER DELETE ON relations WHEN OLD.type = 'OCCURRED_IN' BEGIN
            DELETE FROM event_places WHERE event_id = OLD.from_id AND place_id = OLD.to_id;
        END;
        CREATE TRIGGER event_redated AFTER UPDATE OF date_start, date_end ON nodes
            WHEN OLD.date_start IS NOT NEW.date_start OR OLD.date_end IS NOT NEW.date_end BEGIN
            UPDATE event_places SET (span, date_start, date_end) = (SELECT {{DerivedRows.SpanClass}}, n.date_start, n.date_end FROM nodes n WHERE n.id = NEW.id)
                WHERE event_id = NEW.id;
            {{KeepSpan}}NEW.id{{KeptSpan}}
        END;

        {{DerivedRows.EventPlaces}}
        {{DerivedRows.EventSpans}}
        """;
}
