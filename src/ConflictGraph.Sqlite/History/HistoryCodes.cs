using ConflictGraph.Core.History;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Sqlite.History;

/// <summary>
/// The numbers the history table stores for an entry's kind and its target's kind (a byte each
/// instead of a name). Stored data depends on them: add at the end, never reorder.
/// </summary>
internal static class HistoryCodes
{
    private static readonly HistoryKind[] Kinds =
    [
        HistoryKind.NodeCreated, HistoryKind.NodeUpdated, HistoryKind.NodeDeleted,
        HistoryKind.RelationCreated, HistoryKind.RelationDeleted,
        HistoryKind.FactCreated, HistoryKind.FactDeleted,
        HistoryKind.ClaimAdded, HistoryKind.ClaimChanged, HistoryKind.ClaimWithdrawn,
    ];

    private static readonly NodeKind[] NodeKinds =
        [NodeKind.Person, NodeKind.Organization, NodeKind.Place, NodeKind.Event, NodeKind.Statement, NodeKind.Source];

    private const long Relation = 100;
    private const long Fact = 101;

    public static long Of(HistoryKind kind) => Array.IndexOf(Kinds, kind);

    public static HistoryKind Kind(long code) => Kinds[code];

    /// <summary>A node's kind, or the relation or fact code.</summary>
    public static long TargetOf(LoggedChange change) => change.Target switch
    {
        HistoryTarget.Relation => Relation,
        HistoryTarget.Fact => Fact,
        _ => Array.IndexOf(NodeKinds, change.NodeKind ?? throw new ArgumentException($"node entry for '{change.TargetId}' without a kind")),
    };

    public static (HistoryTarget Target, NodeKind? NodeKind) Target(long code) => code switch
    {
        Relation => (HistoryTarget.Relation, null),
        Fact => (HistoryTarget.Fact, null),
        _ => (HistoryTarget.Node, NodeKinds[code]),
    };
}
