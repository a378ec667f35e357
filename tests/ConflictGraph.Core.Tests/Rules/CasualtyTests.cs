using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;

namespace ConflictGraph.Core.Tests.Rules;

public sealed class CasualtyTests
{
    [Theory]
    [InlineData(4, 4, 7, null, true)]    // exactly four vs at least seven
    [InlineData(4, 4, 3, null, false)]   // exactly four vs at least three
    [InlineData(4, 4, 4, 4, false)]
    [InlineData(1, 2, 3, 5, true)]
    [InlineData(null, 5, 5, null, false)] // at most five vs at least five share 5
    [InlineData(null, 2, 3, null, true)]
    public void RangesConflictOnlyWhenTheyShareNoValue(int? aMin, int? aMax, int? bMin, int? bMax, bool conflicts)
    {
        var a = new CasualtyRange(aMin, aMax);
        var b = new CasualtyRange(bMin, bMax);

        Assert.Equal(conflicts, a.Conflicts(b));
        Assert.Equal(conflicts, b.Conflicts(a));
    }

    [Fact]
    public void AnUnknownRangeConflictsWithNothing() =>
        Assert.False(new CasualtyRange(null, null).Conflicts(new CasualtyRange(100, 100)));

    [Fact]
    public void SummaryOfExactlyFourAndAtLeastSevenConflictsAndHasNoUpperBound()
    {
        var summary = Summary(Killed("statement:a", 4, 4), Killed("statement:b", 7, null));

        Assert.True(summary.Conflicting);
        Assert.Equal(4, summary.KilledMin);
        Assert.Null(summary.KilledMax);
    }

    [Fact]
    public void SummaryOfExactlyFourAndAtLeastThreeAgrees()
    {
        var summary = Summary(Killed("statement:a", 4, 4), Killed("statement:b", 3, null));

        Assert.False(summary.Conflicting);
        Assert.Equal(3, summary.KilledMin);
        Assert.Null(summary.KilledMax);
    }

    [Fact]
    public void SummaryOfClosedRangesSpansThem()
    {
        var summary = Summary(Killed("statement:a", 4, 4), Killed("statement:b", 4, 5));

        Assert.False(summary.Conflicting);
        Assert.Equal(4, summary.KilledMin);
        Assert.Equal(5, summary.KilledMax);
    }

    [Fact]
    public void SummaryNoticesConflictingInjuredFiguresToo()
    {
        var summary = Summary(
            new ReportedCasualties("statement:a", new CasualtyReport("event:x", null, null, 1, 1, null)),
            new ReportedCasualties("statement:b", new CasualtyReport("event:x", null, null, 5, null, null)));

        Assert.True(summary.Conflicting);
        Assert.Null(summary.KilledMin);
        Assert.Null(summary.KilledMax);
    }

    private static CasualtySummary Summary(params ReportedCasualties[] reports) => new(reports);

    private static ReportedCasualties Killed(string statementId, int? min, int? max) =>
        new(statementId, new CasualtyReport("event:x", min, max, null, null, null));
}
