using ConflictGraph.Core.History;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Store.Tests.Conformance;

/// <summary>The change log over time: deletions that stay readable, cursor order, the tail subscriptions read, compaction.</summary>
public abstract partial class GraphStoreConformanceTests
{
    [SkippableFact]
    public async Task ADeletionLogsWhatItRemovedAndTheDeletedNodesHistoryStaysReadable()
    {
        var store = await CreateWorldAsync();
        var relations = await store.GetRelationsAsync(["org:pentagon"], null, Direction.Both, None);
        var version = await store.GetDataVersionAsync(None);
        Assert.True(await store.DeleteNodeAsync("org:pentagon", Bob, None));

        var batch = (await LogAsync(store)).Where(e => e.Sequence > version).ToList();
        Assert.Single(batch.Select(e => e.Batch.Id).Distinct());
        var deleted = Assert.Single(batch, e => e.Kind == HistoryKind.NodeDeleted);
        Assert.Equal(("org:pentagon", NodeKind.Organization, (string?)null), (deleted.TargetId, deleted.NodeKind, deleted.After));
        Assert.Equal("Pentagon", ((Organization)HistoryJson.ParseNode(deleted.Before!)).Name);
        Assert.Equal(relations.Select(r => r.Id).Order(), batch.Where(e => e.Kind == HistoryKind.RelationDeleted).Select(e => e.TargetId).Order());
        var carriedOut = batch.Single(e => e.TargetId == "org:pentagon-[CARRIED_OUT]->event:strikes");
        Assert.Equal(["statement:kirby"], HistoryJson.ParseRelation(carriedOut.Before!).ClaimedBy);
        // The nodes that named the Pentagon lose the reference, and the log says how they were.
        var renamed = batch.Where(e => e.Kind == HistoryKind.NodeUpdated).ToDictionary(e => e.TargetId);
        Assert.Equal(["person:kirby", "statement:kirby"], renamed.Keys.Order());
        Assert.Equal("org:pentagon", ((Statement)HistoryJson.ParseNode(renamed["statement:kirby"].Before!)).OnBehalfOfId);
        Assert.Null(((Statement)HistoryJson.ParseNode(renamed["statement:kirby"].After!)).OnBehalfOfId);

        var life = await LogAsync(store, "org:pentagon");
        Assert.Equal([HistoryKind.NodeCreated, HistoryKind.NodeDeleted], life.Select(e => e.Kind));
        Assert.Equal(life[1].Before, life[0].After);
    }

    [SkippableFact]
    public async Task DeletingAStatementLogsEachOfItsClaimsAsWithdrawn()
    {
        var store = await CreateWorldAsync();
        Assert.True(await store.DeleteNodeAsync("statement:militia", Bob, None));
        var log = await LogAsync(store);
        var withdrawn = log.Where(e => e.Kind == HistoryKind.ClaimWithdrawn).ToList();
        Assert.Equal(["event:strikes-[RETALIATION_FOR]->event:drones", "org:kh-[USED]->place:depot"], withdrawn.Select(e => e.TargetId).Order());
        Assert.All(withdrawn, e => Assert.Equal("statement:militia", e.StatementId));
        Assert.Equal(ClaimStatus.Unsourced, HistoryJson.ParseRelation(withdrawn.Single(e => e.TargetId.Contains("USED")).After!).Status);
    }

    [SkippableFact]
    public async Task CursorsFollowCommitOrderAndPagesWalkTheWholeLogOnce()
    {
        var store = await CreateWorldAsync();
        await store.ImportAsync(new GraphBatch([TestWorld.Kirby with { Description = "Press secretary" }], []), Bob, None);
        await store.DeleteNodeAsync("event:killing", Bob, None);

        var all = await LogAsync(store);
        var walked = new List<HistoryEntry>();
        string? after = null;
        Page<HistoryEntry> page;
        do
        {
            page = await store.FindHistoryAsync(new HistoryQuery(), new PageRequest(7, after), None);
            Assert.Equal(all.Count, page.TotalCount);
            Assert.Equal(after is not null, page.HasPreviousPage);
            walked.AddRange(page.Items.Select(i => i.Item));
            after = page.EndCursor;
        }
        while (page.HasNextPage);

        Assert.Equal(all.Select(e => e.Sequence), walked.Select(e => e.Sequence));
        Assert.Equal(walked.Select(e => e.Sequence).Order(), walked.Select(e => e.Sequence));
        Assert.Equal(3, walked.Select(e => e.Batch.Id).Distinct().Count());
        Assert.Equal(walked.Select(e => e.Batch.Id).Distinct(), walked.OrderBy(e => e.Batch.FirstSequence).Select(e => e.Batch.Id).Distinct());
        Assert.Equal(walked[^1].Sequence, await store.GetDataVersionAsync(None));
        await Assert.ThrowsAsync<InvalidCursorException>(() => store.FindHistoryAsync(new HistoryQuery(), new PageRequest(5, Cursor.Encode("r:x", "x")), None));
    }

    [SkippableFact]
    public async Task TheTailReadsEntriesAfterASequenceNumberWithoutTheirStates()
    {
        var store = await CreateWorldAsync();
        var all = await LogAsync(store);
        var tail = await store.ReadHistoryAsync(all[4].Sequence, 3, None);
        Assert.Equal(all.Skip(5).Take(3).Select(e => (e.Sequence, e.Kind, e.TargetId, e.NodeKind, e.Batch)), tail.Select(e => (e.Sequence, e.Kind, e.TargetId, e.NodeKind, e.Batch)));
        Assert.All(tail, e => Assert.Null(e.After));
        Assert.Empty(await store.ReadHistoryAsync(all[^1].Sequence, 10, None));
    }

    [SkippableFact]
    public async Task CompactionFoldsUpdatesIntoTheEntryBeforeThemAndKeepsDeletionsAndWithdrawals()
    {
        var store = await CreateWorldAsync();
        foreach (var description in new[] { "one", "two", "three" })
            await store.ImportAsync(new GraphBatch([TestWorld.Kirby with { Description = description }], []), Bob, None);
        await store.ImportAsync(new GraphBatch([], [TestWorld.Relation(RelationType.MemberOf, "person:kirby", "org:pentagon", ["statement:kirby"])]), Bob, None);
        await store.WithdrawClaimAsync(new ClaimWithdrawal("statement:kirby", "person:kirby-[MEMBER_OF]->org:pentagon", null), Bob, None);
        await store.DeleteNodeAsync("person:muhandis", Bob, None);
        var before = await LogAsync(store);

        var result = await store.CompactHistoryAsync(DateTimeOffset.UtcNow.AddDays(1), None);

        Assert.Equal(new Dictionary<HistoryKind, int> { [HistoryKind.NodeUpdated] = 3, [HistoryKind.ClaimAdded] = 1 }, result.Removed);
        var after = await LogAsync(store);
        Assert.Equal(before.Count - 4, after.Count);
        Assert.Equal(after.Count, result.Remaining);
        var kirby = await LogAsync(store, "person:kirby");
        Assert.Equal([HistoryKind.NodeCreated], kirby.Select(e => e.Kind));
        Assert.Equal("three", ((Person)HistoryJson.ParseNode(kirby[0].After!)).Description);
        var member = await LogAsync(store, "person:kirby-[MEMBER_OF]->org:pentagon");
        Assert.Equal([HistoryKind.RelationCreated, HistoryKind.ClaimWithdrawn], member.Select(e => e.Kind));
        Assert.Equal([HistoryKind.NodeCreated, HistoryKind.NodeDeleted], (await LogAsync(store, "person:muhandis")).Select(e => e.Kind));
        Assert.Equal(before[^1].Sequence, await store.GetDataVersionAsync(None));

        var next = await store.ImportAsync(new GraphBatch([TestWorld.Kirby], []), Bob, None);
        Assert.True((await LogAsync(store, "person:kirby"))[^1].Sequence > before[^1].Sequence);
        Assert.NotNull(next.BatchId);
    }

    [SkippableFact]
    public async Task CompactionLeavesRecentEntriesAndTheNewestEntryAlone()
    {
        var store = await CreateWorldAsync();
        await store.ImportAsync(new GraphBatch([TestWorld.Kirby with { Description = "one" }], []), Bob, None);
        await store.ImportAsync(new GraphBatch([TestWorld.Kirby with { Description = "two" }], []), Bob, None);
        var before = await LogAsync(store);

        Assert.Equal(0, (await store.CompactHistoryAsync(DateTimeOffset.UtcNow.AddDays(-1), None)).RemovedTotal);
        var folded = await store.CompactHistoryAsync(DateTimeOffset.UtcNow.AddDays(1), None);

        Assert.Equal(1, folded.RemovedTotal);
        Assert.Equal([HistoryKind.NodeCreated, HistoryKind.NodeUpdated], (await LogAsync(store, "person:kirby")).Select(e => e.Kind));
        Assert.Equal(before[^1].Sequence, (await LogAsync(store))[^1].Sequence);
    }

    [SkippableFact]
    public async Task CompactionFoldsEveryTargetOfALogLongerThanOnePageOfItsWalk()
    {
        var store = await CreateEmptyStoreAsync();
        var people = Enumerable.Range(0, 2_500).Select(i => new Person($"person:p{i:D4}", $"P {i}", [], null, [])).ToList();
        await store.ImportAsync(new GraphBatch([.. people], []), Alice, None);
        await store.ImportAsync(new GraphBatch([.. people.Select(p => p with { Description = "changed" })], []), Bob, None);

        var folded = await store.CompactHistoryAsync(DateTimeOffset.UtcNow.AddDays(1), None);

        // Every update folds into its creation but the log's newest entry, which stays.
        Assert.Equal(new Dictionary<HistoryKind, int> { [HistoryKind.NodeUpdated] = 2_499 }, folded.Removed);
        Assert.Equal(2_501, folded.Remaining);
        Assert.Equal([HistoryKind.NodeCreated], (await LogAsync(store, "person:p0000")).Select(e => e.Kind));
        Assert.Equal([HistoryKind.NodeCreated, HistoryKind.NodeUpdated], (await LogAsync(store, "person:p2499")).Select(e => e.Kind));
    }
}
