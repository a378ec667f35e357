using ConflictGraph.Api.Tests.Infrastructure;
using ConflictGraph.Api.Tests.Questions;

namespace ConflictGraph.Api.Tests.Search;

/// <summary>Search's ranking rule over HTTP on the seed: things so named first (nameMatch), then the texts that mention them.</summary>
public sealed class SearchRankingTests(ConflictGraphApp app) : IClassFixture<ConflictGraphApp>
{
    [Fact]
    public async Task AGroupsNameFindsTheGroupFirstThenTheTextsThatMentionIt()
    {
        var data = await app.AskAsync("""{ search(text: "kataib hezbollah", first: 20) { score nameMatch node { id } } }""");
        var hits = data["search"]!.AsArray().Select(h => (Id: (string)h!["node"]!["id"]!, Name: (bool)h["nameMatch"]!, Score: (double)h["score"]!)).ToList();

        Assert.Equal(("org:kataib-hezbollah", true), (hits[0].Id, hits[0].Name));
        Assert.Contains(hits, h => !h.Name);
        // Every name match before every other hit; each tier best first.
        Assert.Equal(hits.OrderByDescending(h => h.Name).Select(h => h.Id), hits.Select(h => h.Id));
        foreach (var tier in hits.GroupBy(h => h.Name))
            Assert.Equal(tier.Select(h => h.Score).OrderDescending(), tier.Select(h => h.Score));
    }

    [Fact]
    public async Task APageThatTheNamesDoNotFillEndsWithTheBestTextsTiesByIdAsOneAskingForEveryKindDoes()
    {
        using var fresh = new ConflictGraphApp();
        // One group so named, then five reports of one text (tied on relevance) and a longer one.
        var statements = new[] { "e", "b", "d", "a", "c" }
            .Select(s => new { id = $"statement:rw-{s}", text = "River wolves crossed at dawn.", stance = "REPORTS", speakerDescription = "a witness" })
            .Append(new { id = "statement:rw-z", text = "A longer report: the river wolves crossed at dawn, at dusk and again at night.", stance = "REPORTS", speakerDescription = "a witness" });
        var imported = await fresh.PostGraphQLAsync("mutation($input: GraphInput!) { importGraph(input: $input) { created } }",
            new { input = new { organizations = new[] { new { id = "org:river-wolves", name = "River Wolves", kind = "ARMED_GROUP" } }, statements } },
            ConflictGraphApp.WriteKey);
        Assert.True(imported.Errors.Count == 0, imported.Body.ToJsonString());

        async Task<List<(string Id, bool Name, double Score)>> SearchAsync(int first, string kinds)
        {
            var data = await fresh.AskAsync($$"""{ search(text: "river wolves", first: {{first}}{{kinds}}) { score nameMatch node { id } } }""");
            return data["search"]!.AsArray().Select(h => ((string)h!["node"]!["id"]!, (bool)h["nameMatch"]!, (double)h["score"]!)).ToList();
        }

        var all = await SearchAsync(20, "");
        Assert.Equal(["org:river-wolves", "statement:rw-a", "statement:rw-b", "statement:rw-c", "statement:rw-d", "statement:rw-e", "statement:rw-z"],
            all.Select(h => h.Id));
        Assert.Equal([true, false, false, false, false, false, false], all.Select(h => h.Name));
        for (var first = 1; first <= all.Count; first++)
        {
            Assert.Equal(all.Take(first), await SearchAsync(first, ""));
            Assert.Equal(all.Take(first), await SearchAsync(first, ", kinds: [PERSON, ORGANIZATION, PLACE, EVENT, STATEMENT, SOURCE]"));
        }
    }
}
