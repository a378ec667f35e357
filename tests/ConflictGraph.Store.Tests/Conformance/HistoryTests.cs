using ConflictGraph.Core.History;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Store.Tests.Conformance;

/// <summary>The change log: what each kind of write appends, and what it does not.</summary>
public abstract partial class GraphStoreConformanceTests
{
    private static readonly WriteContext Alice = new("alice");
    private static readonly WriteContext Bob = new("bob");

    protected static async Task<List<HistoryEntry>> LogAsync(IGraphStore store, string? targetId = null)
    {
        var entries = new List<HistoryEntry>();
        string? after = null;
        while (true)
        {
            var page = await store.FindHistoryAsync(new HistoryQuery(targetId), new PageRequest(100, after), None);
            entries.AddRange(page.Items.Select(i => i.Item));
            if (!page.HasNextPage) return entries;
            after = page.EndCursor;
        }
    }

    [SkippableFact]
    public async Task AnImportLogsEachNodeAndRelationItCreatedUnderOneBatchNamingItsWriter()
    {
        var store = await CreateEmptyStoreAsync();
        var result = await store.ImportAsync(TestWorld.Batch, Alice, None);
        var log = await LogAsync(store);

        Assert.NotNull(result.BatchId);
        Assert.Equal(TestWorld.Nodes.Count + TestWorld.Relations.Count, log.Count);
        Assert.All(log, e => Assert.Equal((result.BatchId, "alice", (string?)null), (e.Batch.Id, e.Batch.Writer, e.Before)));
        Assert.Equal(TestWorld.Nodes.Select(n => n.Id).Order(), log.Where(e => e.Kind == HistoryKind.NodeCreated).Select(e => e.TargetId).Order());
        Assert.Equal(TestWorld.Relations.Select(r => r.Id).Order(), log.Where(e => e.Kind == HistoryKind.RelationCreated).Select(e => e.TargetId).Order());
        foreach (var node in TestWorld.Nodes)
        {
            var entry = log.Single(e => e.TargetId == node.Id);
            Assert.Equal(node.Kind, entry.NodeKind);
            Assert.Equivalent(node, HistoryJson.ParseNode(entry.After!), strict: true);
        }
        var retaliation = log.Single(e => e.TargetId == "event:strikes-[RETALIATION_FOR]->event:drones");
        Assert.Equal(TestWorld.Relations.Single(r => r.Id == retaliation.TargetId), HistoryJson.ParseRelation(retaliation.After!), RelationComparer);
        Assert.Equal(log[^1].Sequence, await store.GetDataVersionAsync(None));
    }

    [SkippableFact]
    public async Task AnUnchangedReimportAndAFailedWriteAddNothing()
    {
        var store = await CreateWorldAsync();
        var before = await LogAsync(store);
        var again = await store.ImportAsync(TestWorld.Batch, Alice, None);
        Assert.Null(again.BatchId);

        var dangling = new GraphBatch([new Person("person:new", "New", [], null, [])],
            [TestWorld.Relation(RelationType.MemberOf, "person:new", "org:nowhere")]);
        await Assert.ThrowsAsync<MissingReferenceException>(() => store.ImportAsync(dangling, Alice, None));
        await Assert.ThrowsAsync<NodeKindConflictException>(() =>
            store.ImportAsync(new GraphBatch([new Organization("person:kirby", "Kirby Inc", [], null, OrganizationKind.Other, null)], []), Alice, None));
        Assert.False(await store.DeleteNodeAsync("person:nobody", Alice, None));

        Assert.Equal(before.Select(e => e.Sequence), (await LogAsync(store)).Select(e => e.Sequence));
        Assert.Equal(before[^1].Sequence, await store.GetDataVersionAsync(None));
    }

    [SkippableFact]
    public async Task AnUpdatedNodeKeepsWhatItWasAsBeforeAndItsCreationEndsWhereTheUpdateBegins()
    {
        var store = await CreateWorldAsync();
        var changed = TestWorld.Kirby with { Description = "Pentagon press secretary" };
        var result = await store.ImportAsync(new GraphBatch([changed], []), Bob, None);

        var log = await LogAsync(store, "person:kirby");
        Assert.Equal([HistoryKind.NodeCreated, HistoryKind.NodeUpdated], log.Select(e => e.Kind));
        var (created, updated) = (log[0], log[1]);
        Assert.Equal((result.BatchId, "bob"), (updated.Batch.Id, updated.Batch.Writer));
        Assert.Equivalent(TestWorld.Kirby, HistoryJson.ParseNode(updated.Before!), strict: true);
        Assert.Equivalent(changed, HistoryJson.ParseNode(updated.After!), strict: true);
        Assert.Equal(updated.Before, created.After);
        Assert.True(created.Sequence < updated.Sequence);
    }

    [SkippableFact]
    public async Task EachClaimAddedOrChangedIsLoggedOnItsRelationWithTheStatementAndTheRelationBeforeAndAfter()
    {
        var store = await CreateWorldAsync();
        await store.ImportAsync(new GraphBatch([], [new Relation(RelationType.RetaliationFor, "event:strikes", "event:drones",
            [new Claim("statement:monitor"), new Claim("statement:kirby", ClaimPosition.Claims, "in response")])]), Bob, None);

        var id = "event:strikes-[RETALIATION_FOR]->event:drones";
        var log = await LogAsync(store, id);
        Assert.Equal([(HistoryKind.RelationCreated, (string?)null), (HistoryKind.ClaimChanged, "statement:kirby"), (HistoryKind.ClaimAdded, "statement:monitor")],
            log.Select(e => (e.Kind, e.StatementId)));
        Assert.All(log, e => Assert.Equal(HistoryTarget.Relation, e.Target));
        var changed = HistoryJson.ParseRelation(log[1].After!);
        Assert.Equal(new Claim("statement:kirby", ClaimPosition.Claims, "in response"), changed.Claims.Single(c => c.StatementId == "statement:kirby"));
        Assert.DoesNotContain(changed.Claims, c => c.StatementId == "statement:monitor");
        Assert.Equal(log[1].After, log[2].Before);
        var now = Assert.Single(await store.GetRelationsAsync(["event:strikes"], [RelationType.RetaliationFor], Direction.Outgoing, None));
        Assert.Equal(now, HistoryJson.ParseRelation(log[2].After!), RelationComparer);
        Assert.Contains("\"status\":\"DISPUTED\"", log[2].After);
    }

    [SkippableFact]
    public async Task WithdrawingTheLastClaimLeavesTheRelationUnsourcedAndIsLogged()
    {
        var store = await CreateWorldAsync();
        var id = "org:pentagon-[CARRIED_OUT]->event:strikes";
        Assert.True(await store.WithdrawClaimAsync(new ClaimWithdrawal("statement:kirby", id, null), Bob, None));

        var relation = Assert.Single(await store.GetRelationsAsync(["org:pentagon"], [RelationType.CarriedOut], Direction.Outgoing, None));
        Assert.Equal((ClaimStatus.Unsourced, 0), (relation.Status, relation.Claims.Count));
        var withdrawn = (await LogAsync(store, id))[^1];
        Assert.Equal((HistoryKind.ClaimWithdrawn, "statement:kirby", "bob"), (withdrawn.Kind, withdrawn.StatementId, withdrawn.Batch.Writer));
        Assert.Equal(["statement:kirby"], HistoryJson.ParseRelation(withdrawn.Before!).ClaimedBy);
        Assert.Equal(ClaimStatus.Unsourced, HistoryJson.ParseRelation(withdrawn.After!).Status);

        var version = await store.GetDataVersionAsync(None);
        Assert.False(await store.WithdrawClaimAsync(new ClaimWithdrawal("statement:kirby", id, null), Bob, None));
        Assert.Equal(version, await store.GetDataVersionAsync(None));
        Assert.Equal("event:nowhere-[KILLED]->person:x",
            (await Assert.ThrowsAsync<TargetNotFoundException>(() => store.WithdrawClaimAsync(new ClaimWithdrawal("statement:kirby", "event:nowhere-[KILLED]->person:x", null), Bob, None))).Id);
        Assert.Equal("statement:nobody",
            (await Assert.ThrowsAsync<TargetNotFoundException>(() => store.WithdrawClaimAsync(new ClaimWithdrawal("statement:nobody", id, null), Bob, None))).Id);
    }

    [SkippableFact]
    public async Task AFactsClaimsAreLoggedAndWithdrawnLikeARelations()
    {
        var store = await CreateClaimsWorldAsync();
        const string id = "place:depot/function=weapons storage";
        Assert.True(await store.WithdrawClaimAsync(new ClaimWithdrawal("statement:officials", null, id), Bob, None));

        Assert.Equal(ClaimStatus.Denied, (await store.GetFactsAsync(["place:depot"], None)).Single(f => f.Id == id).Status);
        var log = await LogAsync(store, id);
        Assert.Equal([HistoryKind.FactCreated, HistoryKind.ClaimWithdrawn], log.Select(e => e.Kind));
        Assert.Equal(HistoryTarget.Fact, log[1].Target);
        Assert.Equal(ClaimsWorld.Facts[0], HistoryJson.ParseFact(log[0].After!), FactComparer);
        Assert.Equal(log[0].After, log[1].Before);
        Assert.Equal(ClaimStatus.Denied, HistoryJson.ParseFact(log[1].After!).Status);
    }

    private static readonly IEqualityComparer<Relation> RelationComparer = EqualityComparer<Relation>.Create(
        (a, b) => a!.Id == b!.Id && a.Claims.OrderBy(c => c.StatementId).SequenceEqual(b.Claims.OrderBy(c => c.StatementId)), r => r.Id.GetHashCode());

    private static readonly IEqualityComparer<Fact> FactComparer = EqualityComparer<Fact>.Create(
        (a, b) => a!.Id == b!.Id && a.Claims.OrderBy(c => c.StatementId).SequenceEqual(b.Claims.OrderBy(c => c.StatementId)), f => f.Id.GetHashCode());
}
