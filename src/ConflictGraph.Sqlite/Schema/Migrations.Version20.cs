namespace ConflictGraph.Sqlite.Schema;

internal static partial class Migrations
{
    // Each place's events by month, counted and kept by triggers on place_events (PlaceMonthEvents): the total of a place's
    // events in a window of whole months reads a row a month instead of counting the window's place_events entries.
    private static string Version20 => PlaceMonthEvents.Create;
}
