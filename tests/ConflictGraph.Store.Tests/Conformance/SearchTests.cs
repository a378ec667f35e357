using ConflictGraph.Core.Model;

namespace ConflictGraph.Store.Tests.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    [SkippableTheory]
    [InlineData("Kataib Hezbollah")]
    [InlineData("KATA'IB hezbollah")]
    [InlineData("kata’ib")]
    [InlineData("Hezbolláh")]
    public async Task SearchForgivesCaseDiacriticsAndApostrophes(string text)
    {
        var store = await CreateWorldAsync();
        var hits = await store.SearchAsync(text, null, 5, None);
        Assert.Equal("org:kh", hits.First().NodeId);
    }

    [SkippableFact]
    public async Task SearchCoversAliases()
    {
        var store = await CreateWorldAsync();
        Assert.Equal("place:erbil", Assert.Single(await store.SearchAsync("Irbil", null, 5, None)).NodeId);
    }

    [SkippableFact]
    public async Task SearchFiltersByKindAndLimits()
    {
        var store = await CreateWorldAsync();
        var strikes = await store.SearchAsync("strikes", [NodeKind.Statement], 10, None);
        Assert.All(strikes, h => Assert.Equal(NodeKind.Statement, h.Kind));
        Assert.Equal("statement:kirby", Assert.Single(strikes).NodeId);
        Assert.Single(await store.SearchAsync("e", null, 1, None));
    }

    [SkippableFact]
    public async Task SearchWithNoWordsOrSyntaxFindsNothingAndDoesNotFail()
    {
        var store = await CreateWorldAsync();
        Assert.Empty(await store.SearchAsync("  ?! ", null, 5, None));
        Assert.Empty(await store.SearchAsync("\"unbalanced AND (", null, 5, None));
        Assert.Empty(await store.SearchAsync("NEAR(kirby OR", null, 5, None));
    }
}
