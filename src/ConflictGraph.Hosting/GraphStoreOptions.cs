namespace ConflictGraph.Hosting;

/// <summary>The stores this service can run on.</summary>
public enum StoreKind { Sqlite, Neo4j }

/// <summary>
/// Which store to use and where it is, bound from the "ConflictGraph" configuration section
/// (environment: <c>ConflictGraph__Store</c>, <c>ConflictGraph__Sqlite__Path</c>).
/// </summary>
public sealed class GraphStoreOptions
{
    public const string Section = "ConflictGraph";

    /// <summary><c>Sqlite</c> (the default: a file, zero setup) or <c>Neo4j</c>.</summary>
    public string Store { get; set; } = nameof(StoreKind.Sqlite);

    public SqliteSettings Sqlite { get; set; } = new();

    public Neo4jSettings Neo4j { get; set; } = new();

    /// <summary>The store named by <see cref="Store"/>, matched ignoring case; null when it names none.</summary>
    public StoreKind? Kind => Enum.TryParse<StoreKind>(Store, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : null;
}

public sealed class SqliteSettings
{
    /// <summary>The database file; a relative path is taken from the current directory.</summary>
    public string Path { get; set; } = "data/conflictgraph.db";

    public string FullPath => System.IO.Path.GetFullPath(Path);

    /// <summary>Whether opening creates a missing file; the CLI's read commands turn it off.</summary>
    public bool CreateIfMissing { get; set; } = true;

    /// <summary>
    /// Seconds a write (or a read) waits while another process holds the file's lock, e.g. a CLI import,
    /// before it gives up: the API answers <c>STORE_UNAVAILABLE</c> with a retry hint, the CLI exits 1.
    /// </summary>
    public int BusyTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// How much of the file, from its start, each read connection maps into memory, in MiB, 0 to 2047
    /// (<c>ConflictGraph__Sqlite__ReadMapMiB</c>; see SqliteStoreOptions.ReadMapMiB): 0 for a store far larger than it.
    /// </summary>
    public int ReadMapMiB { get; set; } = 256;

    /// <summary>
    /// A debugging aid (<c>ConflictGraph__Sqlite__TraceStatements=true</c>): logs every statement the
    /// store runs with its time at Information under the category <c>ConflictGraph.Sqlite.Statements</c>.
    /// </summary>
    public bool TraceStatements { get; set; }

    /// <summary>False leaves imports out of the change log; only the benchmark's baseline sets it (see SqliteStoreOptions.LogImports).</summary>
    public bool LogImports { get; set; } = true;
}

/// <summary>
/// The Neo4j server reached over its HTTP Query API (environment: <c>ConflictGraph__Neo4j__Uri</c>,
/// <c>__Database</c>, <c>__User</c>, <c>__Password</c>, <c>__RequestTimeout</c>, <c>__MaxRetries</c>).
/// </summary>
public sealed class Neo4jSettings
{
    /// <summary>http(s)://host:port of the server's HTTP endpoint (7474 by default; Aura: https://xxxx.databases.neo4j.io).</summary>
    public string? Uri { get; set; }

    public string Database { get; set; } = "neo4j";

    public string User { get; set; } = "neo4j";

    public string Password { get; set; } = "";

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxRetries { get; set; } = 3;
}
