namespace ConflictGraph.Sqlite.Schema;

internal static partial class Migrations
{
    // node_refs holds every row of refs with the kind and first date of the node that names the
    // target, kept by triggers on refs and on the node's kind and dates. The nodes naming one target
    // in one field (an actor's statements, the statements about an event, a source's) are then one
    // index range in date order: a page of them reads the page, not every statement ever made, and
    // their number is counted from the index without reading a node.
    private const string Version5 = $$"""
        CREATE TABLE node_refs (
            node_id TEXT NOT NULL,
            field TEXT NOT NULL,
            target_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            date_start TEXT,
            PRIMARY KEY (node_id, field, target_id)
        ) STRICT, WITHOUT ROWID;

        INSERT INTO node_refs (node_id, field, target_id, kind, date_start)
            SELECT f.node_id, f.field, f.target_id, n.kind, n.date_start FROM refs f CROSS JOIN nodes n ON n.id = f.node_id;
        CREATE INDEX node_refs_by_date ON node_refs (target_id, field, kind, date_start, node_id);

        CREATE TRIGGER refs_dated AFTER INSERT ON refs BEGIN
            INSERT OR REPLACE INTO node_refs (node_id, field, target_id, kind, date_start)
                SELECT NEW.node_id, NEW.field, NEW.target_id, n.kind, n.date_start FROM nodes n WHERE n.id = NEW.node_id;
        END;
        CREATE TRIGGER refs_undated AFTER DELETE ON refs BEGIN
            DELETE FROM node_refs WHERE node_id = OLD.node_id AND field = OLD.field AND target_id = OLD.target_id;
        END;
        CREATE TRIGGER refs_redated AFTER UPDATE OF kind, date_start ON nodes
            WHEN OLD.kind IS NOT NEW.kind OR OLD.date_start IS NOT NEW.date_start BEGIN
            UPDATE node_refs SET kind = NEW.kind, date_start = NEW.date_start WHERE node_id = NEW.id;
        END;
        """;
}
