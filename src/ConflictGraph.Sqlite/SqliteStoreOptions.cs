namespace ConflictGraph.Sqlite;

/// <summary>Where the embedded store keeps its file.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The database file; created with its schema when missing, migrated when older.</summary>
    public required string Path { get; init; }

    /// <summary>False to refuse a missing file instead of creating it.</summary>
    public bool CreateIfMissing { get; init; } = true;
}
