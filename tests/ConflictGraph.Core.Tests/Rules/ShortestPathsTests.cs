using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;

namespace ConflictGraph.Core.Tests.Rules;

public sealed class ShortestPathsTests
{
    // A hub joined to thousands of leaves, each leaf to thousands more: a level holds many paths.
    private static Task<IReadOnlyList<Relation>> Star(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Relation>>(ids.Take(50).SelectMany(id => Enumerable.Range(0, 2000)
            .Select(i => new Relation(RelationType.MemberOf, $"{id}/{i}", id, [], []))).ToList());

    [Fact]
    public async Task TheSearchStopsWhenItsTokenFiresInsideALevel()
    {
        using var cancel = new CancellationTokenSource();
        var calls = 0;
        Task<IReadOnlyList<Relation>> CancelOnSecondLevel(IReadOnlyCollection<string> ids, CancellationToken token)
        {
            if (++calls == 2) cancel.Cancel();
            return Star(ids, token);
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ShortestPaths.FindAsync(CancelOnSecondLevel, "hub", "nowhere", 6, 3, cancel.Token));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(TraversalLimits.MaxPathDepth + 1)]
    public async Task ADepthOutsideTheCeilingIsRefused(int depth)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ShortestPaths.FindAsync(Star, "a", "b", depth, 3, CancellationToken.None));
    }

    // A group that carried out many events, a few of which targeted the target.
    private static readonly IReadOnlyList<Relation> GroupEvents =
    [
        .. Enumerable.Range(0, 500).Select(i => new Relation(RelationType.CarriedOut, "group", $"event:{i:D3}", [], [])),
        .. Enumerable.Range(0, 500).Where(i => i % 100 == 7).Select(i => new Relation(RelationType.Targeted, $"event:{i:D3}", "target", [], [])),
        .. Enumerable.Range(0, 500).Select(i => new Relation(RelationType.OccurredIn, $"event:{i:D3}", $"place:{i % 10}", [], [])),
    ];

    private static IReadOnlyList<Relation> Touching(IReadOnlyCollection<string> ids) =>
        GroupEvents.Where(r => ids.Contains(r.FromId) || ids.Contains(r.ToId)).ToList();

    [Fact]
    public async Task EnoughPathsToTheTargetEndTheSearchBeforeTheFrontierIsExpanded()
    {
        var expanded = new List<int>();
        Task<IReadOnlyList<Relation>> RelationsOf(IReadOnlyCollection<string> ids, CancellationToken _)
        {
            expanded.Add(ids.Count);
            return Task.FromResult(Touching(ids));
        }
        Task<IReadOnlyList<Relation>> RelationsTo(IReadOnlyCollection<string> ids, string target, CancellationToken _) =>
            Task.FromResult<IReadOnlyList<Relation>>(Touching(ids).Where(r => r.FromId == target || r.ToId == target).ToList());

        var quick = await ShortestPaths.FindAsync(RelationsOf, "group", "target", 3, 3, CancellationToken.None, RelationsTo);
        var full = await ShortestPaths.FindAsync((ids, _) => Task.FromResult(Touching(ids)), "group", "target", 3, 3, CancellationToken.None);

        // Only the group's own relations were read; its 500 events' were not.
        Assert.Equal([1], expanded);
        Assert.Equal(["group/event:007/target", "group/event:107/target", "group/event:207/target"],
            quick.Select(p => string.Join('/', p.NodeIds)));
        Assert.Equal(full.Select(p => string.Join('/', p.NodeIds)), quick.Select(p => string.Join('/', p.NodeIds)));
        Assert.Equal(full.Select(p => string.Join('/', p.Relations.Select(r => r.Id))), quick.Select(p => string.Join('/', p.Relations.Select(r => r.Id))));
    }

    [Fact]
    public async Task TheLastLevelAsksAboutTheFrontierInTheAnswersOrderAndStopsWhenThePageIsFull()
    {
        var asked = new List<string>();
        Task<IReadOnlyList<Relation>> RelationsTo(IReadOnlyCollection<string> ids, string target, CancellationToken _)
        {
            asked.AddRange(ids);
            return Task.FromResult<IReadOnlyList<Relation>>(Touching(ids).Where(r => r.FromId == target || r.ToId == target).ToList());
        }

        var one = await ShortestPaths.FindAsync((ids, _) => Task.FromResult(Touching(ids)), "group", "target", 2, 1, CancellationToken.None, RelationsTo);

        Assert.Equal(["group/event:007/target"], one.Select(p => string.Join('/', p.NodeIds)));
        // The group, then its first events in id order: enough to find event:007, never all 500.
        Assert.Equal(["group", .. Enumerable.Range(0, 8).Select(i => $"event:{i:D3}")], asked);
    }

    // An army that carried out 3,000 events; one of them targeted a group a person belongs to.
    private static readonly IReadOnlyList<Relation> ArmyWorld =
    [
        .. Enumerable.Range(0, 3000).Select(i => new Relation(RelationType.CarriedOut, "org:army", $"event:{i:D4}", [], [])),
        new Relation(RelationType.Targeted, "event:0042", "org:group", [], []),
        new Relation(RelationType.MemberOf, "person:p", "org:group", [], []),
    ];

    [Fact]
    public async Task AHubAtTheSourceIsLookedUpNotReadWhenTheTargetsSideReadsLess()
    {
        var read = new List<string>();
        IReadOnlyList<Relation> Touching(IReadOnlyCollection<string> ids) => ArmyWorld.Where(r => ids.Contains(r.FromId) || ids.Contains(r.ToId)).ToList();
        var reads = new ShortestPaths.Reads(
            (ids, _) =>
            {
                read.AddRange(ids);
                return Task.FromResult(Touching(ids));
            },
            (ids, end, _) => Task.FromResult<IReadOnlyList<Relation>>(Touching(ids).Where(r => r.FromId == end || r.ToId == end).ToList()),
            (ids, cap, _) => Task.FromResult(Math.Min(cap, Touching(ids).Count)));

        var paths = await ShortestPaths.FindAsync(reads, "org:army", "person:p", 6, 3, CancellationToken.None);

        Assert.Equal(["org:army/event:0042/org:group/person:p"], paths.Select(p => string.Join('/', p.NodeIds)));
        // The person's side was read, a node a level while longer paths could still fill the page; the army's 3,000
        // relations never were (each length was looked up against the army instead).
        Assert.Equal(["person:p", "org:group", "event:0042"], read);
    }

    // An army that carried out 25,000 events, more than a level keeps; the last three by relation id (event:z1-z3)
    // targeted a group, which carried out the event a person was killed in.
    private static readonly IReadOnlyList<Relation> CutWorld =
    [
        .. Enumerable.Range(0, 25_000).Select(i => new Relation(RelationType.CarriedOut, "org:army", $"event:h{i:D5}", [], [])),
        .. Enumerable.Range(1, 3).SelectMany(i => new[]
        {
            new Relation(RelationType.CarriedOut, "org:army", $"event:z{i}", [], []),
            new Relation(RelationType.Targeted, $"event:z{i}", "org:group", [], []),
        }),
        new Relation(RelationType.CarriedOut, "org:group", "event:x", [], []),
        new Relation(RelationType.Killed, "event:x", "person:p", [], []),
    ];

    [Theory]
    [InlineData("person:p", "org:army")]
    [InlineData("org:army", "person:p")]
    public async Task ALevelCutAtTheFrontiersBoundIsNotJoinedWhileTheOtherSideCanGrow(string fromId, string toId)
    {
        var touching = CutWorld.SelectMany(r => new[] { (Node: r.FromId, Relation: r), (Node: r.ToId, Relation: r) }).ToLookup(x => x.Node, x => x.Relation);
        IReadOnlyList<Relation> Touching(IReadOnlyCollection<string> ids) => ids.SelectMany(id => touching[id]).Distinct().ToList();
        // Counts that call every read free, so the search grows the army's side first and cuts it.
        var reads = new ShortestPaths.Reads((ids, _) => Task.FromResult(Touching(ids)),
            (ids, end, _) => Task.FromResult<IReadOnlyList<Relation>>(Touching(ids).Where(r => r.FromId == end || r.ToId == end).ToList()),
            (_, _, _) => Task.FromResult(0));

        var paths = await ShortestPaths.FindAsync(reads, fromId, toId, 4, 3, CancellationToken.None);

        IEnumerable<string> Expected() => Enumerable.Range(1, 3).Select(i => $"person:p/event:x/org:group/event:z{i}/org:army");
        Assert.Equal(fromId == "person:p" ? Expected() : Expected().Select(p => string.Join('/', p.Split('/').Reverse())),
            paths.Select(p => string.Join('/', p.NodeIds)));
    }

    // Two armies, each targeted in 20,001 events, more than a level keeps. Each carried out one more event, whose
    // relation's id ("org:...") sorts after those of the events that targeted it ("event:..."), so a cut level drops it;
    // those two events answered one another, and so did two of the targeted ones.
    private static readonly IReadOnlyList<Relation> TwoHubs =
    [
        .. new[] { "a", "b" }.SelectMany(hub => Enumerable.Range(0, 20_001).Select(i => new Relation(RelationType.Targeted, $"event:{hub}{i:D5}", $"org:{hub}", [], []))),
        new Relation(RelationType.CarriedOut, "org:a", "event:0", [], []),
        new Relation(RelationType.CarriedOut, "org:b", "event:1", [], []),
        new Relation(RelationType.ResponseTo, "event:0", "event:1", [], []),
        new Relation(RelationType.ResponseTo, "event:a00001", "event:b00001", [], []),
    ];

    private static ShortestPaths.Reads TwoHubsReads()
    {
        var touching = TwoHubs.SelectMany(r => new[] { (Node: r.FromId, Relation: r), (Node: r.ToId, Relation: r) }).ToLookup(x => x.Node, x => x.Relation);
        IReadOnlyList<Relation> Touching(IReadOnlyCollection<string> ids) => ids.SelectMany(id => touching[id]).Distinct().ToList();
        return new ShortestPaths.Reads((ids, _) => Task.FromResult(Touching(ids)),
            (ids, end, _) => Task.FromResult<IReadOnlyList<Relation>>(Touching(ids).Where(r => r.FromId == end || r.ToId == end).ToList()),
            (ids, cap, _) => Task.FromResult(Math.Min(cap, Touching(ids).Count)),
            (ids, most, _) => Task.FromResult(Touching(ids) is var all && all.Count <= most ? all : null));
    }

    [Fact]
    public async Task ASearchWhoseLevelsAreCutFromBothEndsIsRefusedRatherThanAnsweredWithPathsThatAreNotTheFirst()
    {
        // The first path is org:a/event:0/event:1/org:b, through the two relations both cut levels drop; what they
        // keep holds org:a/event:a00001/event:b00001/org:b alone, which a search joining them would answer.
        var refused = await Assert.ThrowsAsync<PathSearchTooWideException>(() => ShortestPaths.FindAsync(TwoHubsReads(), "org:a", "org:b", 3, 3, CancellationToken.None));

        Assert.Equal(2, refused.Length);
        Assert.Contains("20,000 open paths", refused.Message);
        Assert.Contains("ask maxDepth: 1", refused.Message);
        // Shorter searches are whole, and a search with one hub end answers its first paths.
        Assert.Empty(await ShortestPaths.FindAsync(TwoHubsReads(), "org:a", "org:b", 1, 3, CancellationToken.None));
        Assert.Equal(["org:a/event:0/event:1"], (await ShortestPaths.FindAsync(TwoHubsReads(), "org:a", "event:1", 3, 1, CancellationToken.None)).Select(p => string.Join('/', p.NodeIds)));
        Assert.Equal(["event:b00001/event:a00001/org:a"], (await ShortestPaths.FindAsync(TwoHubsReads(), "event:b00001", "org:a", 3, 1, CancellationToken.None)).Select(p => string.Join('/', p.NodeIds)));
    }

    /// <summary>Reads of <paramref name="world"/> as the SQLite store gives them (exact counts, reads stopped at a cap), each relation handed over added to <paramref name="read"/>.</summary>
    private static ShortestPaths.Reads CountedReads(IReadOnlyList<Relation> world, List<int> read)
    {
        var touching = world.SelectMany(r => new[] { (Node: r.FromId, Relation: r), (Node: r.ToId, Relation: r) }).ToLookup(x => x.Node, x => x.Relation);
        IReadOnlyList<Relation> Touching(IReadOnlyCollection<string> ids) => ids.SelectMany(id => touching[id]).Distinct().ToList();
        return new ShortestPaths.Reads((ids, _) => Task.FromResult(Add(Touching(ids))),
            (ids, end, _) => Task.FromResult<IReadOnlyList<Relation>>(Touching(ids).Where(r => r.FromId == end || r.ToId == end).ToList()),
            RelationsWithin: (ids, most, _) => Task.FromResult(Touching(ids) is var all && all.Count <= most ? Add(all) : null),
            RelationCount: (ids, cap, _) => Task.FromResult(Math.Min(cap, ids.Sum(id => touching[id].Count()))));

        IReadOnlyList<Relation> Add(IReadOnlyList<Relation> all)
        {
            read.Add(all.Count);
            return all;
        }
    }

    // Two armies that each carried out 150 events, each event targeting 140 people of its own: a search keeps both
    // first levels (150 open paths each) and neither second one (21,000).
    private static readonly IReadOnlyList<Relation> TwoDeepHubs =
    [
        .. new[] { "a", "b" }.SelectMany(hub => Enumerable.Range(0, 150).SelectMany(i =>
            Enumerable.Range(0, 140).Select(j => new Relation(RelationType.Targeted, $"event:{hub}{i:D3}", $"person:{hub}{i:D3}-{j:D3}", [], []))
                .Append(new Relation(RelationType.CarriedOut, $"org:{hub}", $"event:{hub}{i:D3}", [], [])))),
    ];

    [Fact]
    public async Task ASearchBothOfWhoseHubsTheCountsShowWouldBeCutIsRefusedBeforeEitherIsRead()
    {
        var read = new List<int>();

        var refused = await Assert.ThrowsAsync<PathSearchTooWideException>(() => ShortestPaths.FindAsync(CountedReads(TwoHubs, read), "org:a", "org:b", 3, 3, CancellationToken.None));

        // As when both were read (the test above), and without reading either hub's 20,002 relations.
        Assert.Equal(2, refused.Length);
        Assert.Contains("ask maxDepth: 1", refused.Message);
        Assert.Empty(read);
        Assert.Empty(await ShortestPaths.FindAsync(CountedReads(TwoHubs, read), "org:a", "org:b", 1, 3, CancellationToken.None));
        Assert.Equal(["org:a/event:0/event:1"], (await ShortestPaths.FindAsync(CountedReads(TwoHubs, read), "org:a", "event:1", 3, 1, CancellationToken.None)).Select(p => string.Join('/', p.NodeIds)));
    }

    [Fact]
    public async Task ASearchWhoseSecondLevelsTheCountsShowWouldBeCutIsRefusedAfterReadingTheFirstOnly()
    {
        var read = new List<int>();

        var refused = await Assert.ThrowsAsync<PathSearchTooWideException>(() => ShortestPaths.FindAsync(CountedReads(TwoDeepHubs, read), "org:a", "org:b", 4, 3, CancellationToken.None));

        Assert.Equal(3, refused.Length);
        Assert.EndsWith("ask maxDepth: 2", refused.Message);
        Assert.Equal([150, 150], read);
        // Read whole, without the counts, the same search is refused at the same length after reading 21,150 relations a side.
        var touching = TwoDeepHubs.SelectMany(r => new[] { (Node: r.FromId, Relation: r), (Node: r.ToId, Relation: r) }).ToLookup(x => x.Node, x => x.Relation);
        var whole = await Assert.ThrowsAsync<PathSearchTooWideException>(() => ShortestPaths.FindAsync(
            (ids, _) => Task.FromResult<IReadOnlyList<Relation>>(ids.SelectMany(id => touching[id]).Distinct().ToList()), "org:a", "org:b", 4, 3, CancellationToken.None));
        Assert.Equal(3, whole.Length);
        Assert.Equal(refused.Message, whole.Message);
    }
}
