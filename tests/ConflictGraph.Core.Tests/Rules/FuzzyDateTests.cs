using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Tests.Rules;

public sealed class FuzzyDateTests
{
    private static readonly FuzzyDate June2021 = new(new DateOnly(2021, 6, 1), new DateOnly(2021, 6, 30), DatePrecision.Month);

    [Theory]
    [InlineData("2021-06-27", "2021-06-27", true)]
    [InlineData("2021-05-01", "2021-06-01", true)]
    [InlineData("2021-06-30", "2021-07-31", true)]
    [InlineData("2021-07-01", "2021-07-31", false)]
    [InlineData("2021-01-01", "2021-05-31", false)]
    public void AMonthOverlapsAnyRangeSharingOneOfItsDays(string from, string to, bool overlaps) =>
        Assert.Equal(overlaps, June2021.Overlaps(DateOnly.Parse(from), DateOnly.Parse(to)));

    [Fact]
    public void OpenEndsMatchAnything()
    {
        Assert.True(June2021.Overlaps(null, null));
        Assert.True(June2021.Overlaps(new DateOnly(2021, 6, 15), null));
        Assert.False(June2021.Overlaps(new DateOnly(2021, 7, 1), null));
        Assert.False(June2021.Overlaps(null, new DateOnly(2021, 5, 31)));
    }

    [Fact]
    public void ADayStartsAndEndsOnThatDay()
    {
        var sunday = FuzzyDate.Day(new DateOnly(2021, 6, 27), "Sunday");

        Assert.Equal(sunday.Start, sunday.End);
        Assert.Equal(DatePrecision.Day, sunday.Precision);
    }
}
