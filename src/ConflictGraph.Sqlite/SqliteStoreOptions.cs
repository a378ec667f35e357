namespace ConflictGraph.Sqlite;

/// <summary>Where the embedded store keeps its file, and how long it waits for another writer.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The shortest and longest <see cref="BusyTimeoutSeconds"/> the store accepts.</summary>
    public const int MinBusyTimeoutSeconds = 1, MaxBusyTimeoutSeconds = 600;

    /// <summary>The database file; created with its schema when missing, migrated when older.</summary>
    public required string Path { get; init; }

    /// <summary>False to refuse a missing file instead of creating it.</summary>
    public bool CreateIfMissing { get; init; } = true;

    /// <summary>
    /// How long a statement waits while another connection or process holds the file's write lock
    /// before it fails as busy (SQLITE_BUSY); whole seconds, as Microsoft.Data.Sqlite counts them.
    /// </summary>
    public int BusyTimeoutSeconds { get; init; } = 30;

    /// <summary>
    /// A debugging aid, null (off) by default: told every statement the store runs with the time
    /// SQLite spent on it, from its first step to its reset (reading its rows included).
    /// </summary>
    public Action<string, TimeSpan>? StatementTimed { get; init; }

    /// <summary>
    /// False leaves imports out of the change log: only to measure what the log costs (the
    /// benchmark's baseline). Such an import has no history, no batch, and is not seen by live
    /// updates or by the read caches of other processes.
    /// </summary>
    // REVIEW: a measuring switch on a production type; it exists because the log's cost can only be
    // compared in one run against the same build without it.
    public bool LogImports { get; init; } = true;

    /// <summary>False to write every batch row by row with indexes and triggers in place (tests compare the two paths).</summary>
    internal bool BulkLoads { get; init; } = true;
}
