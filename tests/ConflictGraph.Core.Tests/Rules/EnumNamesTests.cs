using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Tests.Rules;

public sealed class EnumNamesTests
{
    [Fact]
    public void NamesAreTheContractsConstantCase()
    {
        Assert.Equal("CARRIED_OUT", EnumNames.Of(RelationType.CarriedOut));
        Assert.Equal("ARMED_GROUP", EnumNames.Of(OrganizationKind.ArmedGroup));
        Assert.Equal("PRESS_BRIEFING", EnumNames.Of(Medium.PressBriefing));
        Assert.Equal("AIRSTRIKE", EnumNames.Of(EventKind.Airstrike));
    }

    [Fact]
    public void EveryNameParsesBack()
    {
        foreach (var kind in Enum.GetValues<EventKind>())
        {
            Assert.True(EnumNames.TryParse<EventKind>(EnumNames.Of(kind), out var parsed));
            Assert.Equal(kind, parsed);
        }
    }

    [Theory]
    [InlineData("carried_out")]
    [InlineData("CarriedOut")]
    [InlineData("")]
    [InlineData(null)]
    public void OnlyTheExactContractSpellingParses(string? text) =>
        Assert.False(EnumNames.TryParse<RelationType>(text, out _));

    [Fact]
    public void ParsingANonNameSaysWhatWouldDo()
    {
        var error = Assert.Throws<FormatException>(() => EnumNames.Parse<DatePrecision>("FORTNIGHT"));

        Assert.Equal("'FORTNIGHT' is not a DatePrecision (one of DAY, MONTH, YEAR, DAYS, WEEK)", error.Message);
    }
}
