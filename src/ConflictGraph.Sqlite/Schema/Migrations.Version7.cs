namespace ConflictGraph.Sqlite.Schema;

internal static partial class Migrations
{
    // The change log: one row per change, written in the change's own transaction. seq is the
    // cursor, assigned in commit order (writes hold the file's write lock from BEGIN IMMEDIATE to
    // COMMIT) and never reused; a batch row names the write (id, writer, time, first entry).
    // An entry keeps the target's JSON before the change only: its 'after' is the next entry's
    // 'before' for the same target, or the target as stored now. kind and target_kind are the
    // codes of HistoryCodes. Existing data gets no entries: its history starts here. Sequence
    // numbers follow one another, so the log holds its newest one minus meta.history_removed (what
    // compaction took out) entries. The data version is now the newest sequence number;
    // meta.data_version no longer moves. history.batch names its history_batches row without a
    // foreign key: one would make SQLite look for child rows (a scan, with no index on batch) each
    // time a batch row is written or dropped; the writer writes a batch with its first entry, and
    // compaction drops only the batches it emptied.
    private const string Version7 = """
        CREATE TABLE history_batches (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            writer TEXT NOT NULL,
            at INTEGER NOT NULL,
            first_seq INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE history (
            seq INTEGER PRIMARY KEY,
            batch INTEGER NOT NULL,
            kind INTEGER NOT NULL,
            target_kind INTEGER NOT NULL,
            target_id TEXT NOT NULL,
            statement_id TEXT,
            before TEXT
        ) STRICT;
        CREATE INDEX history_by_target ON history (target_id, seq);
        INSERT INTO meta (key, value) VALUES ('history_removed', 0);
        """;
}
