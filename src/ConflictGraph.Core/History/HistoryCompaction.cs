namespace ConflictGraph.Core.History;

/// <summary>
/// Retention: old entries fold into the entry before them for the same target, so the log keeps
/// each target's life in outline (created, deleted, withdrawn) without every step between. The
/// kept entry's 'after' then reaches to where the folded ones ended, since 'after' is read from
/// the next entry kept. Both stores apply this rule; they only read and delete.
/// </summary>
public static class HistoryCompaction
{
    /// <summary>
    /// The entries of one target (oldest first) that fold away: updates and added or changed claims
    /// made before <paramref name="cutoff"/> whose previous entry is neither a deletion nor a
    /// withdrawal. The first entry of a target, every creation, deletion and withdrawal stays; so
    /// does the newest entry of the whole log (<paramref name="newest"/>), so no sequence number is
    /// ever handed out twice.
    /// </summary>
    public static IEnumerable<long> Folded(IEnumerable<(long Sequence, HistoryKind Kind, DateTimeOffset At)> entries, DateTimeOffset cutoff, long newest)
    {
        HistoryKind? previous = null;
        foreach (var (sequence, kind, at) in entries)
        {
            if (at < cutoff && sequence != newest && kind is HistoryKind.NodeUpdated or HistoryKind.ClaimAdded or HistoryKind.ClaimChanged
                && previous is { } before && !before.Removes())
                yield return sequence;
            previous = kind;
        }
    }
}

/// <summary>What a compaction did: how many entries of each kind it removed, and how many the log holds now.</summary>
public sealed record CompactionResult(DateTimeOffset Cutoff, IReadOnlyDictionary<HistoryKind, int> Removed, long Remaining)
{
    public int RemovedTotal => Removed.Values.Sum();
}
