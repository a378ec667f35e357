namespace ConflictGraph.Api.Caching;

/// <summary>
/// Versions of what cached reads depend on. Each tag (a node, the relations around a node, a
/// kind...) hashes to one of a fixed number of counters, so memory stays bounded however many
/// tags there are; a write bumps the counters of what it touched, and a cached read is fresh
/// while every counter it was stamped with is unchanged. A write elsewhere sharing a counter only
/// costs a spurious miss.
/// </summary>
public sealed class ReadStamps
{
    private const int Buckets = 4096;
    private readonly long[] versions = new long[Buckets];
    private long generation;
    private long writes;

    /// <summary>The versions a read depended on when it was stored.</summary>
    public sealed record Stamp(long Generation, int[] Buckets, long[] Versions);

    /// <summary>Moves whenever a write starts or ends, so a read that overlapped one is never stored.</summary>
    public long Writes => Interlocked.Read(ref writes);

    public void WriteStarted() => Interlocked.Increment(ref writes);

    /// <summary>After a write: every read that depended on one of <paramref name="tags"/> is stale.</summary>
    public void Touch(IEnumerable<string> tags)
    {
        foreach (var bucket in tags.Select(Bucket).Distinct()) Interlocked.Increment(ref versions[bucket]);
        Interlocked.Increment(ref writes);
    }

    /// <summary>After a change we cannot describe (another process wrote, a node was deleted): every read is stale.</summary>
    public void TouchAll()
    {
        Interlocked.Increment(ref generation);
        Interlocked.Increment(ref writes);
    }

    /// <summary>The stamp of a read that depended on <paramref name="tags"/>, or null when a write overlapped it (started after <paramref name="writesBefore"/>).</summary>
    public Stamp? Take(IEnumerable<string> tags, long writesBefore)
    {
        var buckets = tags.Select(Bucket).Distinct().ToArray();
        var stamp = new Stamp(Interlocked.Read(ref generation), buckets, buckets.Select(b => Interlocked.Read(ref versions[b])).ToArray());
        return Writes == writesBefore ? stamp : null;
    }

    public bool IsFresh(Stamp stamp)
    {
        if (stamp.Generation != Interlocked.Read(ref generation)) return false;
        for (var i = 0; i < stamp.Buckets.Length; i++)
            if (Interlocked.Read(ref versions[stamp.Buckets[i]]) != stamp.Versions[i]) return false;
        return true;
    }

    /// <summary>
    /// The tag's counter, by FNV-1a over its UTF-16 code units: the same in every process. String hashes are seeded anew in
    /// each process, so which tags shared a counter, and so which writes cost which reads a spurious miss, changed from one
    /// run to the next.
    /// </summary>
    private static int Bucket(string tag)
    {
        var hash = 2166136261u;
        foreach (var c in tag) hash = (hash ^ c) * 16777619u;
        return (int)(hash % Buckets);
    }
}
