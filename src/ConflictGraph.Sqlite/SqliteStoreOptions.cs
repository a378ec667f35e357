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
    /// The most <see cref="ReadMapMiB"/> can be: SQLite's own limit on a mapping in the build the store uses
    /// (SQLITE_MAX_MMAP_SIZE, 0x7fff0000 bytes), which quietly cuts a larger <c>mmap_size</c> down to it.
    /// </summary>
    public const int MaxReadMapMiB = 0x7fff0000 / (1024 * 1024);

    /// <summary>
    /// How much of the file, from its start, each read connection maps into memory (SQLite's <c>mmap_size</c>),
    /// in MiB; 0 maps nothing. Pages inside the mapping are read in place from the operating system's cache;
    /// pages past it are read with one call each and copied into the connection's own page cache. Mapped pages
    /// are that OS cache, not a copy, but each connection's mapping counts the pages it touched in the process's
    /// resident size (RSS, as file-backed pages the OS can drop). The default maps all of a store of up to
    /// 10k-odd events; for a store many times larger, 0 keeps RSS down at no measured CPU cost (BENCHMARKS.md,
    /// "Page reads and the 2-level query, session 9").
    /// </summary>
    public int ReadMapMiB { get; init; } = 256;

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
