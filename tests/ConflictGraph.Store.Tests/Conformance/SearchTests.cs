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
    public async Task SearchPagesThroughTiedTextMatchesByIdWhenTheNamesLeaveRoom()
    {
        var store = await CreateWorldAsync();
        // One name match, then six statements of one text (tied on relevance), then two longer texts that rank after them.
        const string Tied = "River wolves crossed at dawn.";
        var statements = new[] { "f", "b", "e", "a", "d", "c" }.Select(s => new Statement($"statement:tie-{s}", Tied, Stance.Reports, null, null, null, null, null, [], null, []))
            .Append(new Statement("statement:u-long-1", "A long report: the river wolves crossed at dawn, then again at dusk, and once more at night.", Stance.Reports, null, null, null, null, null, [], null, []))
            .Append(new Statement("statement:u-long-2", "Another long report on the river and on wolves, which crossed at dawn, at dusk and again at night.", Stance.Reports, null, null, null, null, null, [], null, []));
        await store.ImportAsync(new GraphBatch(
            [new Organization("org:river-wolves", "River Wolves", [], null, OrganizationKind.ArmedGroup, null), .. statements], []), null, None);

        var all = await store.SearchAsync("river wolves", null, 20, None);
        Assert.Equal("org:river-wolves", all[0].NodeId);
        Assert.True(all[0].NameMatch);
        Assert.Equal(["statement:tie-a", "statement:tie-b", "statement:tie-c", "statement:tie-d", "statement:tie-e", "statement:tie-f"], all.Skip(1).Take(6).Select(h => h.NodeId));
        Assert.Single(all.Skip(1).Take(6).Select(h => h.Score).Distinct());
        Assert.Equal(["statement:u-long-1", "statement:u-long-2"], all.Skip(7).Select(h => h.NodeId).Order());
        Assert.All(all.Skip(7), h => Assert.True(h.Score <= all[1].Score, "the longer texts rank after the tied ones"));
        // Every shorter page is the first hits of the whole list, a page that ends inside the tie too, and asking
        // for every kind by name finds what asking for none does.
        var everyKind = Enum.GetValues<NodeKind>();
        for (var first = 1; first <= all.Count + 1; first++)
        {
            var page = await store.SearchAsync("river wolves", null, first, None);
            Assert.Equal(all.Take(first), page);
            Assert.Equal(page, await store.SearchAsync("river wolves", everyKind, first, None));
        }
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
