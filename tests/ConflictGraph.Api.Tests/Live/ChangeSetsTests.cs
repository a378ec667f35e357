using ConflictGraph.Api.Live;
using ConflictGraph.Core.History;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;

namespace ConflictGraph.Api.Tests.Live;

/// <summary>How one write's log entries read as a change set.</summary>
public sealed class ChangeSetsTests
{
    private static readonly HistoryBatch Batch = new("batch-1", "cli", DateTimeOffset.UnixEpoch, 10);
    private static readonly string Strikes = RelationKey.Format(RelationType.CarriedOut, "org:us", "event:strikes");

    private static HistoryEntry Entry(long sequence, HistoryKind kind, HistoryTarget target, string id, NodeKind? nodeKind = null, string? statement = null) =>
        new(sequence, kind, target, id, nodeKind, statement, Batch);

    [Fact]
    public void EachTargetAppearsOnceAsCreatedUpdatedOrDeletedWithTheWritesLastCursorAndBatch()
    {
        var changes = ChangeSets.Of(
        [
            Entry(10, HistoryKind.NodeCreated, HistoryTarget.Node, "event:strikes", NodeKind.Event),
            Entry(11, HistoryKind.NodeUpdated, HistoryTarget.Node, "org:us", NodeKind.Organization),
            Entry(12, HistoryKind.ClaimAdded, HistoryTarget.Relation, Strikes, statement: "statement:a"),
            Entry(13, HistoryKind.ClaimWithdrawn, HistoryTarget.Relation, Strikes, statement: "statement:b"),
            Entry(14, HistoryKind.FactCreated, HistoryTarget.Fact, "fact:x"),
            Entry(15, HistoryKind.NodeDeleted, HistoryTarget.Node, "person:gone", NodeKind.Person),
        ]);

        Assert.Equal(
            [("event:strikes", ChangeKind.Created), ("org:us", ChangeKind.Updated), ("person:gone", ChangeKind.Deleted)],
            changes.Nodes.Select(n => (n.Id, n.Change)));
        var relation = Assert.Single(changes.Relations);
        Assert.Equal((RelationType.CarriedOut, "org:us", "event:strikes", ChangeKind.Updated), (relation.Type, relation.FromId, relation.ToId, relation.Change));
        Assert.Equal((15L, "batch-1"), (changes.Cursor, changes.BatchId));
        Assert.Equal(15, HistoryCursor.Decode(changes.CursorText));
    }

    [Fact]
    public void ARelationCreatedAndDeletedInOneWriteReadsAsDeleted()
    {
        var changes = ChangeSets.Of(
        [
            Entry(1, HistoryKind.RelationCreated, HistoryTarget.Relation, Strikes),
            Entry(2, HistoryKind.RelationDeleted, HistoryTarget.Relation, Strikes),
        ]);
        Assert.Equal(ChangeKind.Deleted, Assert.Single(changes.Relations).Change);
    }
}
