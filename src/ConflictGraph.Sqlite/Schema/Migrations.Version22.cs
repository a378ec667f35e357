namespace ConflictGraph.Sqlite.Schema;

internal static partial class Migrations
{
    // Each dated place_events row with its event's body, in a place's page order, kept by triggers (PlaceEventBodies): a
    // place's page in a window reads its ranges and no node row.
    private static string Version22 => PlaceEventBodies.Create;
}
