using ConflictGraph.Core.Model;

namespace ConflictGraph.Store.Tests.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    [SkippableFact]
    public async Task RelationsAreReadByDirectionAndType()
    {
        var store = await CreateWorldAsync();
        var outgoing = await store.GetRelationsAsync(["event:strikes"], null, Direction.Outgoing, None);
        Assert.Equal(["event:strikes-[OCCURRED_IN]->place:depot", "event:strikes-[RETALIATION_FOR]->event:drones", "event:strikes-[TARGETED]->org:kh"],
            outgoing.Select(r => r.Id).Order());
        var incoming = await store.GetRelationsAsync(["event:strikes"], null, Direction.Incoming, None);
        Assert.Equal("org:pentagon", Assert.Single(incoming).FromId);
        var both = await store.GetRelationsAsync(["event:strikes", "event:drones"], [RelationType.CarriedOut], Direction.Both, None);
        Assert.Equal(["org:kh", "org:pentagon"], both.Select(r => r.FromId).Order());
    }

    [SkippableFact]
    public async Task RelationsCarryTheirClaimsAndStatus()
    {
        var store = await CreateWorldAsync();
        var relations = await store.GetRelationsAsync(["event:strikes"], [RelationType.RetaliationFor], Direction.Outgoing, None);
        var retaliation = Assert.Single(relations);
        Assert.Equal(["statement:kirby"], retaliation.ClaimedBy);
        Assert.Equal(["statement:militia"], retaliation.DisputedBy);
        Assert.Equal(ClaimStatus.Disputed, retaliation.Status);
    }

    [SkippableFact]
    public async Task StatementsListTheRelationsTheyClaimOrDispute()
    {
        var store = await CreateWorldAsync();
        var cited = await store.GetCitationsAsync(["statement:militia"], None);
        Assert.Equal(["event:strikes-[RETALIATION_FOR]->event:drones", "org:kh-[USED]->place:depot"], cited.Relations.Select(r => r.Id).Order());
    }

    [SkippableFact]
    public async Task CasualtyReportsComeWithTheirStatements()
    {
        var store = await CreateWorldAsync();
        var reports = await store.GetCasualtyReportsAsync(["event:strikes", "event:drones"], None);
        Assert.Equal(["statement:militia", "statement:monitor"], reports.Select(r => r.StatementId).Order());
        Assert.True(new Core.Rules.CasualtySummary(reports).Conflicting);
    }

    [SkippableFact]
    public async Task RelationsAreFoundByStatusAndClaimant()
    {
        var store = await CreateWorldAsync();
        var disputed = await store.FindRelationsAsync(
            new() { Statuses = [ClaimStatus.Disputed, ClaimStatus.Denied] }, new(10), None);
        Assert.Equal(2, disputed.TotalCount);
        var byKirby = await store.FindRelationsAsync(new() { ClaimedByActorId = "person:kirby" }, new(10), None);
        Assert.Equal(3, byKirby.TotalCount);
        var byPentagon = await store.FindRelationsAsync(new() { ClaimedByActorId = "org:pentagon", Types = [RelationType.RetaliationFor] }, new(10), None);
        Assert.Equal("event:drones", Assert.Single(byPentagon.Items).Item.ToId);
    }

    [SkippableFact]
    public async Task RetaliationsAreFoundByWhoStruckAndWhoWasStruck()
    {
        var store = await CreateWorldAsync();
        var query = new Core.Store.RelationQuery
        {
            Types = [RelationType.RetaliationFor], FromPerpetratorId = "org:pentagon", ToPerpetratorId = "org:kh",
            FromDate = new DateOnly(2021, 6, 1), ToDate = new DateOnly(2021, 6, 30),
        };
        Assert.Single((await store.FindRelationsAsync(query, new(10), None)).Items);
        Assert.Empty((await store.FindRelationsAsync(query with { FromDate = new DateOnly(2021, 7, 1) }, new(10), None)).Items);
        Assert.Empty((await store.FindRelationsAsync(query with { ToPerpetratorId = "org:pentagon" }, new(10), None)).Items);
    }
}

public abstract partial class GraphStoreConformanceTests
{
    [SkippableFact]
    public async Task OneExpansionReturnsTheAskedRelationsAndTheNodesAtTheirFarEnds()
    {
        var store = await CreateWorldAsync();
        var found = await store.ExpandAsync(
        [
            new Core.Store.ExpandRequest("event:strikes", [RelationType.OccurredIn], Direction.Outgoing),
            new Core.Store.ExpandRequest("event:strikes", [RelationType.CarriedOut], Direction.Incoming),
            new Core.Store.ExpandRequest("event:drones", null, Direction.Both),
        ], ["source:report"], None);
        Assert.Equal(
            ["event:drones-[OCCURRED_IN]->place:erbil", "event:strikes-[OCCURRED_IN]->place:depot", "event:strikes-[RETALIATION_FOR]->event:drones",
             "org:kh-[CARRIED_OUT]->event:drones", "org:pentagon-[CARRIED_OUT]->event:strikes"],
            found.Relations.Select(r => r.Id).Order());
        // event:strikes is the far end of drones' RETALIATION_FOR; event:drones is no relation's far end here, so it is not read again.
        Assert.Equal(["event:strikes", "org:kh", "org:pentagon", "place:depot", "place:erbil", "source:report"],
            found.Nodes.Select(n => n.Id).Order());
        var nothing = await store.ExpandAsync([], [], None);
        Assert.Empty(nothing.Relations);
    }

    [SkippableFact]
    public async Task AnExpandedNodeIsNotReadAgainUnlessItIsAskedForByIdOrAFarEnd()
    {
        var store = await CreateWorldAsync();
        Core.Store.ExpandRequest[] level = [new("event:strikes", [RelationType.OccurredIn], Direction.Outgoing, EndsOnly: true),
                                 new("event:strikes", [RelationType.CarriedOut], Direction.Incoming, EndsOnly: true)];
        var ends = await store.ExpandAsync(level, [], None);
        Assert.Equal(["event:strikes-[OCCURRED_IN]->place:depot", "org:pentagon-[CARRIED_OUT]->event:strikes"], ends.Relations.Select(r => r.Id).Order());
        Assert.Equal(["org:pentagon", "place:depot"], ends.Nodes.Select(n => n.Id).Order());
        var asked = await store.ExpandAsync(level, ["event:strikes"], None);
        Assert.Equal(["event:strikes", "org:pentagon", "place:depot"], asked.Nodes.Select(n => n.Id).Order());
        // Both ways between two expanded events: each is the other's far end.
        var between = await store.ExpandAsync([new Core.Store.ExpandRequest("event:strikes", [RelationType.RetaliationFor], Direction.Outgoing),
                                               new Core.Store.ExpandRequest("event:drones", [RelationType.RetaliationFor], Direction.Incoming)], [], None);
        Assert.Equal(["event:drones", "event:strikes"], between.Nodes.Select(n => n.Id).Order());
        var around = await store.ExpandAsync([new Core.Store.ExpandRequest("event:drones", null, Direction.Both)], [], None);
        Assert.DoesNotContain("event:drones", around.Nodes.Select(n => n.Id));
        Assert.Contains("event:strikes", around.Nodes.Select(n => n.Id));
    }
}
