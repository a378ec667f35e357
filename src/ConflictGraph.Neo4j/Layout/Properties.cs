namespace ConflictGraph.Neo4j.Layout;

/// <summary>
/// The properties the store keeps besides a graph node's own (<see cref="Cypher.NodeProperties"/>):
/// on relationships, on claims and on its bookkeeping node.
/// </summary>
public static class Properties
{
    /// <summary>On every relation's relationship: its id (<c>from-[TYPE]->to</c>) and its status.</summary>
    public static IReadOnlyList<string> Relation { get; } = ["id", "status"];

    /// <summary>
    /// On a :Claim: its key (statement id, a space, target id), the statement's and the target's ids
    /// (a relation's or a fact's id), the relation's identity (none for a fact), the position and the
    /// speaker's own characterization.
    /// </summary>
    public static IReadOnlyList<string> Claim { get; } = ["key", "statementId", "targetId", "relationType", "fromId", "toId", "position", "characterization"];

    /// <summary>On a :Fact: its id (<c>subject/property=value</c>), the subject's id (the node with HAS_FACT to it), property, value and status.</summary>
    public static IReadOnlyList<string> Fact { get; } = ["id", "subjectId", "property", "value", "status"];

    public static IReadOnlyList<string> Meta { get; } = ["key", "value"];

    /// <summary>
    /// On a :History entry: its sequence number (the cursor; unique, indexed), its batch (id, writer,
    /// time in Unix milliseconds, first sequence number), what changed (kind, target kind, node kind),
    /// the target's and the statement's ids, the target's JSON before the change, and for a statement
    /// what it was about before or after it (ids joined by spaces).
    /// </summary>
    public static IReadOnlyList<string> History { get; } =
        ["seq", "batchId", "writer", "at", "batchFirst", "kind", "target", "nodeKind", "targetId", "statementId", "before", "aboutIds"];

    /// <summary>
    /// On an :Event, kept by every write (<see cref="Writing.EventTallies"/>): its killed estimate as the
    /// core's CasualtyTally (events with figures, with a best, open-ended; the low, best and high sums),
    /// so aggregates add them up in Cypher. Absent on an event written before they existed.
    /// </summary>
    public static IReadOnlyList<string> EventTally { get; } = ["killedCounted", "killedWithBest", "killedOpenEnded", "killedLow", "killedBest", "killedHigh"];
}
