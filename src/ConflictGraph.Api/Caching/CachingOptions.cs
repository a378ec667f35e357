namespace ConflictGraph.Api.Caching;

/// <summary>In-memory caches (section <c>ConflictGraph:Caching</c>).</summary>
public sealed class CachingOptions
{
    public const string Section = "ConflictGraph:Caching";

    /// <summary>Keep store reads in memory until the data changes.</summary>
    public bool StoreReads { get; set; } = true;

    /// <summary>Keep parsed and validated documents, keyed by their text.</summary>
    public bool Documents { get; set; } = true;

    /// <summary>
    /// How often the store's data version is re-read, so writes by other processes (the CLI,
    /// another instance) show up; writes through this service show up at once.
    /// </summary>
    public TimeSpan VersionCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most store reads kept; the least recently used go first.</summary>
    public long MaxEntries { get; set; } = 50_000;

    /// <summary>
    /// A store read is kept only when it went to the store before among about this many recent
    /// reads (a doorkeeper): a read asked once, as most are when requests spread over a large graph,
    /// is never kept, so it costs no eviction and no memory. 0 keeps every read at its first miss.
    /// </summary>
    public int AdmissionWindow { get; set; } = 65_536;
}
