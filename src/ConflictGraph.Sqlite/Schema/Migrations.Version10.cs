namespace ConflictGraph.Sqlite.Schema;

internal static partial class Migrations
{
    // The full-text table keeps its index only, not a second copy of every node's search text
    // (contentless): the text is made from the node's body (NodeRow) whenever the node is written,
    // and nothing reads it back from the index, whose matches and bm25 ranks need only the terms
    // and each row's size. contentless_delete lets a row be deleted or replaced by its rowid
    // (SQLite 3.43 or later). The rows go over in one statement; ALTER TABLE renames the table's
    // own shadow tables with it.
    private const string Version10 = """
        CREATE VIRTUAL TABLE search_index USING fts5 (text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
        INSERT INTO search_index (rowid, text) SELECT rowid, text FROM search ORDER BY rowid;
        DROP TABLE search;
        ALTER TABLE search_index RENAME TO search;
        """;
}
