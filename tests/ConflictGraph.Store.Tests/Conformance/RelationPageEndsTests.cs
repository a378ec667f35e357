using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Rules;

namespace ConflictGraph.Store.Tests.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    /// <summary>
    /// Ids may hold the text a relation's id puts between its ends ("-[TYPE]->"), so an id such as
    /// <c>event:a-[RETALIATION_FOR]->event:b-[RETALIATION_FOR]->event:b</c> holds the arrow twice: a page of relations
    /// gives each relation its own ends, by type, status or all relations alike.
    /// </summary>
    [SkippableFact]
    public async Task RelationPagesGiveEachRelationItsEndsWhenIdsHoldTheArrow()
    {
        var store = await CreateWorldAsync();
        const string arrow = "-[RETALIATION_FOR]->";
        string a = "event:a", ab = $"event:a{arrow}event:b", b = "event:b", bc = $"event:b{arrow}event:c";
        await store.ImportAsync(new GraphBatch(
            [.. new[] { a, ab, b, bc, "event:c" }.Select(id => new Event(id, id, EventKind.Airstrike, null, TestWorld.June27))],
            [TestWorld.Relation(RelationType.RetaliationFor, a, bc),
             TestWorld.Relation(RelationType.RetaliationFor, ab, b, ["statement:kirby"])]), null, None);
        var expected = new[] { (a, bc), (ab, b), ("event:strikes", "event:drones") };

        foreach (var query in new Core.Store.RelationQuery[]
                 {
                     new() { Types = [RelationType.RetaliationFor] },
                     new() { Types = [RelationType.RetaliationFor, RelationType.ResponseTo] },
                     new() { Types = [RelationType.RetaliationFor], Statuses = [ClaimStatus.Unsourced, ClaimStatus.Uncontested, ClaimStatus.Disputed] },
                 })
        {
            var page = await store.FindRelationsAsync(query, new PageRequest(10), None);
            var found = page.Items.Select(i => i.Item).Where(r => r.Type == RelationType.RetaliationFor).ToList();
            Assert.Equal(expected.OrderBy(e => RelationKeyOf(e), StringComparer.Ordinal), found.Select(r => (r.FromId, r.ToId)));
            Assert.All(found, r => Assert.Equal(RelationKeyOf((r.FromId, r.ToId)), r.Id));
            Assert.Equal(["statement:kirby"], found.Single(r => r.FromId == ab && r.ToId == b).ClaimedBy);
        }
        var all = await store.FindRelationsAsync(new(), new PageRequest(100), None);
        Assert.Contains(all.Items, i => i.Item is { FromId: "event:a", ToId: var to } && to == bc);
        Assert.Contains(all.Items, i => i.Item.FromId == ab && i.Item.ToId == b);
    }

    private static string RelationKeyOf((string From, string To) ends) => RelationKey.Format(RelationType.RetaliationFor, ends.From, ends.To);
}
