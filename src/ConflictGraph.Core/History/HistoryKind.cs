namespace ConflictGraph.Core.History;

/// <summary>What one change-log entry records. Claim entries name the relation or fact as their target and the statement besides.</summary>
public enum HistoryKind
{
    NodeCreated, NodeUpdated, NodeDeleted,
    RelationCreated, RelationDeleted,
    FactCreated, FactDeleted,
    ClaimAdded, ClaimChanged, ClaimWithdrawn,
}

/// <summary>What an entry's target is: a node, a relation (with its claims) or a fact (with its claims).</summary>
public enum HistoryTarget { Node, Relation, Fact }

public static class HistoryKinds
{
    /// <summary>Deletions: the target is gone after them.</summary>
    public static bool Deletes(this HistoryKind kind) =>
        kind is HistoryKind.NodeDeleted or HistoryKind.RelationDeleted or HistoryKind.FactDeleted;

    /// <summary>Deletions and withdrawals: what a retraction or a correction leaves behind, kept by every compaction.</summary>
    public static bool Removes(this HistoryKind kind) => kind.Deletes() || kind == HistoryKind.ClaimWithdrawn;

    /// <summary>Creations: the first entry of a target's life, before which it did not exist.</summary>
    public static bool Creates(this HistoryKind kind) =>
        kind is HistoryKind.NodeCreated or HistoryKind.RelationCreated or HistoryKind.FactCreated;
}
