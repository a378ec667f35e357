namespace ConflictGraph.Api.Caching;

/// <summary>
/// Decides which store reads are worth keeping: one read twice within the window (the last
/// <see cref="CachingOptions.AdmissionWindow"/> reads that went to the store, roughly). A read asked
/// once and never again, as most are when requests spread over a large graph, costs the cache nothing
/// to keep and nothing to evict, and leaves nothing for the garbage collector to promote.
/// </summary>
/// <remarks>
/// A doorkeeper in the manner of TinyLFU's: a fixed array of 64-bit fingerprints, one slot per
/// hash, each holding the last read that landed on it. Lock-free and bounded (8 bytes a slot); a
/// read pushed out of its slot by another before it came back needs two misses again, and two reads
/// with one fingerprint would only let the second in early, never serve one for the other.
/// </remarks>
public sealed class ReadAdmission
{
    private readonly long[] seen;
    private readonly int mask;

    /// <param name="window">Reads remembered, rounded up to a power of two; 0 admits every read at its first miss.</param>
    public ReadAdmission(int window)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(window);
        if (window == 0)
        {
            seen = [];
            return;
        }
        var slots = (int)Math.Min(1 << 30, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)window));
        seen = new long[slots];
        mask = slots - 1;
    }

    /// <summary>
    /// Called when a read goes to the store: true when it went there before within the window (keep
    /// it now; in a screened kind, look it up), false at its first time (it is remembered instead).
    /// </summary>
    public bool Admit(string key) => Admit(Fingerprint(key));

    /// <summary>
    /// <see cref="Admit(string)"/> by the key's fingerprint (<see cref="Fingerprint"/>, or
    /// <see cref="ReadKeys.Fingerprint"/> without the string).
    /// </summary>
    public bool Admit(long fingerprint)
    {
        if (seen.Length == 0) return true;
        ref var slot = ref seen[(int)(fingerprint >>> 33) & mask];
        var held = Volatile.Read(ref slot);
        if (held == fingerprint) return true;
        // Of callers asking one new read at once, one takes the slot and is told it is the first; the others see it there.
        return Interlocked.CompareExchange(ref slot, fingerprint, held) == fingerprint;
    }

    /// <summary>
    /// FNV-1a over the key's characters, then a 64-bit finalizer (MurmurHash3's fmix64): stable, cheap, and never 0
    /// (an empty slot). FNV's multiply carries a change in the last characters only upward, so without the finalizer
    /// keys that differ at their end (ids in sequence: event:e0001234, event:e0001235) had slot bits that hardly
    /// differed and took one another's slots: of 1,000 such keys asked twice in 65,536 slots, 341 were let in (976 now).
    /// </summary>
    public static long Fingerprint(ReadOnlySpan<char> key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return (long)(hash | 1);
    }
}
