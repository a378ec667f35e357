using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Store.Tests.Conformance;

/// <summary>
/// Words beside another criterion when one side is far larger than the other: a common word beside an actor with a few
/// events or statements, and a common word beside an actor with many. Every store answers exactly the nodes both find,
/// in the list's order, with an exact total, whichever side it reads first (the embedded store chooses by the sides'
/// sizes; Neo4j once kept only the 10,000 best-ranked matches of a word beside another criterion).
/// </summary>
public abstract partial class GraphStoreConformanceTests
{
    /// <summary>
    /// org:few carried out five events and person:few spoke four statements; org:many carried out 1,600 events, three in
    /// four of them with a word beginning "attack" and the others "shelling", and person:many spoke 600 statements, two in three
    /// of them with "attack".
    /// </summary>
    public static GraphBatch WordsBySizeGraph()
    {
        var day = new DateOnly(2021, 1, 1);
        var nodes = new List<Node>
        {
            new Organization("org:few", "Few", [], null, OrganizationKind.ArmedGroup, null),
            new Organization("org:many", "Many", [], null, OrganizationKind.ArmedGroup, null),
            new Person("person:few", "Few Speaker", [], null, []),
            new Person("person:many", "Many Speaker", [], null, []),
            new Event("event:f1", "Mortar attack on a bridge", EventKind.ArtilleryFire, null, FuzzyDate.Day(day.AddDays(4))),
            new Event("event:f2", "Attackers repelled at dawn", EventKind.ArmedClash, null, FuzzyDate.Day(day.AddDays(2))),
            new Event("event:f3", "Shelling of the market", EventKind.ArtilleryFire, null, FuzzyDate.Day(day.AddDays(3))),
            new Event("event:f4", "Drone attacks and shelling", EventKind.DroneAttack, null, FuzzyDate.Day(day.AddDays(1))),
            new Event("event:f5", "Counterattack near the river", EventKind.ArmedClash, null, FuzzyDate.Day(day)),
            Said("statement:f1", "person:few", "They said the attack came at night", day.AddDays(3)),
            Said("statement:f2", "person:few", "No shelling took place", day.AddDays(2)),
            Said("statement:f3", "person:few", "The attackers were repelled", day.AddDays(1)),
            Said("statement:f4", "person:few", "A quiet day", day),
        };
        var relations = new List<Relation>();
        foreach (var id in new[] { "event:f1", "event:f2", "event:f3", "event:f4", "event:f5" })
            relations.Add(TestWorld.Relation(RelationType.CarriedOut, "org:few", id));
        for (var i = 0; i < 1_600; i++)
        {
            var title = (i % 4) switch { 0 => "Rocket attack on a post", 1 => "Attacks on a convoy", 2 => "Attack on a checkpoint", _ => "Shelling near a post" };
            nodes.Add(new Event($"event:m{i:D4}", title, EventKind.ArtilleryFire, null, FuzzyDate.Day(day.AddDays(i % 90))));
            relations.Add(TestWorld.Relation(RelationType.CarriedOut, "org:many", $"event:m{i:D4}"));
        }
        for (var i = 0; i < 600; i++)
            nodes.Add(Said($"statement:m{i:D3}", "person:many", i % 3 != 2 ? "The attack was repelled" : "Shelling went on", day.AddDays(i % 60)));
        return new GraphBatch(nodes, relations);
    }

    private static Statement Said(string id, string speaker, string text, DateOnly day) =>
        new(id, text, Stance.Asserts, FuzzyDate.Day(day), null, speaker, null, null, [], null, []);

    public static TheoryData<string, string, string[]> FewCandidates => new()
    {
        { "org:few", "attack", ["event:f4", "event:f2", "event:f1"] },
        { "org:few", "attack shell", ["event:f4"] },
        { "org:few", "shell", ["event:f4", "event:f3"] },
        { "org:few", "attackers", ["event:f2"] },
        { "org:few", "zzz", [] },
        { "person:few", "attack", ["statement:f3", "statement:f1"] },
        { "person:few", "shelling", ["statement:f2"] },
    };

    [SkippableTheory]
    [MemberData(nameof(FewCandidates))]
    public async Task ACommonWordBesideAFewCandidatesFindsExactlyTheNodesBothFind(string actor, string text, string[] expected)
    {
        var store = await CreateEmptyStoreAsync();
        await store.ImportAsync(WordsBySizeGraph(), null, None);
        var query = WordsBeside(actor, text);
        foreach (var keys in new[] { false, true })
        {
            var page = (await store.FindNodesAsync([(query, new PageRequest(20, null, CountTotal: true, KeysOnly: keys))], None))[0];
            Assert.Equal(expected, page.Items.Select(i => i.Item.Id));
            Assert.Equal(expected.Length, page.TotalCount);
        }
        // Page by page, one node at a time, the same list.
        var walked = new List<string>();
        string? after = null;
        for (var i = 0; i <= expected.Length; i++)
        {
            var page = (await store.FindNodesAsync([(query, new PageRequest(1, after, CountTotal: true))], None))[0];
            Assert.Equal(expected.Length, page.TotalCount);
            walked.AddRange(page.Items.Select(p => p.Item.Id));
            if (!page.HasNextPage) break;
            after = page.Items[^1].Cursor;
        }
        Assert.Equal(expected, walked);
    }

    [SkippableFact]
    public async Task ACommonWordBesideManyCandidatesCountsEveryMatchAndListsTheFirstInOrder()
    {
        var store = await CreateEmptyStoreAsync();
        await store.ImportAsync(WordsBySizeGraph(), null, None);
        var page = (await store.FindNodesAsync([(WordsBeside("org:many", "attack"), new PageRequest(3, null, CountTotal: true))], None))[0];
        Assert.Equal(1_200, page.TotalCount);
        // Day 1 holds m0000, m0090, m0180... (i % 90 == 0); the first three of them in id order with an attack word.
        Assert.Equal(["event:m0000", "event:m0090", "event:m0180"], page.Items.Select(i => i.Item.Id));
        var statements = (await store.FindNodesAsync([(WordsBeside("person:many", "attack"), new PageRequest(0, null, CountTotal: true))], None))[0];
        Assert.Equal(400, statements.TotalCount);
    }

    private static NodeQuery WordsBeside(string actor, string text) => actor.StartsWith("org:", StringComparison.Ordinal)
        ? Events(new EventCriteria { PerpetratorId = actor }) with { Text = text }
        : new NodeQuery { Kinds = [NodeKind.Statement], Order = NodeOrder.DateAsc, Statements = new StatementCriteria { SpeakerId = actor }, Text = text };
}
