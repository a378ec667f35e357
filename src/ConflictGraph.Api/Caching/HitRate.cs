namespace ConflictGraph.Api.Caching;

/// <summary>
/// Whether one kind of store read (expansions, node lists, pages of relations...) is worth caching,
/// from its measured hit rate: when fewer than <see cref="CachingOptions.MinimumHitRate"/> of a
/// window of <see cref="CachingOptions.HitRateWindow"/> reads were served from memory (or were misses
/// the doorkeeper had seen before, which keeping would have served: <see cref="Repeat"/>), the kind rests
/// for <see cref="RestWindows"/> windows (its reads go straight to the store: no key, no lookup, no
/// single flight, nothing kept), then is measured for a window again. Reads spread over a large graph
/// hardly ever repeat, and for them the cache's work on every miss (the key, the lookup, the shared
/// call, the entries kept and promoted) costs more than the few hits save; repeated reads hit
/// within a window and stay cached.
/// </summary>
/// <remarks>
/// Counted in reads, not time, so it is the same on a loaded machine and in a test. While a kind
/// rests nothing of it is read from memory: what it kept before goes stale as usual (writes still
/// bump its stamps) and is checked again when the kind is measured next.
/// </remarks>
public sealed class HitRate
{
    /// <summary>How many windows a kind whose hit rate was too low goes straight to the store.</summary>
    public const int RestWindows = 8;

    private readonly Lock gate = new();
    private readonly int window;
    private readonly int minimumHits;
    private int reads;
    private int hits;
    private int repeats;
    private int resting;

    /// <param name="window">Reads in a window.</param>
    /// <param name="minimum">The share of a window's reads that must be hits; 0 caches the kind always.</param>
    public HitRate(int window, double minimum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        if (!IsShare(minimum)) throw new ArgumentOutOfRangeException(nameof(minimum), minimum, "a share between 0 and 1");
        this.window = window;
        minimumHits = (int)Math.Ceiling(window * minimum);
    }

    /// <summary>Whether <paramref name="minimum"/> can be a minimum hit rate: a share from 0 to 1 (NaN is not).</summary>
    public static bool IsShare(double minimum) => minimum is >= 0 and <= 1;

    /// <summary>
    /// Called for each read of the kind: true when it goes through the cache (then say how it went
    /// with <see cref="Record"/>), false when the kind rests and the read goes straight to the store.
    /// </summary>
    public bool Caching()
    {
        if (minimumHits == 0 || Volatile.Read(ref resting) == 0) return true;
        lock (gate)
        {
            if (resting == 0) return true;
            resting--;
            return false;
        }
    }

    /// <summary>A read that went through the cache: <paramref name="hit"/> when memory served it.</summary>
    public void Record(bool hit)
    {
        if (minimumHits == 0) return;
        lock (gate)
        {
            if (hit) hits++;
            if (++reads < window) return;
            if (hits + repeats < minimumHits) resting = RestWindows * window;
            (reads, hits, repeats) = (0, 0, 0);
        }
    }

    /// <summary>
    /// A miss the doorkeeper had seen go to the store before (<see cref="ReadAdmission"/>): it would have been a hit had
    /// it been kept then, so it counts as one. While a kind rests nothing of it is kept, and the hits of its measured
    /// windows alone would stay low however often its reads come round; the doorkeeper still remembers them.
    /// </summary>
    public void Repeat()
    {
        if (minimumHits == 0) return;
        lock (gate) repeats++;
    }

    /// <summary>Whether the kind's reads go straight to the store now (for tests).</summary>
    public bool Resting => Volatile.Read(ref resting) > 0;
}
