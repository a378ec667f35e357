using ConflictGraph.Sqlite.Schema;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>
/// Makes a file this build wrote look as an older build left it, for the tests of what opening such a file does. Each
/// version since 15 has its undo here; a file taken back to a version has every later undo run on it, newest first, then
/// the test's own undo of the older change it is about. A new schema version adds its undo here, once, and every
/// migration test that goes back past it takes it.
/// </summary>
internal static class OlderSchemas
{
    /// <summary>Each version's undo: the file as the version before it left it.</summary>
    private static readonly SortedDictionary<int, string> Undo = new()
    {
        // Organizations' statements without those they spoke themselves: the organizations' nodes triggers gone, the node_refs
        // rows of no other way (spoken for it, or by a member or role holder) removed, the counts taken from the rows left.
        // The other triggers keep the texts this build gave them (schema 23's step drops and makes them again).
        [23] = string.Concat(new[] { OrganizationStatements.Triggers, OrganizationStatementRefs.Triggers }.SelectMany(t => t.Skip(8)).Select(t => $"DROP TRIGGER {t}; ")) + $"""
            DELETE FROM node_refs WHERE field = '{OrganizationStatementRefs.Field}'
                AND NOT EXISTS (SELECT 1 FROM node_refs b WHERE b.node_id = node_refs.node_id AND b.field = 'onBehalfOfId' AND b.target_id = node_refs.target_id)
                AND NOT EXISTS (SELECT 1 FROM node_refs s WHERE s.node_id = node_refs.node_id AND s.field = 'speakerId' AND s.target_id IN (
                    SELECT r.from_id FROM relations r WHERE r.type = 'MEMBER_OF' AND r.to_id = node_refs.target_id
                    UNION SELECT o.node_id FROM node_refs o WHERE o.field = 'organizationId' AND o.target_id = node_refs.target_id));
            DELETE FROM {OrganizationStatements.Table};
            INSERT INTO {OrganizationStatements.Table} (organization_id, statements)
                SELECT target_id, count(*) FROM node_refs WHERE field = '{OrganizationStatementRefs.Field}' AND kind = 'STATEMENT' GROUP BY target_id;
            """,
        // No events' bodies kept by place and date: place_event_bodies and its triggers gone.
        [22] = string.Concat(PlaceEventBodies.Triggers.Select(t => $"DROP TRIGGER {t}; ")) + $"DROP TABLE {PlaceEventBodies.Table};",
        // No organizations' statements kept under them: their node_refs rows and triggers gone.
        // (IF EXISTS: schema 23's undo dropped two of them.)
        [21] = string.Concat(OrganizationStatementRefs.Triggers.Select(t => $"DROP TRIGGER IF EXISTS {t}; ")) +
               $"DELETE FROM node_refs WHERE field = '{OrganizationStatementRefs.Field}';",
        // No kept months of places' events: place_month_events and its triggers gone.
        [20] = string.Concat(PlaceMonthEvents.Triggers.Select(t => $"DROP TRIGGER {t}; ")) + $"DROP TABLE {PlaceMonthEvents.Table};",
        // No kept speakers' statements: speaker_statements and its triggers gone.
        [19] = string.Concat(SpeakerStatements.Triggers.Select(t => $"DROP TRIGGER {t}; ")) + $"DROP TABLE {SpeakerStatements.Table};",
        // No kept aggregate cells: place_months, its triggers and place_events' index by seq gone.
        [18] = string.Concat(Migrations.PlaceMonthsTriggers.Select(t => $"DROP TRIGGER {t}; ")) + "DROP TABLE place_months; DROP INDEX place_events_by_seq;",
        // place_events without the events' seqs, its index and triggers as schema 16 made them.
        [17] = $"""
            DROP INDEX place_events_by_date; ALTER TABLE place_events DROP COLUMN event_seq;
            CREATE INDEX place_events_by_date ON place_events (place_id, span, date_start, event_id, date_end);
            DROP TRIGGER place_events_placed; DROP TRIGGER place_events_unplaced;
            {Migrations.PlaceEventsKept(withSeq: false)}
            """,
        // No place_events.
        [16] = """
            DROP TRIGGER place_events_placed; DROP TRIGGER place_events_unplaced; DROP TRIGGER place_events_redated;
            DROP TABLE place_events; DROP TABLE places_touched;
            """,
        // No seq columns; the relation indexes, node_refs_by_date and the refs_dated trigger as schema 14 made them.
        [15] = """
            DROP INDEX relations_from; DROP INDEX relations_to; DROP INDEX node_refs_by_date;
            ALTER TABLE relations DROP COLUMN from_seq; ALTER TABLE relations DROP COLUMN to_seq; ALTER TABLE node_refs DROP COLUMN node_seq;
            CREATE INDEX relations_from ON relations (from_id, type, to_id, status);
            CREATE INDEX relations_to ON relations (to_id, type, from_id, status);
            CREATE INDEX node_refs_by_date ON node_refs (target_id, field, kind, date_start, node_id);
            DROP TRIGGER refs_dated;
            CREATE TRIGGER refs_dated AFTER INSERT ON refs BEGIN
                INSERT OR REPLACE INTO node_refs (node_id, field, target_id, kind, date_start)
                    SELECT NEW.node_id, NEW.field, NEW.target_id, n.kind, n.date_start FROM nodes n WHERE n.id = NEW.node_id;
            END;
            """,
    };

    /// <summary>
    /// The script that takes a file of the latest schema back to <paramref name="version"/>: the undo of every later
    /// version, newest first, then <paramref name="older"/> (what the test undoes of versions before 15), then the version.
    /// </summary>
    public static string Script(int version, string older = "")
    {
        if (Undo.Keys.Max() != Migrations.Latest)
            throw new InvalidOperationException($"schema {Migrations.Latest} has no undo in {nameof(OlderSchemas)}: add it there");
        var newer = Undo.Where(u => u.Key > version).OrderByDescending(u => u.Key).Select(u => u.Value);
        return $"{string.Concat(newer)} {older} PRAGMA user_version = {version};";
    }

    /// <summary>
    /// Rewrites the (closed) store file at <paramref name="path"/> as <paramref name="version"/> left it (<see cref="Script"/>),
    /// with no pooled connection of this process left holding the newer schema.
    /// </summary>
    public static void Write(string path, int version, string older = "")
    {
        SqliteConnection.ClearAllPools();
        SqliteFile.Query(path, Script(version, older), readOnly: false);
        Assert.Equal([version.ToString()], SqliteFile.Query(path, "PRAGMA user_version"));
    }

    /// <summary>Asserts that opening the file brought it to the latest schema.</summary>
    public static void AssertLatest(string path) =>
        Assert.Equal([Migrations.Latest.ToString()], SqliteFile.Query(path, "PRAGMA user_version"));
}
