using ConflictGraph.Core.Paging;

namespace ConflictGraph.Core.Tests.Paging;

public sealed class DateKeyTests
{
    [Theory]
    [InlineData(false, "9999-12-31")]
    [InlineData(true, "0000-01-01")]
    public void AnUndatedRowsKeyIsTheDayNoDatePassesAsCursorsAlwaysSaid(bool descending, string undated)
    {
        Assert.Equal(undated, DateKey.Of(null, descending));
        Assert.True(DateKey.TryRead(undated, descending, out var date));
        Assert.Null(date);
    }

    [Theory]
    [InlineData(false, "2021-06-27")]
    [InlineData(true, "2021-06-27")]
    [InlineData(false, "0001-01-01")]
    [InlineData(true, "9999-12-31")]
    public void ADatedRowsKeyIsItsDate(bool descending, string day)
    {
        Assert.Equal(day, DateKey.Of(day, descending));
        Assert.True(DateKey.TryRead(day, descending, out var date));
        Assert.Equal(day, date);
    }

    [Theory]
    [InlineData(false, "9999-12-31")]
    [InlineData(true, "0000-01-01")]
    public void ARowDatedOnTheUndatedDayKeepsItsDateApartFromTheUndatedRows(bool descending, string day)
    {
        var key = DateKey.Of(day, descending);

        Assert.NotEqual(DateKey.Of(null, descending), key);
        Assert.Equal(day + DateKey.DatedMark, key);
        Assert.True(DateKey.TryRead(key, descending, out var date));
        Assert.Equal(day, date);
    }

    [Theory]
    [InlineData(false, "0000-01-01 dated")]
    [InlineData(true, "9999-12-31 dated")]
    [InlineData(false, "2021-06-27 dated")]
    [InlineData(false, "2021-13-01")]
    [InlineData(false, "2021-6-27")]
    [InlineData(false, "")]
    [InlineData(true, "event:a")]
    public void AKeyNoDateOrderIssuesIsRefused(bool descending, string key) => Assert.False(DateKey.TryRead(key, descending, out _));
}
