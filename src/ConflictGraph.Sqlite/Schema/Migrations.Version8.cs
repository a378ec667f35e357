namespace ConflictGraph.Sqlite.Schema;

internal static partial class Migrations
{
    // A statement's log entries say what it was about before or after the change (ids joined by
    // spaces; null for other nodes, and for entries written before this version), so a reader of
    // the log, such as the read cache, knows whose lists of statements changed without reading the
    // statement. Adding a column leaves existing rows as they are (no rewrite of the log).
    private const string Version8 = """
        ALTER TABLE history ADD COLUMN about TEXT;
        """;
}
