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

    private async Task AssertWalkAsync(IGraphStore store, NodeQuery query, int total, string[] ids)
    {
        var walk = await WalkAsync(store, query);
        Assert.Equal(ids, walk.Ids);
        Assert.Equal(new int?[] { total }, walk.Totals.ToArray());
    }
}
