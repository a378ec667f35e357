using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Store.Tests.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    // The Pentagon speaks through Kirby (its member) and in its own name; some statements are undated,
    // two share a day, one is said both by Kirby and for the Pentagon.
    private static IReadOnlyList<Node> PentagonStatements =>
    [
        Said("statement:p-a", Stance.Asserts, FuzzyDate.Day(new DateOnly(2021, 6, 29)), "person:kirby", null),
        Said("statement:p-b", Stance.Asserts, TestWorld.June27, null, "org:pentagon"),
        Said("statement:p-c", Stance.Reports, null, null, "org:pentagon"),
        Said("statement:p-d", Stance.Asserts, null, "person:kirby", null),
        Said("statement:p-e", Stance.Denies, FuzzyDate.Day(new DateOnly(2021, 5, 1)), null, "org:pentagon"),
        Said("statement:other", Stance.Asserts, TestWorld.June27, "person:muhandis", "org:kh"),
    ];

    private static Statement Said(string id, Stance stance, FuzzyDate? date, string? speaker, string? onBehalfOf) =>
        new(id, $"Words of {id}.", stance, date, null, speaker, onBehalfOf, null, ["event:strikes"], null, []);

    private static NodeQuery StatementsOf(StatementCriteria criteria, NodeOrder order = NodeOrder.DateAsc) =>
        new() { Kinds = [NodeKind.Statement], Statements = criteria, Order = order };

    /// <summary>Every page of two, walked to the end: the ids in order, and the total each page reported.</summary>
    private async Task<(List<string> Ids, HashSet<int?> Totals)> WalkAsync(IGraphStore store, NodeQuery query)
    {
        var (ids, totals) = (new List<string>(), new HashSet<int?>());
        string? after = null;
        for (var pages = 0; pages < 20; pages++)
        {
            var page = (await store.FindNodesAsync([(query, new PageRequest(2, after, CountTotal: true))], None))[0];
            ids.AddRange(page.Items.Select(i => i.Item.Id));
            totals.Add(page.TotalCount);
            if (!page.HasNextPage) break;
            after = page.EndCursor;
        }
        return (ids, totals);
    }

    [SkippableFact]
    public async Task AnActorsStatementsPageByDateEitherWayWithUndatedLastAndEachOnce()
    {
        var store = await CreateWorldAsync();
        await store.ImportAsync(new GraphBatch(PentagonStatements, []), null, None);

        var organization = new StatementCriteria { OrganizationId = "org:pentagon" };
        await AssertWalkAsync(store, StatementsOf(organization),
            6, ["statement:p-e", "statement:kirby", "statement:p-b", "statement:p-a", "statement:p-c", "statement:p-d"]);
        await AssertWalkAsync(store, StatementsOf(organization, NodeOrder.DateDesc),
            6, ["statement:p-a", "statement:kirby", "statement:p-b", "statement:p-e", "statement:p-c", "statement:p-d"]);
        await AssertWalkAsync(store, StatementsOf(new StatementCriteria { SpeakerId = "person:kirby" }),
            3, ["statement:kirby", "statement:p-a", "statement:p-d"]);
        await AssertWalkAsync(store, StatementsOf(new StatementCriteria { ActorId = "org:pentagon" }),
            4, ["statement:p-e", "statement:kirby", "statement:p-b", "statement:p-c"]);
        // A condition on the statement itself still holds on every page and in the total.
        await AssertWalkAsync(store, StatementsOf(new StatementCriteria { OrganizationId = "org:pentagon", Stances = [Stance.Denies] }),
            1, ["statement:p-e"]);
    }

    [SkippableFact]
    public async Task AnActorsFirstStatementsPageHoldsItsDatedStatementsWhenMoreThanAPageAreUndated()
    {
        var store = await CreateWorldAsync();
        // Four undated statements for the Pentagon in its own name, more than a page of two looks ahead (three).
        await store.ImportAsync(new GraphBatch([.. PentagonStatements,
            Said("statement:p-f", Stance.Reports, null, null, "org:pentagon"),
            Said("statement:p-g", Stance.Reports, null, null, "org:pentagon")], []), null, None);

        var organization = new StatementCriteria { OrganizationId = "org:pentagon" };
        await AssertWalkAsync(store, StatementsOf(organization),
            8, ["statement:p-e", "statement:kirby", "statement:p-b", "statement:p-a", "statement:p-c", "statement:p-d", "statement:p-f", "statement:p-g"]);
        await AssertWalkAsync(store, StatementsOf(organization, NodeOrder.DateDesc),
            8, ["statement:p-a", "statement:kirby", "statement:p-b", "statement:p-e", "statement:p-c", "statement:p-d", "statement:p-f", "statement:p-g"]);
    }

    [SkippableFact]
    public async Task AnActorsStatementsFollowRedatingAndDeletes()
    {
        var store = await CreateWorldAsync();
        await store.ImportAsync(new GraphBatch(PentagonStatements, []), null, None);

        await store.ImportAsync(new GraphBatch([Said("statement:p-e", Stance.Denies, FuzzyDate.Day(new DateOnly(2021, 7, 1)), null, "org:pentagon")], []), null, None);
        Assert.True(await store.DeleteNodeAsync("statement:p-b", null, None));
        // Kirby now speaks for Kata'ib Hezbollah instead: still the Pentagon's by its member, and now Kata'ib Hezbollah's too.
        await store.ImportAsync(new GraphBatch([Said("statement:p-a", Stance.Asserts, FuzzyDate.Day(new DateOnly(2021, 6, 29)), "person:kirby", "org:kh")], []), null, None);

        await AssertWalkAsync(store, StatementsOf(new StatementCriteria { OrganizationId = "org:pentagon" }),
            5, ["statement:kirby", "statement:p-a", "statement:p-e", "statement:p-c", "statement:p-d"]);
        await AssertWalkAsync(store, StatementsOf(new StatementCriteria { ActorId = "org:kh" }),
            3, ["statement:other", "statement:militia", "statement:p-a"]);
    }

    [SkippableFact]
    public async Task AnEventsStatementsComeInDateOrderEitherWayWithUndatedLastOnTheFirstPageAsOnTheNext()
    {
        var store = await CreateWorldAsync();
        await store.ImportAsync(new GraphBatch(PentagonStatements, []), null, None);
        // Every statement here is about the strikes: three share June 27, two June 28, two are undated.
        var orders = new (NodeOrder Order, string[] Ids, string[] Reports)[]
        {
            (NodeOrder.DateAsc, ["p-e", "kirby", "other", "p-b", "militia", "monitor", "p-a", "p-c", "p-d"], ["monitor", "p-c"]),
            (NodeOrder.DateDesc, ["p-a", "militia", "monitor", "kirby", "other", "p-b", "p-e", "p-c", "p-d"], ["monitor", "p-c"]),
        };
        foreach (var (order, names, reports) in orders)
        {
            var about = StatementsOf(new StatementCriteria { AboutId = "event:strikes" }, order);
            var ids = names.Select(n => $"statement:{n}").ToArray();
            await AssertWalkAsync(store, about, ids.Length, ids);

            // The first page whole (as an event's statements ask it), by keys, cut short, and the pages after a cut.
            var walk = new List<PageItem<Node>>();
            string? after = null;
            foreach (var _ in ids)
            {
                var next = (await store.FindNodesAsync([(about, new PageRequest(1, after))], None))[0];
                walk.AddRange(next.Items);
                after = next.EndCursor;
            }
            var whole = (await store.FindNodesAsync([(about, new PageRequest(500, CountTotal: false))], None))[0];
            Assert.Equal(walk.Select(i => (i.Item.Id, i.Cursor)), whole.Items.Select(i => (i.Item.Id, i.Cursor)));
            Assert.False(whole.HasNextPage);
            var keys = (await store.FindNodesAsync([(about, new PageRequest(500, KeysOnly: true))], None))[0];
            Assert.Equal(ids, keys.Items.Select(i => i.Item.Id));
            Assert.All(keys.Items, i => Assert.IsType<NodeKey>(i.Item));
            foreach (var cut in new[] { 3, 7, 8 })
            {
                var first = (await store.FindNodesAsync([(about, new PageRequest(cut, CountTotal: true))], None))[0];
                Assert.Equal(ids[..cut], first.Items.Select(i => i.Item.Id));
                Assert.Equal((ids.Length, true), (first.TotalCount, first.HasNextPage));
                var rest = (await store.FindNodesAsync([(about, new PageRequest(500, first.EndCursor))], None))[0];
                Assert.Equal(ids[cut..], rest.Items.Select(i => i.Item.Id));
            }
            // A condition on the statement itself, with a dated and an undated match.
            var reporting = StatementsOf(new StatementCriteria { AboutId = "event:strikes", Stances = [Stance.Reports] }, order);
            var found = (await store.FindNodesAsync([(reporting, new PageRequest(500, CountTotal: true))], None))[0];
            Assert.Equal(reports.Select(n => $"statement:{n}"), found.Items.Select(i => i.Item.Id));
            Assert.Equal(2, found.TotalCount);
        }
    }

    private async Task AssertWalkAsync(IGraphStore store, NodeQuery query, int total, string[] ids)
    {
        var walk = await WalkAsync(store, query);
        Assert.Equal(ids, walk.Ids);
        Assert.Equal(new int?[] { total }, walk.Totals.ToArray());
    }
}
