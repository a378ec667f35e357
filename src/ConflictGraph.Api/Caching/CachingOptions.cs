namespace ConflictGraph.Api.Caching;

/// <summary>In-memory caches (section <c>ConflictGraph:Caching</c>).</summary>
public sealed class CachingOptions
{
    public const string Section = "ConflictGraph:Caching";

    /// <summary>Keep store reads in memory until the data changes.</summary>
    public bool StoreReads { get; set; } = true;

    /// <summary>
    /// Whether the reads anchored at given ids are kept when store reads are: nodes by id, the relations of given nodes,
    /// the relations and nodes of a query level's expansion, and the pages anchored at one node
    /// (<see cref="AnchoredReads"/>). Their cost is bounded by their answer. Unset, the store decides
    /// (<see cref="CachingSetup.KeepsAnchoredReads"/>): kept on Neo4j, where each is a round trip to the server; read from
    /// the file every time on SQLite, where each costs tens of microseconds, so a request costs the same whether its ids
    /// came before or not, and always answers from the file's current state. List pages, counts, searches, paths and
    /// aggregates are kept either way.
    /// </summary>
    public bool? AnchoredReads { get; set; }

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
    /// The share of a kind of store read (expansions, node lists, pages...) that must come round (served from memory, or
    /// a miss the doorkeeper had seen before) for every read of the kind to be looked up in memory, judged on each window
    /// of <see cref="HitRateWindow"/> reads. A kind below it is screened for the next window (<see cref="HitRate"/>): a read
    /// the doorkeeper has not seen goes straight to the store, only remembered, and one it has seen is looked up, kept and
    /// served as always. Reads spread over a large graph hardly ever come round, and the cache's work on each of them
    /// costs more than the few hits save; reads that do repeat, of any kind, are kept at their second miss either way.
    /// 0 looks up every read of every kind always.
    /// </summary>
    public double MinimumHitRate { get; set; } = 0.1;

    /// <summary>How many reads of a kind each hit-rate measurement counts (<see cref="MinimumHitRate"/>).</summary>
    public int HitRateWindow { get; set; } = 256;
}
