using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Store.Tests.Conformance;

/// <summary>
/// A level's relations are read up to its <see cref="RowCap"/>: a level that finds exactly the cap answers whole, the
/// same as without one; one relation more and the store stops with <see cref="RowCapExceededException"/>. A relation
/// found at two of the level's nodes counts once at each.
/// </summary>
public abstract partial class GraphStoreConformanceTests
{
    /// <summary>Levels of each shape a store reads: ends only (one statement on SQLite), with claims, both, two groups, with nodes by id and pages.</summary>
    public static TheoryData<string> CappedLevels => new() { "ends only", "with claims", "mixed", "two ends of one relation", "with pages" };

    private static ExpandRequest[] CappedLevel(string shape) => shape switch
    {
        "ends only" => [new("event:strikes", null, Direction.Both, EndsOnly: true), new("event:drones", [RelationType.CarriedOut], Direction.Incoming, EndsOnly: true)],
        "with claims" => [new("event:strikes", null, Direction.Both), new("org:kh", null, Direction.Both)],
        "mixed" => [new("event:strikes", null, Direction.Both), new("event:drones", [RelationType.CarriedOut], Direction.Incoming, EndsOnly: true)],
        "two ends of one relation" => [new("event:strikes", [RelationType.RetaliationFor], Direction.Both), new("event:drones", [RelationType.RetaliationFor], Direction.Both)],
        _ => [new("event:strikes", null, Direction.Both, EndsOnly: true)],
    };

    /// <summary>How many relations the level finds: each request's, one found at two of its nodes once at each.</summary>
    private static int Found(IReadOnlyList<ExpandRequest> level, Neighborhood whole) =>
        level.GroupBy(r => (r.Types is null ? "*" : string.Join(',', r.Types), r.Direction, r.EndsOnly))
            .Sum(g => whole.Relations.Sum(relation => g.Count(r => r.Matches(relation))));

    [SkippableTheory]
    [MemberData(nameof(CappedLevels))]
    public async Task ALevelReadsItsRelationsUpToItsCapAndStopsPastIt(string shape)
    {
        var store = await CreateWorldAsync();
        var level = CappedLevel(shape);
        List<(NodeQuery, PageRequest)> pages = shape == "with pages"
            ? [(StatementsOf(new StatementCriteria { AboutId = "event:strikes" }), new PageRequest(5))]
            : [];
        var whole = await store.ExpandAsync(level, ["person:kirby"], pages, RowCap.None, None);
        var found = Found(level, whole);
        Assert.True(found >= 2, $"the level finds {found} relations");
        if (shape == "two ends of one relation") Assert.Equal(2 * whole.Relations.Count, found);

        var atCap = await store.ExpandAsync(level, ["person:kirby"], pages, new RowCap(found), None);
        Assert.Equal(whole.Relations.Select(r => (r.Id, r.Claims.Count)), atCap.Relations.Select(r => (r.Id, r.Claims.Count)));
        Assert.Equal(whole.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal), atCap.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal));
        Assert.Equal(whole.Pages.Select(p => p.Items.Count), atCap.Pages.Select(p => p.Items.Count));

        var stopped = await Assert.ThrowsAsync<RowCapExceededException>(() => store.ExpandAsync(level, ["person:kirby"], pages, new RowCap(found - 1), None));
        Assert.Equal(found - 1, stopped.Cap.Rows);
        await Assert.ThrowsAsync<RowCapExceededException>(() => store.ExpandAsync(level, [], pages, new RowCap(0), None));
    }

    [SkippableFact]
    public async Task ALevelsListedPagesAreReadTogetherUpToItsCap()
    {
        var store = await CreateWorldAsync();
        // The statements about the strikes, asked for by two fields of the level.
        var strikes = StatementsOf(new StatementCriteria { AboutId = "event:strikes" });
        var listed = new PageRequest(500, CountTotal: false, Listed: true);
        List<(NodeQuery, PageRequest)> pages = [(strikes, listed), (strikes, listed)];
        var whole = await store.ExpandAsync([], [], pages, RowCap.None, None);
        var items = whole.Pages.Sum(p => p.Items.Count);
        Assert.True(whole.Pages.All(p => p.Items.Count >= 1) && items >= 3, $"the pages hold {items} statements");

        var atCap = await store.ExpandAsync([], [], pages, new RowCap(items), None);
        Assert.Equal(whole.Pages.Select(p => p.Items.Select(i => i.Item.Id)), atCap.Pages.Select(p => p.Items.Select(i => i.Item.Id)));

        // One fewer than the two hold together, though each fits on its own.
        var stopped = await Assert.ThrowsAsync<RowCapExceededException>(() => store.ExpandAsync([], [], pages, new RowCap(items - 1), None));
        Assert.Equal(items - 1, stopped.Cap.Rows);
        // A page that is not listed (a connection's, priced by its `first`) is read as asked.
        var unlisted = await store.ExpandAsync([], [], [(strikes, listed with { Listed = false })], new RowCap(0), None);
        Assert.Equal(whole.Pages[0].Items.Count, unlisted.Pages[0].Items.Count);
    }

    [SkippableFact]
    public async Task AnEscalationIsReadUpToItsCapAndStopsPastIt()
    {
        var store = await CreateWorldAsync();
        string[] events = ["event:strikes", "event:drones"];
        var whole = await store.GetEscalationAsync(events, ChainDirection.Both, 5, None);
        var links = whole.Values.Sum(chain => chain.Count);
        Assert.True(links >= 2, $"the chains hold {links} links");

        var atCap = await store.GetEscalationAsync(events, ChainDirection.Both, 5, new RowCap(links), None);
        Assert.Equal(whole.OrderBy(c => c.Key).Select(c => (c.Key, c.Value.Select(r => r.Id))), atCap.OrderBy(c => c.Key).Select(c => (c.Key, c.Value.Select(r => r.Id))));
        var stopped = await Assert.ThrowsAsync<RowCapExceededException>(() => store.GetEscalationAsync(events, ChainDirection.Both, 5, new RowCap(links - 1), None));
        Assert.Equal(links - 1, stopped.Cap.Rows);
    }

    [SkippableFact]
    public async Task CasualtyReportsAreReadUpToTheirCapByTheStatementsCarryingThem()
    {
        var store = await CreateWorldAsync();
        string[] events = ["event:strikes", "event:drones"];
        var whole = await store.GetCasualtyReportsAsync(events, None);
        var statements = whole.Select(r => r.StatementId).Distinct().Count();
        Assert.True(statements >= 2, $"{statements} statements carry the reports");

        var atCap = await store.GetCasualtyReportsAsync(events, new RowCap(statements), None);
        Assert.Equal(whole.Select(r => (r.StatementId, r.Report.EventId)), atCap.Select(r => (r.StatementId, r.Report.EventId)));
        Assert.Equal(whole.Select(r => r.StatementId).Order(StringComparer.Ordinal), whole.Select(r => r.StatementId));
        var stopped = await Assert.ThrowsAsync<RowCapExceededException>(() => store.GetCasualtyReportsAsync(events, new RowCap(statements - 1), None));
        Assert.Equal(statements - 1, stopped.Cap.Rows);
    }

    [SkippableFact]
    public async Task ACapBoundsRelationsOnlyNotNodesAskedForById()
    {
        var store = await CreateWorldAsync();
        var nodes = await store.ExpandAsync([], ["person:kirby", "org:kh", "event:strikes"], [], new RowCap(0), None);
        Assert.Equal(3, nodes.Nodes.Count);
        var none = await store.ExpandAsync([new ExpandRequest("event:none", null, Direction.Both)], ["org:kh"], [], new RowCap(0), None);
        Assert.Empty(none.Relations);
        Assert.Single(none.Nodes);
    }
}
