using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;

namespace ConflictGraph.Core.Tests.Rules;

public sealed class CasualtyTallyTests
{
    [Fact]
    public void AnEventsTallyTurnsBackIntoItsEstimate()
    {
        foreach (var estimate in new[] { new CasualtyEstimate(4, 4, null), new CasualtyEstimate(0, null, 10), new CasualtyEstimate(2, 2, 2), CasualtyEstimate.None })
            Assert.Equal(estimate, CasualtyTally.Of(estimate).ToEstimate());
    }

    [Fact]
    public void TalliesAddLikeSumAndTakingOutAPartsDeadLeavesTheWholesEstimate()
    {
        var whole = CasualtyTally.Of(new CasualtyEstimate(4, 4, null));
        var part = CasualtyTally.Of(new CasualtyEstimate(2, 2, 2));
        Assert.Equal(CasualtyEstimate.Sum([new(4, 4, null), new(2, 2, 2)]), (whole + part).ToEstimate());
        Assert.Equal(new CasualtyEstimate(4, 4, null), SharedDeaths.Total(whole + part, part));
        Assert.Equal(new CasualtyEstimate(2, 2, 2), SharedDeaths.Total(part, CasualtyTally.Zero));
    }

    [Fact]
    public void ASumTooLargeForTheApiIsRefusedNotWrapped() =>
        Assert.Throws<OverflowException>(() => new CasualtyTally(2, 2, 0, int.MaxValue + 1L, 1, 1).ToEstimate());
}
