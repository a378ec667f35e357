using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;

namespace ConflictGraph.Core.Tests.Rules;

public sealed class FactKeyTests
{
    [Fact]
    public void AFactsIdIsReadableAndSplitsBack()
    {
        var fact = new Fact("place:al-qaim.depot", "function", "weapons storage = depot", []);
        Assert.Equal("place:al-qaim.depot/function=weapons storage = depot", fact.Id);
        Assert.True(FactKey.TryParse(fact.Id, out var subject, out var property, out var value));
        Assert.Equal(("place:al-qaim.depot", "function", "weapons storage = depot"), (subject, property, value));
        Assert.False(FactKey.TryParse("place:x-[USED]->org:y", out _, out _, out _));
    }

    [Theory]
    [InlineData("function", true)]
    [InlineData("killed-count_2", true)]
    [InlineData("Function", false)]
    [InlineData("2nd", false)]
    [InlineData("site function", false)]
    [InlineData("a=b", false)]
    public void PropertiesAreLowerCaseNames(string property, bool valid) =>
        Assert.Equal(valid, FactKey.PropertyProblem(property) is null);
}
