using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Core.Tests.Rules;

public sealed class CasualtyEstimateTests
{
    private static CasualtyReport Killed(int? min, int? max) => new("event:e", min, max, null, null, null);

    [Fact]
    public void ExactlyFourAndAtLeastSevenGiveLowFourBestFourAndAnOpenHigh()
    {
        var estimate = CasualtyEstimate.Of([Killed(4, 4), Killed(7, null)]);
        Assert.Equal(new CasualtyEstimate(4, 4, null), estimate);
        Assert.True(estimate.OpenHigh);
    }

    [Fact]
    public void BestIsAFigureSomeReportStatesNeverAnAverage()
    {
        Assert.Equal(new CasualtyEstimate(5, 5, 12), CasualtyEstimate.Of([Killed(5, 10), Killed(8, 12)]));
        Assert.Equal(new CasualtyEstimate(0, 3, 10), CasualtyEstimate.Of([Killed(null, 10), Killed(3, 3)]));
    }

    [Fact]
    public void OnlyAnUpperBoundGivesNoBest() =>
        Assert.Equal(new CasualtyEstimate(0, null, 10), CasualtyEstimate.Of([Killed(null, 10)]));

    [Fact]
    public void NoFiguresGiveNoEstimate()
    {
        Assert.Equal(CasualtyEstimate.None, CasualtyEstimate.Of([Killed(null, null)]));
        Assert.False(CasualtyEstimate.None.HasFigures);
    }

    [Fact]
    public void SeparateEventsAddUpAndAnOpenHighStaysOpen()
    {
        Assert.Equal(new CasualtyEstimate(6, 6, 7), CasualtyEstimate.Sum([new(4, 4, 5), new(2, 2, 2), CasualtyEstimate.None]));
        Assert.Equal(new CasualtyEstimate(6, 6, null), CasualtyEstimate.Sum([new(4, 4, null), new(2, 2, 2)]));
    }

    [Fact]
    public void TheBestRuleSaysWhichFigureAndWhy()
    {
        Assert.Contains("lowest figure any report states", CasualtyEstimate.BestRule);
        Assert.Contains("UCDP", CasualtyEstimate.BestRule);
    }
}

public sealed class SharedDeathsTests
{
    private static SharedDeaths.Member Member(string id, CasualtyEstimate estimate, params string[] ancestors) => new(id, estimate, ancestors);

    [Fact]
    public void AWholeWithFiguresCountsItsPartsDeadOnce()
    {
        var total = SharedDeaths.Total([Member("event:night", new(4, 4, null)), Member("event:depot", new(2, 2, 2), "event:night")]);
        Assert.Equal(new CasualtyEstimate(4, 4, null), total);
    }

    [Fact]
    public void AWholeWithoutFiguresAddsUpItsParts()
    {
        var total = SharedDeaths.Total([
            Member("event:night", CasualtyEstimate.None), Member("event:depot", new(2, 2, 2), "event:night"),
            Member("event:crossing", new(1, 1, 3), "event:night")]);
        Assert.Equal(new CasualtyEstimate(3, 3, 5), total);
    }

    [Fact]
    public void APartCountsWhenItsWholeIsOutsideTheSet() =>
        Assert.Equal(new CasualtyEstimate(2, 2, 2), SharedDeaths.Total([Member("event:depot", new(2, 2, 2), "event:night")]));

    [Fact]
    public void AGrandparentsFiguresCoverTheGrandchild()
    {
        var counted = SharedDeaths.Counted([
            Member("event:campaign", new(10, 10, 10)), Member("event:night", CasualtyEstimate.None, "event:campaign"),
            Member("event:depot", new(2, 2, 2), "event:night", "event:campaign")]);
        Assert.Equal(["event:campaign"], counted.Select(m => m.EventId));
    }

    [Fact]
    public void FiguresAreSharedOnlyWhenARelativeReportsToo()
    {
        var family = new EventFamily(["event:night"], []);
        Assert.True(SharedDeaths.IsShared(true, family, id => id == "event:night"));
        Assert.False(SharedDeaths.IsShared(true, family, _ => false));
        Assert.False(SharedDeaths.IsShared(false, family, _ => true));
    }
}
