using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Loading;

/// <summary>
/// Events of one level that share a place or a perpetrator (one node at the far end of several relations, which the
/// store reads in one statement and keeps once): each event answers with its own place and perpetrators, as it does
/// when it is asked for alone.
/// </summary>
public sealed class SharedFarEndsTests : IDisposable
{
    private const string Level = "{ events(first: 60) { nodes { id place { id name kind } perpetrators { id name } } } }";
    private const string Alone = "query($id: ID!) { node(id: $id) { id ... on Event { place { id name kind } perpetrators { id name } } } }";

    private readonly ConflictGraphApp app = ConflictGraphApp.With(new Dictionary<string, string?> { ["ConflictGraph:Caching:StoreReads"] = "false" });

    [Fact]
    public async Task EachEventOfALevelAnswersWithItsOwnFarEnds()
    {
        var level = await app.PostGraphQLAsync(Level);

        Assert.Empty(level.Errors);
        var events = level.Data!["events"]!["nodes"]!.AsArray().Select(e => e!).ToList();
        // The seed has events that share a place and events that share a perpetrator, so the level read shared far ends.
        Assert.Contains(events.Where(e => e["place"] is not null).GroupBy(e => (string)e["place"]!["id"]!), g => g.Count() > 1);
        Assert.Contains(events.SelectMany(e => e["perpetrators"]!.AsArray()).GroupBy(p => (string)p!["id"]!), g => g.Count() > 1);
        foreach (var e in events)
        {
            var alone = await app.PostGraphQLAsync(Alone, new { id = (string)e["id"]! });
            Assert.Empty(alone.Errors);
            Assert.Equal(alone.Data!["node"]!.ToJsonString(), e.ToJsonString());
        }
    }

    public void Dispose() => app.Dispose();
}
