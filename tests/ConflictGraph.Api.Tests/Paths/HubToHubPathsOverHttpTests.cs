using ConflictGraph.Api.Schema;
using ConflictGraph.Api.Tests.Infrastructure;
using ConflictGraph.Api.Tests.Questions;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictGraph.Api.Tests.Paths;

/// <summary>
/// <c>paths</c> over HTTP between two armies that are both hubs, each targeted in 20,001 events (more than a search
/// keeps of a level, 20,000 open paths). Each also carried out one event, and those two answered one another, so the
/// first path runs org:a, event:0, event:1, org:b; the relations to those events sort after the targeting ones
/// ("org:..." after "event:..."), so the levels a search cuts drop them and keep only a later path, through
/// event:a00001 and event:b00001, which answered one another too. The search refuses rather than answer that one first.
/// </summary>
public sealed class HubToHubPathsOverHttpTests : IDisposable
{
    private readonly ConflictGraphApp app = ConflictGraphApp.With(new Dictionary<string, string?> { ["ConflictGraph:Seed:OnStartup"] = "false" });

    private async Task ImportTwoArmiesAsync()
    {
        await app.ReadyClientAsync();
        var targeted = new[] { "a", "b" }.SelectMany(hub => Enumerable.Range(0, 20_001).Select(i => (Hub: $"org:{hub}", Event: $"event:{hub}{i:D5}"))).ToList();
        var nodes = new List<Node>
        {
            new Organization("org:a", "Army A", [], null, OrganizationKind.Military, null),
            new Organization("org:b", "Army B", [], null, OrganizationKind.Military, null),
        };
        nodes.AddRange(targeted.Select(t => t.Event).Concat(["event:0", "event:1"]).Select(id => new Event(id, id, EventKind.Other, null, null)));
        var relations = targeted.Select(t => new Relation(RelationType.Targeted, t.Event, t.Hub, [], [])).Concat(
        [
            new Relation(RelationType.CarriedOut, "org:a", "event:0", [], []),
            new Relation(RelationType.CarriedOut, "org:b", "event:1", [], []),
            new Relation(RelationType.ResponseTo, "event:0", "event:1", [], []),
            new Relation(RelationType.ResponseTo, "event:a00001", "event:b00001", [], []),
        ]).ToList();
        await app.Services.GetRequiredService<IGraphStore>().ImportAsync(new GraphBatch(nodes, relations), null, CancellationToken.None);
    }

    private Task<GraphQLResponse> PathsAsync(string fromId, string toId, int maxDepth) => app.PostGraphQLAsync(
        "query($a: ID!, $b: ID!, $d: Int!) { paths(fromId: $a, toId: $b, maxDepth: $d, first: 3) { length nodes { id } } }",
        new { a = fromId, b = toId, d = maxDepth });

    private static IReadOnlyList<string> Described(GraphQLResponse response)
    {
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        return response.Data!["paths"]!.AsArray().Select(p => $"{p!["length"]} {string.Join(" ", p["nodes"].Each("id"))}").ToList();
    }

    [Fact]
    public async Task ASearchCutFromBothHubsIsRefusedNamingTheBoundAndTheDepthThatCanBeAnswered()
    {
        await ImportTwoArmiesAsync();

        // Answered from the cut levels, this was "3 org:a event:a00001 event:b00001 org:b" alone: not the first path.
        var refused = await PathsAsync("org:a", "org:b", 3);

        Assert.True(refused.Codes.SequenceEqual([ApiErrors.QueryTooComplex]), refused.Body.ToJsonString());
        var message = refused.Errors[0]!["message"]!.GetValue<string>();
        Assert.StartsWith("paths: the paths from 'org:a' to 'org:b' of length 2 need more than 20,000 open paths", message);
        Assert.EndsWith("paths up to length 1 are complete: ask maxDepth: 1", message);
        Assert.Empty(Described(await PathsAsync("org:a", "org:b", 1)));
    }

    [Fact]
    public async Task ASearchFromAHubToAnOrdinaryNodeFindsThePathThroughTheRelationACutWouldDrop()
    {
        await ImportTwoArmiesAsync();

        Assert.Equal(["2 org:a event:0 event:1"], Described(await PathsAsync("org:a", "event:1", 2)));
        Assert.Equal(["2 event:b00001 event:a00001 org:a"], Described(await PathsAsync("event:b00001", "org:a", 2)));
    }

    /// <summary>
    /// Two armies that each carried out 150 events, each event targeting 140 people of its own, and army A also carried
    /// out one of B's: a search keeps both first levels (150 open paths each) and neither second one (21,000); the
    /// counts show it before either second level is read.
    /// </summary>
    private async Task ImportTwoDeepArmiesAsync()
    {
        await app.ReadyClientAsync();
        var events = new[] { "a", "b" }.SelectMany(hub => Enumerable.Range(0, 150).Select(i => (Hub: $"org:{hub}", Event: $"event:{hub}{i:D3}"))).ToList();
        var nodes = new List<Node>
        {
            new Organization("org:a", "Army A", [], null, OrganizationKind.Military, null),
            new Organization("org:b", "Army B", [], null, OrganizationKind.Military, null),
        };
        nodes.AddRange(events.Select(e => new Event(e.Event, e.Event, EventKind.Other, null, null)));
        nodes.AddRange(events.SelectMany(e => Enumerable.Range(0, 140).Select(j => new Person($"person:{e.Event[6..]}-{j:D3}", $"{e.Event} {j}", [], null, []))));
        var relations = events.Select(e => new Relation(RelationType.CarriedOut, e.Hub, e.Event, [], []))
            .Concat(events.SelectMany(e => Enumerable.Range(0, 140).Select(j => new Relation(RelationType.Targeted, e.Event, $"person:{e.Event[6..]}-{j:D3}", [], []))))
            .Append(new Relation(RelationType.CarriedOut, "org:a", "event:b007", [], [])).ToList();
        await app.Services.GetRequiredService<IGraphStore>().ImportAsync(new GraphBatch(nodes, relations), null, CancellationToken.None);
    }

    [Fact]
    public async Task ASearchWhoseSecondLevelsWouldBeCutFromBothHubsIsRefusedNamingTheDepthThatIsAnswered()
    {
        await ImportTwoDeepArmiesAsync();

        var refused = await PathsAsync("org:a", "org:b", 4);

        Assert.True(refused.Codes.SequenceEqual([ApiErrors.QueryTooComplex]), refused.Body.ToJsonString());
        var message = refused.Errors[0]!["message"]!.GetValue<string>();
        Assert.StartsWith("paths: the paths from 'org:a' to 'org:b' of length 3 need more than 20,000 open paths", message);
        Assert.EndsWith("paths up to length 2 are complete: ask maxDepth: 2", message);
        Assert.Equal(["2 org:a event:b007 org:b"], Described(await PathsAsync("org:a", "org:b", 2)));
        // From a hub to an ordinary node, the search answers as before.
        Assert.Equal(["3 org:a event:b007 org:b event:b008"], Described(await PathsAsync("org:a", "event:b008", 3)));
        Assert.Equal(["3 person:a001-005 event:a001 org:a event:b007"], Described(await PathsAsync("person:a001-005", "event:b007", 3)));
    }

    public void Dispose() => app.Dispose();
}
