using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
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
