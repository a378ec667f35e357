using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Store.Tests.Conformance;

/// <summary>
/// A query level's node pages read with its expansion (an event's statements beside its place): each page as
/// FindNodesAsync reads it, in the order asked, and the expansion as it reads without pages.
/// </summary>
public abstract partial class GraphStoreConformanceTests
{
    private async Task<List<(NodeQuery Query, PageRequest Page)>> LevelPagesAsync(IGraphStore store)
    {
        var pentagon = StatementsOf(new StatementCriteria { OrganizationId = "org:pentagon" }, NodeOrder.DateDesc);
        var first = (await store.FindNodesAsync([(pentagon, new PageRequest(2))], None))[0];
        return
        [
            (StatementsOf(new StatementCriteria { AboutId = "event:strikes" }), new PageRequest(500, CountTotal: false)),
            (pentagon, new PageRequest(2, first.EndCursor)),
            (StatementsOf(new StatementCriteria { SpeakerId = "person:kirby" }), new PageRequest(2, KeysOnly: true)),
            (new NodeQuery { Kinds = [NodeKind.Event], Order = NodeOrder.Id }, new PageRequest(0)),
            (new NodeQuery { Kinds = [] }, new PageRequest(5)),
        ];
    }

    private static void AssertSamePages(IReadOnlyList<Page<Node>> expected, IReadOnlyList<Page<Node>> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (want, got) in expected.Zip(actual))
        {
            Assert.Equal(want.Items.Select(i => (i.Cursor, i.Item.Id, i.Item.GetType())), got.Items.Select(i => (i.Cursor, i.Item.Id, i.Item.GetType())));
            Assert.Equal((want.TotalCount, want.HasNextPage, want.HasPreviousPage), (got.TotalCount, got.HasNextPage, got.HasPreviousPage));
        }
    }

    [SkippableFact]
    public async Task ALevelsPagesComeWithItsExpansionEachAsFindNodesReadsIt()
    {
        var store = await CreateWorldAsync();
        await store.ImportAsync(new GraphBatch(PentagonStatements, []), null, None);
        var pages = await LevelPagesAsync(store);
        var expected = await store.FindNodesAsync(pages, None);
        Assert.True(expected[0].Items.Count >= PentagonStatements.Count);
        Assert.Equal(2, expected[1].Items.Count);
        Assert.All(expected[2].Items, i => Assert.IsType<NodeKey>(i.Item));

        // An ends-only level (one statement for the expansion), a level with claims (several), and nodes by id alone.
        ExpandRequest[][] levels =
        [
            [new("event:strikes", [RelationType.OccurredIn], Direction.Outgoing, EndsOnly: true), new("event:strikes", [RelationType.CarriedOut], Direction.Incoming, EndsOnly: true)],
            [new("event:strikes", null, Direction.Both), new("event:drones", [RelationType.CarriedOut], Direction.Incoming, EndsOnly: true)],
            [],
        ];
        foreach (var level in levels)
        {
            var alone = await store.ExpandAsync(level, ["person:kirby"], None);
            Assert.Empty(alone.Pages);
            var found = await store.ExpandAsync(level, ["person:kirby"], pages, None);
            Assert.Equal(alone.Relations.Select(r => (r.Id, r.Claims.Count)).Order(), found.Relations.Select(r => (r.Id, r.Claims.Count)).Order());
            Assert.Equal(alone.Nodes.Select(n => n.Id).Order(), found.Nodes.Select(n => n.Id).Order());
            AssertSamePages(expected, found.Pages);
        }

        // Pages alone: nothing expanded, nothing read by id.
        var only = await store.ExpandAsync([], [], pages, None);
        Assert.Empty(only.Relations);
        Assert.Empty(only.Nodes);
        AssertSamePages(expected, only.Pages);
    }

    [SkippableFact]
    public async Task PagesOfOneShapeWithDifferentValuesAndSizesEachGetTheirOwnAnswer()
    {
        var store = await CreateWorldAsync();
        await store.ImportAsync(new GraphBatch(PentagonStatements, []), null, None);
        // Every event's statements (one shape, read together on Neo4j), at two sizes and after a cursor, beside a page
        // filtered by words and one that holds nothing.
        var events = new[] { "event:strikes", "event:drones", "event:rockets", "event:killing" };
        var about = StatementsOf(new StatementCriteria { AboutId = "event:strikes" });
        var firstTwo = (await store.FindNodesAsync([(about, new PageRequest(2))], None))[0];
        List<(NodeQuery Query, PageRequest Page)> pages =
        [
            .. events.Select(e => (StatementsOf(new StatementCriteria { AboutId = e }), new PageRequest(2, CountTotal: false))),
            .. events.Select(e => (StatementsOf(new StatementCriteria { AboutId = e }), new PageRequest(3))),
            (about, new PageRequest(2, firstTwo.EndCursor)),
            (new NodeQuery { Kinds = [NodeKind.Organization], Text = "kataib" }, new PageRequest(5)),
            (StatementsOf(new StatementCriteria { AboutId = "event:none" }), new PageRequest(2)),
        ];
        var expected = await store.FindNodesAsync(pages, None);
        Assert.True(expected[0].HasNextPage);
        Assert.NotEmpty(expected[8].Items);
        Assert.NotEmpty(expected[9].Items);

        var found = await store.ExpandAsync([new ExpandRequest("event:strikes", [RelationType.OccurredIn], Direction.Outgoing, EndsOnly: true)], [], pages, None);

        AssertSamePages(expected, found.Pages);
        Assert.Equal("place:depot", Assert.Single(found.Nodes).Id);
    }

    [SkippableFact]
    public async Task AFirstPageOfStatementsAboutANodeAnswersAsTheSamePageWithItsTotal()
    {
        var store = await CreateWorldAsync();
        await store.ImportAsync(new GraphBatch(PentagonStatements, []), null, None);
        // Pages of one shape asked one after another for different nodes, orders, stances and sizes (a store may keep such
        // a page's statement between requests): each must list what the same page with its total read lists.
        var events = new[] { "event:strikes", "event:drones", "event:strikes", "event:none", "event:rockets", "event:drones" };
        Stance[]?[] stances = [null, [Stance.Denies], [Stance.Asserts, Stance.Reports], null];
        var asked = 0;
        foreach (var order in new[] { NodeOrder.DateAsc, NodeOrder.DateDesc })
        foreach (var stance in stances)
        foreach (var size in new[] { 2, 500 })
        foreach (var about in events)
        {
            var query = StatementsOf(new StatementCriteria { AboutId = about, Stances = stance }, order);
            var counted = (await store.FindNodesAsync([(query, new PageRequest(size, CountTotal: true))], None))[0];
            var page = (await store.FindNodesAsync([(query, new PageRequest(size, CountTotal: false))], None))[0];
            Assert.Equal(counted.Items.Select(i => (i.Cursor, i.Item.Id)), page.Items.Select(i => (i.Cursor, i.Item.Id)));
            Assert.Equal(counted.HasNextPage, page.HasNextPage);
            asked += page.Items.Count;
        }
        Assert.True(asked > 0);
    }

    [SkippableFact]
    public async Task ALevelsPagesSeeAWriteMadeBetweenTwoReads()
    {
        var store = await CreateWorldAsync();
        var about = StatementsOf(new StatementCriteria { AboutId = "event:strikes" });
        var level = new[] { new ExpandRequest("event:strikes", [RelationType.OccurredIn], Direction.Outgoing, EndsOnly: true) };
        var before = await store.ExpandAsync(level, [], [(about, new PageRequest(500, CountTotal: true))], None);
        await store.ImportAsync(new GraphBatch(PentagonStatements, []), null, None);
        var after = await store.ExpandAsync(level, [], [(about, new PageRequest(500, CountTotal: true))], None);
        Assert.Equal(before.Pages[0].TotalCount + PentagonStatements.Count, after.Pages[0].TotalCount);
        Assert.Equal(before.Pages[0].Items.Count + PentagonStatements.Count, after.Pages[0].Items.Count);
    }
}
