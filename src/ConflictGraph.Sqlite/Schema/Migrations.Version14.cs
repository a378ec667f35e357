namespace ConflictGraph.Sqlite.Schema;

internal static partial class Migrations
{
    // The two relation indexes by node carry the rest of each relation an event export shows (the far node and
    // the claim status): an export reads an event's places, targets and perpetrators from these indexes alone,
    // where it read a table row per relation after each index entry. Same names and leading columns, so every
    // statement that names or probes them reads them as before. At 1M events each holds about 2.2M entries and
    // grows from about 115-135 MB to about 225 MB.
    private const string Version14 = """
        DROP INDEX relations_from;
        DROP INDEX relations_to;
        CREATE INDEX relations_from ON relations (from_id, type, to_id, status);
        CREATE INDEX relations_to ON relations (to_id, type, from_id, status);
        """;
}
