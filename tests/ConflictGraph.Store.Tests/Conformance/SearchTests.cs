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
    public async Task SearchRanksNameMatchesBeforeTextThatOnlyMentionsTheName()
    {
        var store = await CreateWorldAsync();
        // Shorter texts than the group's own ("kataib hezbollah kh an iraqi militia"): bm25 alone would put both first.
        await store.ImportAsync(new GraphBatch(
        [
            new Event("event:kh-claim", "Kataib Hezbollah", EventKind.DroneAttack, null, TestWorld.June28),
            new Person("person:fadak", "Abu Fadak", [], "Kata'ib Hezbollah commander", []),
        ], []), null, None);

        var hits = await store.SearchAsync("kataib hezbollah", null, 10, None);
        Assert.Equal(["org:kh", "event:kh-claim", "person:fadak"], hits.Select(h => h.NodeId));
        Assert.Equal([true, false, false], hits.Select(h => h.NameMatch));
        Assert.True(hits[1].Score >= hits[2].Score, "the text matches keep their own relevance order");

        // A page the name matches fill holds only them; a kind without names has no name match.
        Assert.Equal(["org:kh"], (await store.SearchAsync("kataib hezbollah", null, 1, None)).Select(h => h.NodeId));
        var events = await store.SearchAsync("kataib hezbollah", [NodeKind.Event], 10, None);
        Assert.Equal(["event:kh-claim"], events.Select(h => h.NodeId));
        Assert.False(Assert.Single(events).NameMatch);
        // A person is a name match by an alias, not by words of the description.
        var persons = await store.SearchAsync("kirby", [NodeKind.Person], 10, None);
        Assert.True(Assert.Single(persons).NameMatch);
        Assert.False(Assert.Single(await store.SearchAsync("commander", [NodeKind.Person], 10, None)).NameMatch);
    }

    [SkippableFact]
    public async Task SearchFollowsARenameAndADeleteInBothTiers()
    {
        var store = await CreateWorldAsync();
        await store.ImportAsync(new GraphBatch([TestWorld.Kirby with { Name = "Jonathan Quillfeather", Aliases = [] }], []), null, None);
        Assert.True(Assert.Single(await store.SearchAsync("quillfeather", null, 10, None)).NameMatch);
        Assert.DoesNotContain(await store.SearchAsync("kirby", null, 10, None), h => h.NodeId == "person:kirby");
        Assert.True(await store.DeleteNodeAsync("person:kirby", null, None));
        Assert.Empty(await store.SearchAsync("quillfeather", null, 10, None));
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
