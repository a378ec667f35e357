using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.History;

/// <summary>
/// One committed write as the change log knows it: its id, who made it (a write key's name, 'cli',
/// 'seed'; never a key), when, and the sequence number of its first entry.
/// </summary>
public sealed record HistoryBatch(string Id, string Writer, DateTimeOffset At, long FirstSequence);

/// <summary>
/// One entry of the store's append-only change log, written in the transaction of the change it
/// records. <see cref="Sequence"/> orders the log in commit order; its cursor resumes after it.
/// </summary>
/// <param name="NodeKind">The node's kind, for node entries.</param>
/// <param name="StatementId">The statement whose position changed, for claim entries.</param>
public sealed record HistoryEntry(
    long Sequence, HistoryKind Kind, HistoryTarget Target, string TargetId, NodeKind? NodeKind, string? StatementId, HistoryBatch Batch)
{
    /// <summary>The target as JSON (<see cref="HistoryJson"/>) before the change; null for a creation, or when not read.</summary>
    public string? Before { get; init; }

    /// <summary>The target as JSON after the change; null for a deletion, or when not read.</summary>
    public string? After { get; init; }

    /// <summary>For a statement's entry, what it was about before or after the change (<see cref="LoggedChange.AboutIds"/>); null when the log does not say.</summary>
    public IReadOnlyList<string>? AboutIds { get; init; }

    public string Cursor => HistoryCursor.Encode(Sequence);
}

/// <summary>What <c>Query.history</c> asks for: one target's entries, or the whole log.</summary>
public sealed record HistoryQuery(string? TargetId = null);
