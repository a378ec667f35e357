using ConflictGraph.Core.History;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Api.Live;

/// <summary>
/// What one committed write changed, read from the change log: its nodes and relations, the log
/// position after it (<see cref="Cursor"/>, a sequence number) and its batch. Facts are in the
/// log and in <c>history</c>, not in change sets.
/// </summary>
public sealed record GraphChanges(IReadOnlyList<NodeChange> Nodes, IReadOnlyList<RelationChange> Relations, long Cursor, string BatchId)
{
    public bool IsEmpty => Nodes.Count == 0 && Relations.Count == 0;

    /// <summary>The cursor a client passes as <c>graphChanged(after:)</c> to resume after this write.</summary>
    public string CursorText => HistoryCursor.Encode(Cursor);
}
