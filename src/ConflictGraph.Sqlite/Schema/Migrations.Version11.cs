namespace ConflictGraph.Sqlite.Schema;

internal static partial class Migrations
{
    // The name index: a second, small full-text table holding each person's, organization's and
    // place's name and aliases (SearchText.Names), rowid = nodes.seq, contentless like search. Search
    // ranks the hits found in it before those found only in the rest of the text, and when they fill
    // the page it never reads the large index, whose matches (and bm25's work) grow with the graph.
    // The rows need the core's folding, so they are made in code (NameIndex.Rebuild).
    private const string Version11 = $"""
        CREATE VIRTUAL TABLE {Writing.NameIndex.Table} USING fts5 (text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
        """;
}
