using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Store.Tests.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    private static readonly NodeQuery KhStatements = StatementsOf(new StatementCriteria { OrganizationId = "org:kh" });
    private static readonly NodeQuery PentagonsStatements = StatementsOf(new StatementCriteria { OrganizationId = "org:pentagon" });

    private static Person Aide(params Role[] roles) => new("person:aide", "An Aide", [], null, roles);

    [SkippableFact]
    public async Task AnOrganizationsStatementTotalFollowsItsPeopleJoiningLeavingAndBeingDeleted()
    {
        var store = await CreateWorldAsync();
        await store.ImportAsync(new GraphBatch(PentagonStatements, []), null, None);
        var khBefore = await WalkAsync(store, KhStatements);
        Assert.DoesNotContain("statement:p-d", khBefore.Ids);

        // Kirby joins Kata'ib Hezbollah: his statements count for it once, beside those it had.
        await store.ImportAsync(new GraphBatch([], [TestWorld.Relation(RelationType.MemberOf, "person:kirby", "org:kh")]), null, None);
        var kirbys = new[] { "statement:kirby", "statement:p-a", "statement:p-d" };
        await AssertTotalIsTheWalkAsync(store, KhStatements, khBefore.Ids.Union(kirbys));

        // An aide belongs by a role alone, then by a role and a relation (counted once), then by the relation alone.
        await store.ImportAsync(new GraphBatch([Aide(new Role("Spokesman", "org:kh")), Said("statement:aide", Stance.Asserts, null, "person:aide", null)], []), null, None);
        var withAide = khBefore.Ids.Union(kirbys).Append("statement:aide").ToList();
        await AssertTotalIsTheWalkAsync(store, KhStatements, withAide);
        await store.ImportAsync(new GraphBatch([], [TestWorld.Relation(RelationType.MemberOf, "person:aide", "org:kh")]), null, None);
        await AssertTotalIsTheWalkAsync(store, KhStatements, withAide);
        await store.ImportAsync(new GraphBatch([Aide()], []), null, None);
        await AssertTotalIsTheWalkAsync(store, KhStatements, withAide);

        // Deleting Kirby takes him out of every statement he spoke: what he said for the Pentagon stays its own.
        Assert.True(await store.DeleteNodeAsync("person:kirby", null, None));
        await AssertTotalIsTheWalkAsync(store, KhStatements, khBefore.Ids.Append("statement:aide"));
        await AssertTotalIsTheWalkAsync(store, PentagonsStatements, ["statement:kirby", "statement:p-b", "statement:p-c", "statement:p-e"]);
        Assert.True(await store.DeleteNodeAsync("person:aide", null, None));
        await AssertTotalIsTheWalkAsync(store, KhStatements, khBefore.Ids);
    }

    [SkippableFact]
    public async Task AnOrganizationsStatementsHoldThoseItSpokeItselfAndFollowItsSpeakerChanging()
    {
        var store = await CreateWorldAsync();
        await store.ImportAsync(new GraphBatch(PentagonStatements, []), null, None);
        var before = await WalkAsync(store, PentagonsStatements);
        var own = Said("statement:pentagon-own", Stance.Asserts, null, "org:pentagon", null);
        await store.ImportAsync(new GraphBatch([own], []), null, None);
        await AssertTotalIsTheWalkAsync(store, PentagonsStatements, before.Ids.Append(own.Id));
        // Spoken by it and for it: once.
        await store.ImportAsync(new GraphBatch([own with { OnBehalfOfId = "org:pentagon" }], []), null, None);
        await AssertTotalIsTheWalkAsync(store, PentagonsStatements, before.Ids.Append(own.Id));
        // Spoken by it for another organization: both have it.
        await store.ImportAsync(new GraphBatch([own with { OnBehalfOfId = "org:kh" }], []), null, None);
        await AssertTotalIsTheWalkAsync(store, PentagonsStatements, before.Ids.Append(own.Id));
        Assert.Contains(own.Id, (await WalkAsync(store, KhStatements)).Ids);
        // Its speaker changed to a person of no organization: no longer the Pentagon's.
        await store.ImportAsync(new GraphBatch([own with { SpeakerId = "person:nobody-ooo" }, new Person("person:nobody-ooo", "Nobody", [], null, [])], []), null, None);
        await AssertTotalIsTheWalkAsync(store, PentagonsStatements, before.Ids);
        await store.ImportAsync(new GraphBatch([own], []), null, None);
        await AssertTotalIsTheWalkAsync(store, PentagonsStatements, before.Ids.Append(own.Id));
        Assert.True(await store.DeleteNodeAsync(own.Id, null, None));
        await AssertTotalIsTheWalkAsync(store, PentagonsStatements, before.Ids);
    }

    /// <summary>Every page reports as total the number of statements the walk finds, and the walk finds these.</summary>
    private async Task AssertTotalIsTheWalkAsync(IGraphStore store, NodeQuery query, IEnumerable<string> ids)
    {
        var walk = await WalkAsync(store, query);
        Assert.Equal(ids.Order(StringComparer.Ordinal), walk.Ids.Order(StringComparer.Ordinal));
        Assert.Equal(new int?[] { walk.Ids.Count }, walk.Totals.ToArray());
        var first = (await store.FindNodesAsync([(query, new PageRequest(0, null, CountTotal: true))], None))[0];
        Assert.Equal(walk.Ids.Count, first.TotalCount);
    }
}
