namespace ConflictGraph.Sqlite.Schema;

internal static partial class Migrations
{
    // The roll-up rows of each place in date order, carrying every column an aggregate reads: an aggregate
    // of the events in a place (and the places inside it) over a window reads the window's rows from this
    // index, one range per place and span class (the classes of event_places: a row starting more than its
    // class's longest span before the window cannot reach into it), instead of finding each event through
    // event_places and then its node and its own roll-up row. The span class is indexed as an expression of
    // the row's dates, which a reader names the same way (DerivedRows.SpanClass); SQLite then reads the
    // index alone, where an indexed virtual column would send it to the table row as well. Only the PLACE
    // rows (one per OCCURRED_IN) are indexed. IF NOT EXISTS: a file written by this build and marked older
    // (as tests of the earlier steps do) has it already.
    private static string Version12 => $"""
        CREATE INDEX IF NOT EXISTS {PlaceRowsIndex} ON event_rollup (key, ({DerivedRows.OwnSpanClass}), date_start, date_end, sub_kind, disputed, part_of, counted,
            with_best, open_ended, killed_low, killed_best, killed_high) WHERE dim = 'PLACE';
        """;

    /// <summary>The index of the PLACE roll-up rows by place, span class and start date (schema 12).</summary>
    public const string PlaceRowsIndex = "event_rollup_places";
}
