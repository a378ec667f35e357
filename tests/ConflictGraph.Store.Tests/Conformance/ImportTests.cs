using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Store.Tests.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    [SkippableFact]
    public async Task ImportingTheSameBatchTwiceChangesNothing()
    {
        var store = await CreateEmptyStoreAsync();
        var first = await store.ImportAsync(TestWorld.Batch, null, None);
        Assert.Equal((TestWorld.Nodes.Count, 0, 0, TestWorld.Relations.Count, 0),
            (first.Created, first.Updated, first.Unchanged, first.RelationsCreated, first.RelationsUpdated));
        Assert.Equal(TestWorld.Nodes.Count, first.NodeChanges.Count(c => c.Change == ChangeKind.Created));
        var version = await store.GetDataVersionAsync(None);

        var second = await store.ImportAsync(TestWorld.Batch, null, None);
        Assert.Equal((0, 0, TestWorld.Nodes.Count, 0, 0),
            (second.Created, second.Updated, second.Unchanged, second.RelationsCreated, second.RelationsUpdated));
        Assert.Empty(second.NodeChanges);
        Assert.Empty(second.RelationChanges);
        Assert.Equal(version, await store.GetDataVersionAsync(None));
    }

    [SkippableFact]
    public async Task AChangedNodeIsUpdatedAndEveryWriteMovesTheDataVersion()
    {
        var store = await CreateWorldAsync();
        var before = await store.GetDataVersionAsync(None);
        var renamed = TestWorld.Kirby with { Description = "Pentagon press secretary" };
        var result = await store.ImportAsync(new GraphBatch([renamed], []), null, None);
        Assert.Equal(1, result.Updated);
        Assert.Equal(new NodeChange("person:kirby", NodeKind.Person, ChangeKind.Updated), Assert.Single(result.NodeChanges));
        Assert.Equal("Pentagon press secretary", ((Person)(await store.GetNodesAsync(["person:kirby"], None))[0]).Description);
        Assert.NotEqual(before, await store.GetDataVersionAsync(None));
    }

    [SkippableFact]
    public async Task AStoredNodeKeepsItsKindAndTheRefusedBatchWritesNothing()
    {
        var store = await CreateWorldAsync();
        var version = await store.GetDataVersionAsync(None);
        var newcomer = new Person("person:new", "Newcomer", [], null, []);
        var turned = new Organization("person:kirby", "Kirby Inc.", [], null, OrganizationKind.Other, null);
        var error = await Assert.ThrowsAsync<NodeKindConflictException>(() => store.ImportAsync(new GraphBatch([newcomer, turned], []), null, None));
        Assert.Equal("person:kirby", error.Id);
        Assert.Contains("stored as PERSON and cannot become ORGANIZATION", error.Message);
        Assert.IsType<Person>(Assert.Single(await store.GetNodesAsync(["person:kirby"], None)));
        Assert.Empty(await store.GetNodesAsync(["person:new"], None));
        Assert.Equal(version, await store.GetDataVersionAsync(None));
    }

    [SkippableFact]
    public async Task ABatchThatRepeatsAnIdIntoAnEmptyStoreKeepsTheLastNodeAndMergesTheClaims()
    {
        // The later copy of a node wins; the claims of every copy of a relation are kept.
        var store = await CreateEmptyStoreAsync();
        Statement Said(string id) => new(id, "said so", Stance.Asserts, null, null, null, null, "someone", [], null, []);
        var first = new Person("person:a", "A", [], "first", []);
        var org = new Organization("org:b", "B", [], null, OrganizationKind.Other, null);
        var again = first with { Description = "second" };
        var result = await store.ImportAsync(new GraphBatch([first, org, Said("statement:one"), Said("statement:two"), again],
        [
            new Relation(RelationType.MemberOf, "person:a", "org:b", ["statement:one"], []),
            new Relation(RelationType.MemberOf, "person:a", "org:b", [], ["statement:two"]),
        ]), null, None);

        Assert.Equal((4, 1, 1, 1), (result.Created, result.Updated, result.RelationsCreated, result.RelationsUpdated));
        Assert.Equal("second", ((Person)(await store.GetNodesAsync(["person:a"], None))[0]).Description);
        var membership = Assert.Single(await store.GetRelationsAsync(["person:a"], null, Direction.Outgoing, None));
        Assert.Equal(["statement:one"], membership.ClaimedBy);
        Assert.Equal(["statement:two"], membership.DisputedBy);
        Assert.Equal(ClaimStatus.Disputed, membership.Status);
    }

    [SkippableFact]
    public async Task ClaimsFromLaterImportsAreMerged()
    {
        var store = await CreateWorldAsync();
        var denial = new Statement("statement:denial", "No retaliation took place.", Stance.Denies, null, null, null, "org:kh", "a spokesman", [], null, []);
        var result = await store.ImportAsync(new GraphBatch([denial],
            [TestWorld.Relation(RelationType.CarriedOut, "org:pentagon", "event:strikes", disputedBy: ["statement:denial"])]), null, None);
        Assert.Equal(1, result.RelationsUpdated);
        Assert.Equal(ChangeKind.Updated, Assert.Single(result.RelationChanges).Change);
        var relation = Assert.Single(await store.GetRelationsAsync(["org:pentagon"], [RelationType.CarriedOut], Direction.Outgoing, None));
        Assert.Equal(["statement:kirby"], relation.ClaimedBy);
        Assert.Equal(["statement:denial"], relation.DisputedBy);
        Assert.Equal(ClaimStatus.Disputed, relation.Status);
    }

    [SkippableFact]
    public async Task ABatchPointingAtAMissingNodeWritesNothing()
    {
        var store = await CreateWorldAsync();
        var version = await store.GetDataVersionAsync(None);
        var newcomer = new Person("person:new", "Newcomer", [], null, []);
        var bad = new GraphBatch([newcomer, TestWorld.Kirby with { Description = "changed" }],
            [TestWorld.Relation(RelationType.MemberOf, "person:new", "org:missing")]);
        var error = await Assert.ThrowsAsync<MissingReferenceException>(() => store.ImportAsync(bad, null, None));
        Assert.Contains("org:missing", error.Message);
        Assert.Empty(await store.GetNodesAsync(["person:new"], None));
        Assert.Equal("Spokesman", ((Person)(await store.GetNodesAsync(["person:kirby"], None))[0]).Description);
        Assert.Equal(version, await store.GetDataVersionAsync(None));
    }

    [SkippableFact]
    public async Task ANodeFieldPointingAtAMissingNodeWritesNothing()
    {
        var store = await CreateEmptyStoreAsync();
        var orphan = TestWorld.KirbyStatement;
        await Assert.ThrowsAsync<MissingReferenceException>(() => store.ImportAsync(new GraphBatch([orphan], []), null, None));
        Assert.Equal(0, (await store.GetStatsAsync(None)).Nodes);
    }

    [SkippableFact]
    public async Task ACancelledImportWritesNothing()
    {
        var store = await CreateEmptyStoreAsync();
        using var cancel = new CancellationTokenSource();
        var many = Enumerable.Range(0, 5000).Select(i => (Node)new Person($"person:{i}", $"P {i}", [], null, [])).ToList();
        // Cancelled from inside the write, once the store reports that it has written some nodes.
        var progress = new CancelOnProgress(cancel);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ImportAsync(new GraphBatch(many, []), new WriteContext("test", progress), cancel.Token));
        Assert.True(progress.Reported, "the store never reported progress, so the cancellation did not happen mid-write");
        Assert.Equal(0, (await store.GetStatsAsync(None)).Nodes);
    }

    [SkippableFact]
    public async Task DeletingANodeRemovesItsRelationsAndEveryReferenceToIt()
    {
        var store = await CreateWorldAsync();
        Assert.True(await store.DeleteNodeAsync("org:pentagon", null, None));
        Assert.Empty(await store.GetNodesAsync(["org:pentagon"], None));
        Assert.Empty(await store.GetRelationsAsync(["org:pentagon"], null, Direction.Both, None));
        var statement = (Statement)(await store.GetNodesAsync(["statement:kirby"], None))[0];
        Assert.Null(statement.OnBehalfOfId);
        var kirby = (Person)(await store.GetNodesAsync(["person:kirby"], None))[0];
        Assert.Null(kirby.Roles[0].OrganizationId);
        Assert.False(await store.DeleteNodeAsync("org:pentagon", null, None));
    }

    [SkippableFact]
    public async Task DeletingAStatementWithdrawsItsClaims()
    {
        var store = await CreateWorldAsync();
        Assert.True(await store.DeleteNodeAsync("statement:militia", null, None));
        var retaliation = Assert.Single(await store.GetRelationsAsync(["event:strikes"], [RelationType.RetaliationFor], Direction.Outgoing, None));
        Assert.Empty(retaliation.DisputedBy);
        Assert.Equal(ClaimStatus.Uncontested, retaliation.Status);
        var uncontested = await store.FindRelationsAsync(new() { Statuses = [ClaimStatus.Disputed] }, new(10), None);
        Assert.Equal(0, uncontested.TotalCount);
        Assert.Single(await store.GetCasualtyReportsAsync(["event:strikes"], None));
    }

    private sealed class CancelOnProgress(CancellationTokenSource cancel) : IProgress<int>
    {
        public bool Reported { get; private set; }

        public void Report(int value)
        {
            Reported = true;
            cancel.Cancel();
        }
    }
}
