using ConflictGraph.Api.Caching;

namespace ConflictGraph.Api.Tests.Performance;

/// <summary>
/// A kind of read whose reads hardly come round over a window is screened for the next window, and looked up in full
/// again from the window after one whose reads did come round.
/// </summary>
public sealed class HitRateTests
{
    /// <summary>Records one window of reads, the first <paramref name="hits"/> of them hits.</summary>
    private static void Window(HitRate rate, int reads, int hits)
    {
        for (var i = 0; i < reads; i++) rate.Record(hit: i < hits);
    }

    [Fact]
    public void AKindBelowTheMinimumIsScreenedUntilAWindowReachesIt()
    {
        var rate = new HitRate(window: 4, minimum: 0.5);
        Assert.False(rate.Screening);
        Window(rate, reads: 4, hits: 1);
        Assert.True(rate.Screening);
        // Every window is judged afresh: another that hardly hits keeps it screened...
        Window(rate, reads: 4, hits: 0);
        Assert.True(rate.Screening);
        // ...and the first at the minimum brings every read's look-up back, with no rest to sit out.
        Window(rate, reads: 4, hits: 2);
        Assert.False(rate.Screening);
        Window(rate, reads: 8, hits: 8);
        Assert.False(rate.Screening);
    }

    [Fact]
    public void AWindowIsJudgedOnlyWhenItIsFull()
    {
        var rate = new HitRate(window: 4, minimum: 0.5);
        Window(rate, reads: 3, hits: 0);
        Assert.False(rate.Screening);
        rate.Record(hit: false);
        Assert.True(rate.Screening);
        Window(rate, reads: 3, hits: 3);
        Assert.True(rate.Screening);
        rate.Record(hit: false);
        Assert.False(rate.Screening);
    }

    [Fact]
    public void MissesTheDoorkeeperSawBeforeCountAsHits()
    {
        var rate = new HitRate(window: 4, minimum: 0.5);
        rate.Repeat();
        rate.Repeat();
        Window(rate, reads: 4, hits: 0);
        Assert.False(rate.Screening);
        // Counted in the window they fell in, not the next.
        rate.Repeat();
        Window(rate, reads: 4, hits: 0);
        Assert.True(rate.Screening);
        // A screened kind comes back on repeats alone: its reads that came round were looked up and missed, then kept.
        rate.Repeat();
        rate.Repeat();
        Window(rate, reads: 4, hits: 0);
        Assert.False(rate.Screening);
    }

    [Fact]
    public void AMinimumOfZeroLooksUpEveryReadAlways()
    {
        var rate = new HitRate(window: 1, minimum: 0);
        Window(rate, reads: 100, hits: 0);
        Assert.False(rate.Screening);
    }

    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(4, -0.1)]
    [InlineData(4, 1.5)]
    [InlineData(4, double.NaN)]
    public void AWindowOrShareThatCannotMeanAnythingIsRefused(int window, double minimum) =>
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => new HitRate(window, minimum));
}
