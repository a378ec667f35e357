namespace ConflictGraph.Core.Model;

/// <summary>A validated set of nodes, relations and facts, written to a store in one transaction.</summary>
public sealed record GraphBatch(IReadOnlyList<Node> Nodes, IReadOnlyList<Relation> Relations)
{
    public static readonly GraphBatch Empty = new([], []);

    /// <summary>Facts about nodes of the batch or the store, each merged onto a stored one with its identity.</summary>
    public IReadOnlyList<Fact> Facts { get; init; } = [];

    public int Count => Nodes.Count + Relations.Count + Facts.Count;
}

public sealed record ImportResult(int Created, int Updated, int Unchanged, int RelationsCreated, int RelationsUpdated)
{
    public static readonly ImportResult None = new(0, 0, 0, 0, 0);

    /// <summary>Each node the write created or updated (unchanged nodes are not listed).</summary>
    public IReadOnlyList<NodeChange> NodeChanges { get; init; } = [];

    /// <summary>Each relation the write created or updated (a new claim or dispute is an update).</summary>
    public IReadOnlyList<RelationChange> RelationChanges { get; init; } = [];

    /// <summary>Facts that did not exist before.</summary>
    public int FactsCreated { get; init; }

    /// <summary>Existing facts that gained or changed a claim.</summary>
    public int FactsUpdated { get; init; }

    /// <summary>The change-log batch of this write; null when it changed nothing.</summary>
    public string? BatchId { get; init; }
}

public enum ChangeKind { Created, Updated, Deleted }

public sealed record NodeChange(string Id, NodeKind Kind, ChangeKind Change);

public sealed record RelationChange(string Id, RelationType Type, string FromId, string ToId, ChangeKind Change);

public sealed record KindCount(NodeKind Kind, int Count);

public sealed record GraphStats(int Nodes, int Relations, IReadOnlyList<KindCount> ByKind);

public sealed record GraphPath(IReadOnlyList<string> NodeIds, IReadOnlyList<Relation> Relations)
{
    public int Length => Relations.Count;
}

/// <summary>
/// A node a search found: <paramref name="NameMatch"/> when every word is in its name or an alias
/// (SearchText.Names; such hits come first), <paramref name="Score"/> the relevance within its tier (higher is better).
/// </summary>
public sealed record SearchHit(string NodeId, NodeKind Kind, double Score, bool NameMatch);
