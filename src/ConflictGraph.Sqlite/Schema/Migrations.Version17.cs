namespace ConflictGraph.Sqlite.Schema;

internal static partial class Migrations
{
    // place_events carries each event's seq (nodes.seq) in its date index, as schema 15 gave the relation indexes and node_refs
    // theirs: a page of a place's events in a window reads each event by one descent of the nodes table, where it descended
    // the id index first to find seq (at 1M events that index holds every node's id; its pages are the page's largest cost
    // that grows with the graph). A node's seq never changes while it is stored, so the column is set when the row is
    // derived (DerivedRows.PlaceEvents, the triggers below) and redating leaves it. The index is dropped first, so the
    // update does not rewrite it row by row, and made again from the filled rows, with the same leading columns.
    private static string Version17 => $"""
        DROP INDEX place_events_by_date;
        ALTER TABLE place_events ADD COLUMN event_seq INTEGER NOT NULL DEFAULT 0;
        UPDATE place_events SET event_seq = (SELECT n.seq FROM nodes n WHERE n.id = place_events.event_id);
        CREATE INDEX place_events_by_date ON place_events (place_id, span, date_start, event_id, date_end, event_seq);
        DROP TRIGGER place_events_placed;
        DROP TRIGGER place_events_unplaced;
        {PlaceEventsKept(withSeq: true)}
        """;
}
