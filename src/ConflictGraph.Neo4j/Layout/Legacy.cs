namespace ConflictGraph.Neo4j.Layout;

/// <summary>
/// The layout before 2026-12, as far as the migration and the layout check need it: every node a
/// (:Node {kind}) with its references as id lists, every relation a [:REL {id, type, status,
/// claimedBy, disputedBy}], and the indexes that served it.
/// </summary>
public static class Legacy
{
    public const string Relationship = "REL";

    /// <summary>The indexes of that layout; the migration drops them once nothing uses them.</summary>
    public static IReadOnlyList<string> Indexes { get; } =
        ["conflictgraph_node_kind", "conflictgraph_node_date", "conflictgraph_node_speaker", "conflictgraph_rel_type", "conflictgraph_rel_id"];

    /// <summary>Properties of a legacy node that the current layout keeps as labels or relationships.</summary>
    public static IReadOnlyList<string> NodeProperties { get; } =
        ["kind", "speakerId", "onBehalfOfId", "sourceId", "aboutIds", "eventIds", "organizationIds", "refs"];
}
