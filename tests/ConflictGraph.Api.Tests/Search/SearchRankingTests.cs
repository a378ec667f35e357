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
}
