using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;

namespace ConflictGraph.Core.Tests.Rules;

/// <summary>
/// The search against the plainest reading of its rule: every simple path between the two nodes up to the depth, found
/// one relation at a time, sorted by <see cref="ShortestPaths.Order"/>, the first taken. Over generated graphs with a hub,
/// parallel relations, self-loops, ids that sort differently joined than alone, and an island; every depth from 1 to 6,
/// limits 1, 3 and 25, and whatever the store offers and whatever its counts and capped reads say.
/// </summary>
public sealed class ShortestPathsAgainstEveryPathTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private sealed record Graph(IReadOnlyList<string> Nodes, IReadOnlyList<Relation> Relations)
    {
        public IReadOnlyList<Relation> Touching(IReadOnlyCollection<string> ids) =>
            Relations.Where(r => ids.Contains(r.FromId) || ids.Contains(r.ToId)).ToList();
    }

    /// <summary>
    /// 26 nodes: "n:1" beside "n:10" and "n:1-b" (joined with '/', "n:1-b/" sorts before "n:1/", and "n:1/" before
    /// "n:10/"), a hub joined to half of them, random relations of random types (parallel ones and self-loops among
    /// them), two nodes joined only to each other, and a diamond apart whose middle nodes' ids are such prefixes.
    /// </summary>
    private static Graph Generate(int seed)
    {
        var random = new Random(seed);
        var nodes = Enumerable.Range(0, 20).Select(i => $"n:{i}").Concat(["n:1-b", "n:2-b", "n:10-b", "hub"]).ToList();
        var types = Enum.GetValues<RelationType>();
        var relations = new Dictionary<string, Relation>(StringComparer.Ordinal);
        void Add(string from, string to)
        {
            var relation = new Relation(types[random.Next(types.Length)], from, to, []);
            relations.TryAdd(relation.Id, relation);
        }
        foreach (var node in nodes.Where(n => n != "hub" && random.Next(2) == 0)) Add(random.Next(2) == 0 ? "hub" : node, random.Next(2) == 0 ? node : "hub");
        while (relations.Count < 45 + seed % 20)
        {
            var (from, to) = (nodes[random.Next(nodes.Count)], nodes[random.Next(nodes.Count)]);
            if (from != to || random.Next(10) == 0) Add(from, to);
        }
        nodes.AddRange(["island:a", "island:b"]);
        Add("island:a", "island:b");
        // A diamond apart: d:0 to d:2 through d:1, d:1-b and d:10, which sort d:1-b, d:1, d:10 in the answer.
        nodes.AddRange(["d:0", "d:1", "d:1-b", "d:10", "d:2"]);
        foreach (var middle in new[] { "d:10", "d:1", "d:1-b" })
        {
            Add("d:0", middle);
            Add(middle, "d:2");
        }
        return new Graph(nodes, [.. relations.Values]);
    }

    /// <summary>Every simple path from <paramref name="fromId"/> to <paramref name="toId"/> of at most <paramref name="maxDepth"/> relations, one relation at a time.</summary>
    private static List<GraphPath> EveryPath(Graph graph, string fromId, string toId, int maxDepth)
    {
        var paths = new List<GraphPath>();
        void Walk(List<string> nodes, List<Relation> relations)
        {
            var end = nodes[^1];
            if (end == toId)
            {
                paths.Add(new GraphPath([.. nodes], [.. relations]));
                return;
            }
            if (relations.Count == maxDepth) return;
            foreach (var relation in graph.Relations.Where(r => r.FromId == end || r.ToId == end))
            {
                var next = relation.OtherEnd(end);
                if (nodes.Contains(next)) continue;
                nodes.Add(next);
                relations.Add(relation);
                Walk(nodes, relations);
                nodes.RemoveAt(nodes.Count - 1);
                relations.RemoveAt(relations.Count - 1);
            }
        }
        if (fromId == toId) return [new GraphPath([fromId], [])];
        Walk([fromId], []);
        return paths;
    }

    /// <summary>The ways a store can serve the search: relations alone; with look-ups by both ends; with counts; with counts that say nothing true; with reads stopped at a cap, truly or not.</summary>
    private static IEnumerable<(string Name, ShortestPaths.Reads Reads)> Stores(Graph graph)
    {
        Task<IReadOnlyList<Relation>> Of(IReadOnlyCollection<string> ids, CancellationToken _) => Task.FromResult(graph.Touching(ids));
        Task<IReadOnlyList<Relation>> To(IReadOnlyCollection<string> ids, string end, CancellationToken _) =>
            Task.FromResult<IReadOnlyList<Relation>>(graph.Touching(ids).Where(r => r.FromId == end || r.ToId == end).ToList());
        Task<int> Count(IReadOnlyCollection<string> ids, int cap, CancellationToken _) => Task.FromResult(Math.Min(cap, graph.Touching(ids).Count));
        Task<int> Arbitrary(IReadOnlyCollection<string> ids, int cap, CancellationToken _) => Task.FromResult(Math.Min(cap, string.Join(",", ids).Length * 37 % 11));
        Task<IReadOnlyList<Relation>?> Within(IReadOnlyCollection<string> ids, int most, CancellationToken _) =>
            Task.FromResult(graph.Touching(ids) is var all && all.Count <= most ? all : null);
        // A read stopped at its cap whatever it holds, for half the sides: the search must then weigh them by counts.
        Task<IReadOnlyList<Relation>?> Stopped(IReadOnlyCollection<string> ids, int most, CancellationToken _) =>
            Task.FromResult(string.Join(",", ids).Length % 2 == 0 ? null : graph.Touching(ids));
        yield return ("relations", new ShortestPaths.Reads(Of));
        yield return ("look-ups", new ShortestPaths.Reads(Of, To));
        yield return ("look-ups and counts", new ShortestPaths.Reads(Of, To, Count));
        yield return ("counts", new ShortestPaths.Reads(Of, ReadCost: Count));
        yield return ("look-ups and arbitrary counts", new ShortestPaths.Reads(Of, To, Arbitrary));
        yield return ("look-ups, counts and capped reads", new ShortestPaths.Reads(Of, To, Count, Within));
        yield return ("counts and capped reads", new ShortestPaths.Reads(Of, ReadCost: Count, RelationsWithin: Within));
        yield return ("look-ups, arbitrary counts and reads stopped short", new ShortestPaths.Reads(Of, To, Arbitrary, Stopped));
    }

    private static IEnumerable<string> Described(IEnumerable<GraphPath> paths) =>
        paths.Select(p => string.Join("/", p.NodeIds) + " " + string.Join(" ", p.Relations.Select(r => r.Id)));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public async Task TheSearchAnswersTheFirstOfEverySimplePathInOrder(int seed)
    {
        var graph = Generate(seed);
        var random = new Random(seed * 7);
        var pairs = new List<(string From, string To)> { ("hub", "n:1"), ("n:1", "hub"), ("n:1-b", "n:10"), ("hub", "island:a"), ("island:b", "n:3"), ("n:5", "n:5"), ("d:0", "d:2"), ("d:2", "d:0") };
        pairs.AddRange(Enumerable.Range(0, 8).Select(_ => (graph.Nodes[random.Next(24)], graph.Nodes[random.Next(24)])));
        var (searches, answered, longest) = (0, 0, 0);
        foreach (var (from, to) in pairs)
        {
            var every = EveryPath(graph, from, to, 6);
            foreach (var depth in Enumerable.Range(1, 6))
                foreach (var limit in new[] { 1, 3, 25 })
                {
                    var expected = Described(every.Where(p => p.Length <= depth).Order(ShortestPaths.Order).Take(limit)).ToList();
                    foreach (var (name, reads) in Stores(graph))
                    {
                        var paths = await ShortestPaths.FindAsync(reads, from, to, depth, limit, CancellationToken.None);
                        Assert.True(expected.SequenceEqual(Described(paths)),
                            $"{from} to {to}, depth {depth}, first {limit}, {name}:\nexpected\n{string.Join("\n", expected)}\nfound\n{string.Join("\n", Described(paths))}");
                        (searches, answered, longest) = (searches + 1, answered + paths.Count, Math.Max(longest, paths.Count > 0 ? paths[^1].Length : 0));
                    }
                }
        }
        output.WriteLine($"seed {seed}: {searches} searches, {answered} paths, the longest {longest} relations");
        // The graphs have paths of many lengths, so the comparison is not of empty answers alone.
        Assert.True(answered > 1000 && longest >= 5, $"{answered} paths, the longest {longest}");
    }

    /// <summary>What a search came to: its paths, or the length it was refused at; and the most relations one read handed it.</summary>
    private static async Task<(string Outcome, int LargestRead)> SearchAsync(Graph graph, bool exactCounts, bool cappedReads, string from, string to, int depth, int limit, int frontier)
    {
        var largest = 0;
        IReadOnlyList<Relation> Seen(IReadOnlyList<Relation> read)
        {
            largest = Math.Max(largest, read.Count);
            return read;
        }
        // A relation counted once for each asked node it touches, as the SQLite store's index entries count it.
        Task<int> Count(IReadOnlyCollection<string> ids, int cap, CancellationToken _) => Task.FromResult(Math.Min(cap, ids.Sum(id => graph.Touching([id]).Count)));
        var reads = new ShortestPaths.Reads((ids, _) => Task.FromResult(Seen(graph.Touching(ids))),
            (ids, end, _) => Task.FromResult<IReadOnlyList<Relation>>(graph.Touching(ids).Where(r => r.FromId == end || r.ToId == end).ToList()),
            exactCounts ? null : Count,
            cappedReads ? (ids, most, _) => Task.FromResult(graph.Touching(ids) is var all && all.Count <= most ? Seen(all) : null) : null,
            exactCounts ? Count : null);
        try
        {
            return (string.Join("\n", Described(await ShortestPaths.FindAsync(reads, from, to, depth, limit, frontier, CancellationToken.None))), largest);
        }
        catch (PathSearchTooWideException refused)
        {
            return ($"refused at length {refused.Length}", largest);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task CountsThatShowBothSidesWouldBeCutRefuseTheSearchesReadingWouldAndAnswerTheRestAlike(int seed)
    {
        // Relations join two different nodes in every store (RelationChecks), so the graph has no self-loop here.
        var generated = Generate(seed);
        var graph = new Graph(generated.Nodes, [.. generated.Relations.Where(r => r.FromId != r.ToId)]);
        var (searches, refused, earlier) = (0, 0, 0);
        foreach (var from in graph.Nodes.Take(24))
            foreach (var to in new[] { "hub", "n:1", "n:7", "n:10-b" })
                foreach (var frontier in new[] { 1, 2, 3, 5, 8 })
                    foreach (var (depth, capped) in new[] { (2, false), (3, false), (4, false), (3, true) })
                    {
                        var (read, largestRead) = await SearchAsync(graph, exactCounts: false, capped, from, to, depth, 3, frontier);
                        var (counted, largestCounted) = await SearchAsync(graph, exactCounts: true, capped, from, to, depth, 3, frontier);
                        Assert.True(read == counted, $"{from} to {to}, depth {depth}, frontier {frontier}, capped reads {capped}:\nreading\n{read}\ncounting\n{counted}");
                        Assert.True(largestCounted <= largestRead, $"{from} to {to}, depth {depth}, frontier {frontier}, capped reads {capped}: read {largestCounted} relations at once, {largestRead} without exact counts");
                        (searches, refused, earlier) = (searches + 1, refused + (read.StartsWith("refused") ? 1 : 0), earlier + (largestCounted < largestRead ? 1 : 0));
                    }
        output.WriteLine($"seed {seed}: {searches} searches, {refused} refused, {earlier} of them with a smaller largest read");
        // Not a comparison of answers alone: searches are refused (ShortestPathsTests shows the reads a refusal spares).
        Assert.True(refused > 20, $"{refused} refused, {earlier} earlier");
    }
}
