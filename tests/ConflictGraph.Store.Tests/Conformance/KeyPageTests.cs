using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Store.Tests.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    /// <summary>A query of each shape a page of nodes takes: ranges of references, a kept or a counted total, a dated window, a listing, ids.</summary>
    private static IReadOnlyList<NodeQuery> PageShapes =>
    [
        StatementsOf(new StatementCriteria { OrganizationId = "org:pentagon" }),
        StatementsOf(new StatementCriteria { SpeakerId = "person:kirby" }, NodeOrder.DateDesc),
        StatementsOf(new StatementCriteria { OrganizationId = "org:pentagon", Stances = [Stance.Asserts] }),
        StatementsOf(new StatementCriteria { AboutId = "event:strikes" }, NodeOrder.Id),
        new() { Kinds = [NodeKind.Event], Events = new EventCriteria { PlaceId = "place:syria", From = new DateOnly(2021, 4, 1), To = new DateOnly(2021, 6, 30) }, Order = NodeOrder.DateAsc },
        new() { Kinds = [NodeKind.Event], Order = NodeOrder.DateDesc },
        new() { Kinds = [NodeKind.Person, NodeKind.Organization] },
        new() { Kinds = Enum.GetValues<NodeKind>(), Ids = ["person:kirby", "event:strikes", "statement:p-a", "place:syria", "org:nobody"] },
    ];

    [SkippableFact]
    public async Task APageOfKeysHoldsTheSameNodesInTheSameOrderWithTheSameCursorsAndTotals()
    {
        var store = await CreateWorldAsync();
        await store.ImportAsync(new GraphBatch(PentagonStatements, []), null, None);

        foreach (var query in PageShapes)
        {
            var (whole, keys) = (await WalkPagesAsync(store, query, keysOnly: false), await WalkPagesAsync(store, query, keysOnly: true));
            Assert.True(whole.Count > 1 || whole[0].Items.Count > 0, $"{query} finds nothing");
            Assert.Equal(whole.Count, keys.Count);
            foreach (var (page, keyPage) in whole.Zip(keys))
            {
                Assert.Equal(page.Items.Select(i => (i.Item.Id, i.Item.Kind, i.Cursor)), keyPage.Items.Select(i => (i.Item.Id, i.Item.Kind, i.Cursor)));
                Assert.All(keyPage.Items, i => Assert.IsType<NodeKey>(i.Item));
                Assert.Equal((page.TotalCount, page.HasNextPage, page.HasPreviousPage), (keyPage.TotalCount, keyPage.HasNextPage, keyPage.HasPreviousPage));
            }
        }
    }

    [SkippableFact]
    public async Task AKeyTellsNothingButItsIdAndKind()
    {
        var store = await CreateWorldAsync();
        var page = (await store.FindNodesAsync([(new NodeQuery { Kinds = [NodeKind.Place], Ids = ["place:syria"] }, new PageRequest(5, KeysOnly: true))], None))[0];

        var key = Assert.IsType<NodeKey>(Assert.Single(page.Items).Item);
        Assert.Equal(("place:syria", NodeKind.Place), (key.Id, key.Kind));
        Assert.Contains("place:syria", Assert.Throws<InvalidOperationException>(() => key.Label).Message);
    }

    /// <summary>Every page of two, walked to the end, each with its total.</summary>
    private async Task<List<Page<Node>>> WalkPagesAsync(IGraphStore store, NodeQuery query, bool keysOnly)
    {
        var pages = new List<Page<Node>>();
        string? after = null;
        do
        {
            var page = (await store.FindNodesAsync([(query, new PageRequest(2, after, KeysOnly: keysOnly))], None))[0];
            pages.Add(page);
            after = page.HasNextPage ? page.EndCursor : null;
        }
        while (after is not null && pages.Count < 20);
        return pages;
    }
}
