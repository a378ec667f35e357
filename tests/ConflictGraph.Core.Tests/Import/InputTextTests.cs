using System.Globalization;
using ConflictGraph.Core.Import;

namespace ConflictGraph.Core.Tests.Import;

/// <summary>The wire's dates read from their digits answer exactly as the custom-format parser they stand in for.</summary>
public sealed class InputTextTests
{
    private static DateOnly? Parser(string? text) =>
        DateOnly.TryParseExact(text, InputText.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    [Fact]
    public void EveryDayOfALeapYearAndTheCalendarsEndsReadAsTheParserReadsThem()
    {
        var days = Enumerable.Range(0, 366).Select(i => new DateOnly(2024, 1, 1).AddDays(i))
            .Concat([DateOnly.MinValue, DateOnly.MaxValue, new DateOnly(1900, 2, 28), new DateOnly(2000, 2, 29), new DateOnly(999, 12, 31)]);
        foreach (var day in days)
        {
            var text = day.ToString(InputText.DateFormat, CultureInfo.InvariantCulture);
            Assert.Equal(day, InputText.ParseDate(text));
            Assert.Equal(Parser(text), InputText.ParseDate(text));
        }
    }

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("1900-02-29")]
    [InlineData("2023-04-31")]
    [InlineData("2023-13-01")]
    [InlineData("2023-00-10")]
    [InlineData("2023-01-00")]
    [InlineData("2023-01-32")]
    [InlineData("0000-01-01")]
    [InlineData("2023-1-01")]
    [InlineData("2023-01-1 ")]
    [InlineData(" 2023-01-1")]
    [InlineData("2023/01/01")]
    [InlineData("2023-01-01T")]
    [InlineData("+023-01-01")]
    [InlineData("２０２３-01-01")]
    [InlineData("2023-0a-01")]
    [InlineData("")]
    [InlineData(null)]
    public void DaysThatDoNotExistAndOtherSpellingsAnswerAsTheParserDoes(string? text) =>
        Assert.Equal(Parser(text), InputText.ParseDate(text));
}
