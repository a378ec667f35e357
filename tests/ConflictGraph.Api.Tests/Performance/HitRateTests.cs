using ConflictGraph.Api.Caching;

namespace ConflictGraph.Api.Tests.Performance;

/// <summary>A kind of read whose hit rate is too low over a window rests (straight to the store) for eight windows, then is measured again.</summary>
public sealed class HitRateTests
{
    /// <summary>Runs one window of reads through the cache, the first <paramref name="hits"/> of them hits.</summary>
    private static void Window(HitRate rate, int reads, int hits)
    {
        for (var i = 0; i < reads; i++)
        {
            Assert.True(rate.Caching());
            rate.Record(hit: i < hits);
        }
    }

    [Fact]
    public void AKindBelowTheMinimumRestsForEightWindowsThenIsMeasuredAgain()
    {
        var rate = new HitRate(window: 4, minimum: 0.5);
        Window(rate, reads: 4, hits: 1);
        Assert.True(rate.Resting);
        for (var i = 0; i < HitRate.RestWindows * 4; i++) Assert.False(rate.Caching());
        Assert.False(rate.Resting);
        // Measured afresh: a window at the minimum keeps it cached.
        Window(rate, reads: 4, hits: 2);
        Assert.False(rate.Resting);
        Window(rate, reads: 8, hits: 8);
        Assert.False(rate.Resting);
    }

    [Fact]
    public void AWindowIsJudgedOnlyWhenItIsFull()
    {
        var rate = new HitRate(window: 4, minimum: 0.5);
        Window(rate, reads: 3, hits: 0);
        Assert.False(rate.Resting);
        Assert.True(rate.Caching());
        rate.Record(hit: false);
        Assert.True(rate.Resting);
    }

    [Fact]
    public void MissesTheDoorkeeperSawBeforeCountAsHits()
    {
        var rate = new HitRate(window: 4, minimum: 0.5);
        rate.Repeat();
        rate.Repeat();
        Window(rate, reads: 4, hits: 0);
        Assert.False(rate.Resting);
        // Counted in the window they fell in, not the next.
        rate.Repeat();
        Window(rate, reads: 4, hits: 0);
        Assert.True(rate.Resting);
    }

    [Fact]
    public void AMinimumOfZeroCachesEveryKindAlways()
    {
        var rate = new HitRate(window: 1, minimum: 0);
        Window(rate, reads: 100, hits: 0);
        Assert.False(rate.Resting);
    }

    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(4, -0.1)]
    [InlineData(4, 1.5)]
    [InlineData(4, double.NaN)]
    public void AWindowOrShareThatCannotMeanAnythingIsRefused(int window, double minimum) =>
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => new HitRate(window, minimum));
}
