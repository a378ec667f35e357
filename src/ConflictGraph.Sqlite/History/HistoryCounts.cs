namespace ConflictGraph.Sqlite.History;

/// <summary>
/// The log's size without counting it: sequence numbers follow one another from 1, so it holds its
/// newest number less what compaction removed (kept in meta).
/// </summary>
internal static class HistoryCounts
{
    /// <summary>The newest sequence number, 0 for an empty log: one seek (a bare max of the key; wrapped in coalesce it would scan).</summary>
    public const string Newest = "SELECT coalesce((SELECT max(seq) FROM history), 0)";

    public const string Entries =
        "SELECT coalesce((SELECT max(seq) FROM history), 0) - (SELECT value FROM meta WHERE key = 'history_removed')";

    /// <summary>Adds <c>$removed</c> entries to what compaction took out.</summary>
    public const string Removed = "UPDATE meta SET value = value + $removed WHERE key = 'history_removed'";
}
