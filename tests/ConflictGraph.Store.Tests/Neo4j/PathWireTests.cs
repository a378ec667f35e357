using System.Text.Json.Nodes;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Neo4j.Cypher;
using static ConflictGraph.Store.Tests.Neo4j.WireScripts;

namespace ConflictGraph.Store.Tests.Neo4j;

/// <summary>
/// Paths on the wire: the core's search over relations read two levels a request, the first request checking both
/// ends too. The stand-in answers <see cref="Statements.PathRings"/> from a generated graph as its clauses say, and
/// any other statement fails the test; the answers are compared with the core's search over the same graph.
/// </summary>
public sealed class PathWireTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>40 nodes, 90 relations of random types between random pairs (parallel ones of different types among them), no self-loops.</summary>
    private static readonly IReadOnlyList<Relation> Graph = Generate();

    private static readonly IReadOnlyList<string> Nodes = Enumerable.Range(0, 40).Select(i => $"node:{i:00}").ToList();

    private static List<Relation> Generate()
    {
        var random = new Random(18);
        var types = Enum.GetValues<RelationType>();
        var relations = new Dictionary<string, Relation>(StringComparer.Ordinal);
        while (relations.Count < 90)
        {
            var (from, to) = (random.Next(40), random.Next(40));
            if (from == to) continue;
            var relation = new Relation(types[random.Next(types.Length)], $"node:{from:00}", $"node:{to:00}", []);
            relations.TryAdd(relation.Id, relation);
        }
        return [.. relations.Values];
    }

    /// <summary>What <see cref="Statements.PathRings"/> returns, clause by clause, over <see cref="Graph"/>.</summary>
    private static string Rings(JsonNode parameters)
    {
        List<string> Ids(string name) => parameters[name]!.AsArray().Select(i => i!.GetValue<string>()).ToList();
        var ends = Ids("ends").Count(Nodes.Contains);
        var ids = ends == Ids("ends").Count ? Ids("ids") : [];
        var near = Graph.Where(r => ids.Contains(r.FromId) || ids.Contains(r.ToId)).ToList();
        var far = near.SelectMany(r => new[] { ids.Contains(r.FromId) ? r.ToId : null, ids.Contains(r.ToId) ? r.FromId : null }).OfType<string>().Distinct().ToList();
        var farRead = parameters["rings"]!.GetValue<int>() > 1 && far.Count <= parameters["frontier"]!.GetValue<int>();
        var next = farRead ? Graph.Where(r => far.Contains(r.FromId) || far.Contains(r.ToId)) : [];
        var relations = near.Concat(next).DistinctBy(r => r.Id).Select(r => Map(("id", ScriptedServer.Text(r.Id)), ("type", ScriptedServer.Text(EnumNames.Of(r.Type))),
            ("fromId", ScriptedServer.Text(r.FromId)), ("toId", ScriptedServer.Text(r.ToId)), ("claims", List())));
        return ScriptedServer.Rows(["ends", "farRead", "relations"],
            $$"""[{{Integer(ends)}},{"$type":"Boolean","_value":{{(farRead ? "true" : "false")}}},{{List([.. relations])}}]""");
    }

    private static async Task<(IReadOnlyList<GraphPath> Paths, int Requests)> FindAsync(string fromId, string toId, int maxDepth, int limit)
    {
        var (store, server) = WireScripts.Store(WithSchema(new ScriptedServer()).Otherwise(body => StatementOf(body) == Statements.PathRings
            ? Rings(ParametersOf(body))
            : throw new InvalidOperationException($"the stand-in does not know this statement: {StatementOf(body)}")));
        using (store)
        {
            var paths = await store.FindPathsAsync(fromId, toId, maxDepth, limit, CancellationToken.None);
            return (paths, server.Requests.Count - SetUp);
        }
    }

    /// <summary>The core's search over the graph with every level read apart, after the same check of both ends.</summary>
    private static async Task<IReadOnlyList<GraphPath>> ExpectedAsync(string fromId, string toId, int maxDepth, int limit) =>
        (await LevelByLevelAsync(fromId, toId, maxDepth, limit)).Paths;

    /// <summary>
    /// The search as the store ran it before (a request to check both ends, then one a level the core asked for), with
    /// the requests that took.
    /// </summary>
    private static async Task<(IReadOnlyList<GraphPath> Paths, int Requests)> LevelByLevelAsync(string fromId, string toId, int maxDepth, int limit)
    {
        if (!Nodes.Contains(fromId) || !Nodes.Contains(toId)) return ([], 1);
        var levels = 0;
        var paths = await ShortestPaths.FindAsync((ids, _) =>
        {
            levels++;
            return Task.FromResult<IReadOnlyList<Relation>>(Graph.Where(r => ids.Contains(r.FromId) || ids.Contains(r.ToId)).ToList());
        }, fromId, toId, maxDepth, limit, CancellationToken.None);
        return (paths, 1 + levels);
    }

    private static IEnumerable<string> Described(IEnumerable<GraphPath> paths) =>
        paths.Select(p => string.Join(" ", p.Relations.Select(r => r.Id).Prepend(string.Join("/", p.NodeIds))));

    [Fact]
    public async Task PathsAreTheCoresAnswersInAtMostOneRequestPerTwoLevels()
    {
        var pairs = Nodes.Where((_, i) => i % 3 == 0).SelectMany(from => Nodes.Where((_, i) => i % 4 == 1).Select(to => (from, to))).Append(("node:00", "node:00"));
        var answered = 0;
        foreach (var depth in new[] { 1, 2, 3, 4 })
        {
            var (searches, before, after) = (0, 0, 0);
            foreach (var (from, to) in pairs)
                foreach (var limit in new[] { 1, 3, 25 })
                {
                    var (paths, requests) = await FindAsync(from, to, depth, limit);

                    var (expected, levelByLevel) = await LevelByLevelAsync(from, to, depth, limit);
                    Assert.Equal(Described(expected), Described(paths));
                    Assert.InRange(requests, 1, (depth + 1) / 2);
                    (searches, before, after, answered) = (searches + 1, before + levelByLevel, after + requests, answered + paths.Count);
                }
            output.WriteLine($"maxDepth {depth}: {searches} searches, {before} requests level by level, {after} two levels a request");
        }
        // The graph has paths of every length asked for, so the comparison is not of empty answers alone.
        Assert.True(answered > 1000, $"only {answered} paths found");
    }

    [Fact]
    public async Task ThePathStatementIsAmongThoseTheLinterChecks() => Assert.Contains(Statements.PathRings, await Lint.StoreStatements.SentAsync());

    [Fact]
    public async Task AMissingEndIsOneRequestAndNoPath()
    {
        Assert.Equal(((IReadOnlyList<GraphPath>)[], 1), await FindAsync("node:00", "node:gone", 4, 3));
        Assert.Equal(((IReadOnlyList<GraphPath>)[], 1), await FindAsync("node:gone", "node:gone", 4, 3));
    }

    [Fact]
    public async Task TheDefaultDepthTakesTwoRequestsWhereACheckAndFourLevelsTookFive()
    {
        string? far = null;
        foreach (var to in Nodes)
            if (far is null && await ExpectedAsync("node:00", to, 4, 3) is { Count: > 0 } shortest && shortest[0].Length >= 3) far = to;
        Assert.NotNull(far);

        var (paths, requests) = await FindAsync("node:00", far, 4, 3);

        Assert.Equal(Described(await ExpectedAsync("node:00", far, 4, 3)), Described(paths));
        Assert.Equal(2, requests);
    }

    [Fact]
    public async Task ADepthOutsideTheCoresLimitsIsRefusedOnceBothEndsAreFound()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => FindAsync("node:00", "node:01", TraversalLimits.MaxPathDepth + 1, 3));
        Assert.Empty((await FindAsync("node:00", "node:gone", TraversalLimits.MaxPathDepth + 1, 3)).Paths);
    }
}
