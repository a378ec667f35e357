using ConflictGraph.Core.Aggregation;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Tests.Aggregation;

public sealed class TimeBucketTests
{
    private static DateOnly Day(string iso) => DateOnly.Parse(iso);

    [Theory]
    [InlineData(TimeBucket.Day, "2021-06-27", "2021-06-27", "2021-06-27")]
    [InlineData(TimeBucket.Week, "2021-06-27", "2021-06-21", "2021-W25")]
    [InlineData(TimeBucket.Week, "2021-06-28", "2021-06-28", "2021-W26")]
    [InlineData(TimeBucket.Week, "2021-01-03", "2020-12-28", "2020-W53")]
    [InlineData(TimeBucket.Month, "2021-06-27", "2021-06-01", "2021-06")]
    [InlineData(TimeBucket.Quarter, "2021-06-27", "2021-04-01", "2021-Q2")]
    [InlineData(TimeBucket.Quarter, "2021-10-01", "2021-10-01", "2021-Q4")]
    [InlineData(TimeBucket.Year, "2021-06-27", "2021-01-01", "2021")]
    public void ADayFallsInTheBucketStartingOnItsFirstDay(TimeBucket bucket, string day, string start, string label)
    {
        Assert.Equal(Day(start), TimeBuckets.Start(bucket, Day(day)));
        Assert.Equal(start, TimeBuckets.Value(bucket, Day(day)));
        Assert.Equal(label, TimeBuckets.Label(bucket, Day(start)));
    }

    [Fact]
    public void ARangeReachingPastItsStartsBucketIsNotHeldByItEvenWhenShorterThanTheBucket()
    {
        var acrossMonths = new FuzzyDate(Day("2021-06-30"), Day("2021-07-02"), DatePrecision.Days);
        Assert.False(TimeBuckets.Holds(TimeBucket.Month, acrossMonths));
        Assert.True(TimeBuckets.Holds(TimeBucket.Quarter, acrossMonths) is false);
        Assert.True(TimeBuckets.Holds(TimeBucket.Year, acrossMonths));
        Assert.True(TimeBuckets.Holds(TimeBucket.Day, FuzzyDate.Day(Day("2021-06-27"))));
        Assert.False(TimeBuckets.Holds(TimeBucket.Day, null));
    }

    [Fact]
    public void UndatedEventsHaveTheNoneKeyAndKindsAReadableLabel()
    {
        Assert.Equal(new GroupKey(EventDimension.Time, GroupKeys.None, "undated"), GroupKeys.Time(TimeBucket.Month, null));
        Assert.Equal(new GroupKey(EventDimension.Kind, "ROCKET_ATTACK", "rocket attack"), GroupKeys.Kind(EventKind.RocketAttack));
        Assert.Equal("Explosions and remote violence", GroupKeys.AcledEventType("Explosions/Remote violence").Label);
        Assert.Equal(new GroupKey(EventDimension.Perpetrator, "org:kh", "Kata'ib Hezbollah", "org:kh"),
            GroupKeys.Node(EventDimension.Perpetrator, "org:kh", "Kata'ib Hezbollah", PlaceKind.Country));
    }
}
