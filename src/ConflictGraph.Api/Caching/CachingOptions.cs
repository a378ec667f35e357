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

    /// <summary>
    /// The share of a kind of store read (expansions, node lists, pages...) that must be served from
    /// memory for the kind to stay cached: measured over <see cref="HitRateWindow"/> reads, and a kind
    /// below it goes straight to the store for the next <see cref="HitRate.RestWindows"/> windows'
    /// reads before it is measured again (<see cref="HitRate"/>). Reads spread over a large graph
    /// hardly ever hit, and then the cache's work on each miss costs more than its hits save.
    /// 0 (the default) caches every kind always: a kind is one store operation for every query that
    /// uses it, so a kind resting through spread traffic also stops the hits of reads that do repeat
    /// (BENCHMARKS.md, "Quiet-machine check at 1M, session 13"). 0.1 suits a service whose traffic
    /// is spread over a large graph throughout.
    /// </summary>
    public double MinimumHitRate { get; set; }

    /// <summary>How many reads of a kind each hit-rate measurement counts (<see cref="MinimumHitRate"/>).</summary>
    public int HitRateWindow { get; set; } = 256;
}
