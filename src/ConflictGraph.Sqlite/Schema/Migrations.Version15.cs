namespace ConflictGraph.Sqlite.Schema;

internal static partial class Migrations
{
    // The indexes a read follows to a node carry that node's integer key (nodes.seq): the relation indexes by node the far
    // end's, node_refs_by_date the naming node's. A far end (an event's place, its perpetrators) or a page's statement is then
    // one descent of the nodes table by seq, where it was a descent of the id index to find seq and then that one. A node's
    // seq never changes while it is stored (a write updates its row by seq; only a deletion removes it, and its relations and
    // refs, so every row that carries it, go with it), so the key is set once, when the relation or ref goes in
    // (WriteCommands.InsertRelation, refs_dated, DerivedRows.NodeRefs). The columns are NOT NULL: a relation or ref whose node
    // is not stored cannot go in. Same index names and leading columns, so every statement that probes them reads them as
    // before. The indexes are dropped first so the updates do not rewrite them row by row, and made again from the filled rows.
    private const string Version15 = """
        DROP INDEX relations_from;
        DROP INDEX relations_to;
        DROP INDEX node_refs_by_date;
        ALTER TABLE relations ADD COLUMN from_seq INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE relations ADD COLUMN to_seq INTEGER NOT NULL DEFAULT 0;
        UPDATE relations SET from_seq = (SELECT n.seq FROM nodes n WHERE n.id = relations.from_id), to_seq = (SELECT n.seq FROM nodes n WHERE n.id = relations.to_id);
        ALTER TABLE node_refs ADD COLUMN node_seq INTEGER NOT NULL DEFAULT 0;
        UPDATE node_refs SET node_seq = (SELECT n.seq FROM nodes n WHERE n.id = node_refs.node_id);
        CREATE INDEX relations_from ON relations (from_id, type, to_id, status, to_seq);
        CREATE INDEX relations_to ON relations (to_id, type, from_id, status, from_seq);
        CREATE INDEX node_refs_by_date ON node_refs (target_id, field, kind, date_start, node_id, node_seq);
        DROP TRIGGER refs_dated;
        CREATE TRIGGER refs_dated AFTER INSERT ON refs BEGIN
            INSERT OR REPLACE INTO node_refs (node_id, field, target_id, kind, date_start, node_seq)
                SELECT NEW.node_id, NEW.field, NEW.target_id, n.kind, n.date_start, n.seq FROM nodes n WHERE n.id = NEW.node_id;
        END;
        """;
}
