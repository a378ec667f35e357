using ConflictGraph.Core.History;
using ConflictGraph.Core.Paging;

namespace ConflictGraph.Core.Tests.History;

public sealed class HistoryCompactionTests
{
    private static readonly DateTimeOffset Old = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Cutoff = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Recent = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

    private static List<long> Folded(long newest, params (HistoryKind Kind, DateTimeOffset At)[] entries) =>
        HistoryCompaction.Folded(entries.Select((e, i) => ((long)i + 1, e.Kind, e.At)), Cutoff, newest).ToList();

    [Fact]
    public void OldUpdatesFoldIntoTheCreationBeforeThem() =>
        Assert.Equal([2, 3], Folded(99, (HistoryKind.NodeCreated, Old), (HistoryKind.NodeUpdated, Old), (HistoryKind.NodeUpdated, Old), (HistoryKind.NodeUpdated, Recent)));

    [Fact]
    public void DeletionsWithdrawalsAndWhatFollowsThemStay() =>
        Assert.Equal([6], Folded(99,
            (HistoryKind.RelationCreated, Old), (HistoryKind.ClaimWithdrawn, Old), (HistoryKind.ClaimAdded, Old), (HistoryKind.RelationDeleted, Old),
            (HistoryKind.RelationCreated, Old), (HistoryKind.ClaimChanged, Old)));

    [Fact]
    public void TheFirstEntryOfATargetAndTheNewestOfTheLogStay()
    {
        Assert.Empty(Folded(99, (HistoryKind.NodeUpdated, Old)));
        Assert.Equal([2], Folded(3, (HistoryKind.NodeCreated, Old), (HistoryKind.NodeUpdated, Old), (HistoryKind.NodeUpdated, Old)));
    }

    [Fact]
    public void AWithdrawalNamesExactlyOneTarget()
    {
        Assert.Null(new ClaimWithdrawal("statement:s", "a-[KILLED]->b", null).Problem);
        Assert.Contains("give relationId or factId", new ClaimWithdrawal("statement:s", null, null).Problem);
        Assert.Contains("not both", new ClaimWithdrawal("statement:s", "a-[KILLED]->b", "a/p=v").Problem);
        Assert.Equal((HistoryTarget.Fact, "a/p=v"), (new ClaimWithdrawal("statement:s", null, "a/p=v").Target, new ClaimWithdrawal("statement:s", null, "a/p=v").TargetId));
    }

    [Fact]
    public void HistoryCursorsRoundTripAndOtherCursorsAreRefused()
    {
        Assert.Equal(1234, HistoryCursor.Decode(HistoryCursor.Encode(1234)));
        Assert.Equal(0, HistoryCursor.After(null));
        Assert.Throws<InvalidCursorException>(() => HistoryCursor.Decode(Cursor.Encode("r:x", "x")));
        Assert.Throws<InvalidCursorException>(() => HistoryCursor.Decode("not-a-cursor"));
    }
}
