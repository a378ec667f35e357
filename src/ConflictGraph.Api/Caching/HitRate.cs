namespace ConflictGraph.Api.Caching;

/// <summary>
/// Whether one kind of store read (expansions, node lists, pages of relations...) is looked up in memory on every read
/// or screened, judged on each window of <see cref="CachingOptions.HitRateWindow"/> reads: when fewer than
/// <see cref="CachingOptions.MinimumHitRate"/> of a window's reads were served from memory or were misses the doorkeeper
/// had seen go to the store before (<see cref="Repeat"/>: keeping them would have served them), the kind's next window
/// is screened; when a window reaches the share, the next one looks up every read again.
/// </summary>
/// <remarks>
/// Screening (<see cref="CachingGraphStore"/>): a read the doorkeeper has not seen within its window goes straight to
/// the store, remembered by its fingerprint only, with no key string, look-up, single flight or entry; a read it has
/// seen goes through the cache as usual, so it is kept at its second trip to the store and served from memory after,
/// whatever the rest of its kind does. Reads spread over a large graph hardly ever come round, and for them the cache's
/// work on every miss costs more than the few hits save; a kind whose reads do come round keeps every read's look-up.
/// Both ways a window counts the same thing (reads that came round within the doorkeeper's window), so the kind goes
/// back to looking up every read within one window of traffic that repeats. Counted in reads, not time, so it is the
/// same on a loaded machine and in a test.
/// </remarks>
public sealed class HitRate
{
    private readonly Lock gate = new();
    private readonly int window;
    private readonly int minimumHits;
    private int reads;
    private int hits;
    private int repeats;
    private volatile bool screening;

    /// <param name="window">Reads in a window.</param>
    /// <param name="minimum">The share of a window's reads that must come round; 0 looks up every read of the kind always.</param>
    public HitRate(int window, double minimum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        if (!IsShare(minimum)) throw new ArgumentOutOfRangeException(nameof(minimum), minimum, "a share between 0 and 1");
        this.window = window;
        minimumHits = (int)Math.Ceiling(window * minimum);
    }

    /// <summary>Whether <paramref name="minimum"/> can be a minimum hit rate: a share from 0 to 1 (NaN is not).</summary>
    public static bool IsShare(double minimum) => minimum is >= 0 and <= 1;

    /// <summary>Whether the kind's reads are screened now: only the ones the doorkeeper has seen before are looked up.</summary>
    public bool Screening => screening;

    /// <summary>A read of the kind, looked up or screened out: <paramref name="hit"/> when memory served it.</summary>
    public void Record(bool hit)
    {
        if (minimumHits == 0) return;
        lock (gate)
        {
            if (hit) hits++;
            if (++reads < window) return;
            screening = hits + repeats < minimumHits;
            (reads, hits, repeats) = (0, 0, 0);
        }
    }

    /// <summary>
    /// A miss the doorkeeper had seen go to the store before (<see cref="ReadAdmission"/>): it would have been a hit had
    /// it been kept then, so it counts as one. A kind whose reads come round a few thousand reads apart fills the cache
    /// slowly, and its hits alone would stay low for a long while; the doorkeeper remembers them at once.
    /// </summary>
    public void Repeat()
    {
        if (minimumHits == 0) return;
        lock (gate) repeats++;
    }
}
