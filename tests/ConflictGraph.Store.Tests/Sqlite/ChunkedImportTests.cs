using ConflictGraph.Core.History;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Import.Sources;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;
using ConflictGraph.Store.Tests.Conformance;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>A validated input written in chunks of one item: copies of a relation in different chunks merge, the chunks are one transaction, and the change log is what a whole write logs.</summary>
public sealed class ChunkedImportTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TemporaryStores files = new("conflictgraph-chunks-");
    private readonly SqliteGraphStore store;

    public ChunkedImportTests() => store = files.Open("chunks.db").Store;

    private const string Input = """
        { "persons": [ { "id": "person:new", "name": "New" } ],
          "relations": [
            { "type": "MEMBER_OF", "fromId": "person:new", "toId": "org:pentagon", "claimedByIds": ["statement:kirby"] },
            { "type": "MEMBER_OF", "fromId": "person:kirby", "toId": "org:press" },
            { "type": "MEMBER_OF", "fromId": "person:new", "toId": "org:pentagon", "disputedByIds": ["statement:militia"] } ] }
        """;

    [Fact]
    public async Task ARelationGivenInTwoChunksKeepsTheClaimsOfBoth()
    {
        await store.ImportAsync(TestWorld.Batch, null, None);

        var result = await store.ImportAsync(await ChunksAsync(Input), null, None);

        Assert.Equal((1, 2, 1), (result.Created, result.RelationsCreated, result.RelationsUpdated));
        var membership = Assert.Single(await store.GetRelationsAsync(["person:new"], [RelationType.MemberOf], Direction.Outgoing, None));
        Assert.Equal(["statement:kirby"], membership.ClaimedBy);
        Assert.Equal(["statement:militia"], membership.DisputedBy);
        Assert.Equal(ClaimStatus.Disputed, membership.Status);
    }

    [Fact]
    public async Task AnImportStoppedAfterItsFirstChunksLeavesTheStoreAsItWas()
    {
        await store.ImportAsync(TestWorld.Batch, null, None);
        var before = await store.GetStatsAsync(None);
        using var stop = new CancellationTokenSource();
        var chunks = await ChunksAsync(Input);

        // The write reads its chunks lazily: cancel once the first items are in the transaction.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => store.ImportAsync(chunks, WriteContext.Unattributed with { Progress = new SynchronousProgress<int>(_ => stop.Cancel()) }, stop.Token));

        Assert.Equal((before.Nodes, before.Relations), ((await store.GetStatsAsync(None)).Nodes, (await store.GetStatsAsync(None)).Relations));
        Assert.Empty(await store.GetNodesAsync(["person:new"], None));
    }

    [Fact]
    public async Task ASourceThatFailsOnItsLastItemDuringTheWriteLeavesTheStoreAsItWasAndTheErrorIsTheSources()
    {
        await store.ImportAsync(TestWorld.Batch, null, None);
        var before = await store.GetStatsAsync(None);
        var historyBefore = (await store.ReadHistoryAsync(0, 1000, None)).Count;
        var source = new FailingOnRereading(new InputSource(GraphInputReader.Read(Input).Input), "relations[2]");
        var validation = await GraphValidator.ValidateAsync(source, store, None);
        Assert.Empty(validation.Problems);

        // Every chunk before the last is written in the transaction before the source fails.
        var error = await Assert.ThrowsAsync<IOException>(() => store.ImportAsync(new GraphChunks(source, validation) { ChunkSize = 1 }, null, None));

        Assert.Equal("relations[2] cannot be read again", error.Message);
        var after = await store.GetStatsAsync(None);
        Assert.Equal((before.Nodes, before.Relations), (after.Nodes, after.Relations));
        Assert.Empty(await store.GetNodesAsync(["person:new"], None));
        Assert.Equal(historyBefore, (await store.ReadHistoryAsync(0, 1000, None)).Count);
    }

    [Fact]
    public async Task AnImportInChunksLogsWhatTheSameInputWrittenWholeLogsUnderOneBatchAndItsWriterAndARepeatLogsNothing()
    {
        var input = Input.Replace("\"name\": \"New\" }", "\"name\": \"New\" }, { \"id\": \"person:kirby\", \"name\": \"Kirby, renamed\" }");
        await store.ImportAsync(TestWorld.Batch, null, None);
        var seeded = (await store.ReadHistoryAsync(0, 1000, None)).Count;
        using var whole = new SqliteGraphStore(new SqliteStoreOptions { Path = files.PathOf("whole.db") });
        await whole.ImportAsync(TestWorld.Batch, null, None);
        var wholeResult = await whole.ImportAsync(await (await ChunksAsync(input)).ToBatchAsync(None), new WriteContext("alice"), None);

        var result = await store.ImportAsync(await ChunksAsync(input), new WriteContext("alice"), None);

        var log = await WrittenAfterAsync(store, seeded);
        var wholeLog = await WrittenAfterAsync(whole, seeded);
        Assert.Equal(wholeLog.Select(Shape), log.Select(Shape));
        Assert.Contains(log, e => e.Kind == HistoryKind.NodeUpdated && e.TargetId == "person:kirby" && e.Before is not null);
        Assert.Contains(log, e => e.Kind == HistoryKind.NodeCreated && e.TargetId == "person:new" && e.Before is null);
        Assert.All(log, e => Assert.Equal((result.BatchId, "alice"), (e.Batch.Id, e.Batch.Writer)));
        Assert.NotNull(wholeResult.BatchId);

        var repeat = await store.ImportAsync(await ChunksAsync(input), new WriteContext("alice"), None);

        Assert.Null(repeat.BatchId);
        Assert.Equal(seeded + log.Count, (await store.ReadHistoryAsync(0, 1000, None)).Count);
    }

    /// <summary>The log's entries after the first <paramref name="skip"/>, in order, each with its before JSON.</summary>
    private static async Task<List<HistoryEntry>> WrittenAfterAsync(SqliteGraphStore store, int skip)
    {
        var entries = (await store.ReadHistoryAsync(0, 1000, None)).Skip(skip).ToList();
        var read = await store.GetHistoryAsync(entries.Select(e => e.TargetId).ToHashSet(), None);
        return read.Values.SelectMany(e => e).Where(e => entries.Any(x => x.Sequence == e.Sequence)).OrderBy(e => e.Sequence).ToList();
    }

    private static (HistoryKind, HistoryTarget, string, string?, string?) Shape(HistoryEntry entry) =>
        (entry.Kind, entry.Target, entry.TargetId, entry.StatementId, entry.Before);

    private async Task<GraphChunks> ChunksAsync(string json)
    {
        var source = new InputSource(GraphInputReader.Read(json).Input);
        var validation = await GraphValidator.ValidateAsync(source, store, None);
        Assert.Empty(validation.Problems);
        return new GraphChunks(source, validation) { ChunkSize = 1 };
    }

    /// <summary>A source whose first reading (validation) succeeds and whose second (the write) fails at one item, as a file changed or lost between the passes would.</summary>
    private sealed class FailingOnRereading(IGraphSource inner, string failingItem) : IGraphSource
    {
        private readonly HashSet<SectionGroup> read = [];

        public IReadOnlyList<ValidationProblem> ReadProblems => inner.ReadProblems;

        public string Where(ItemPlace place, string? rest = null) => inner.Where(place, rest);

        public async IAsyncEnumerable<GraphItem> ReadAsync(SectionGroup group, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var again = !read.Add(group);
            await foreach (var item in inner.ReadAsync(group, cancellationToken))
            {
                if (again && Where(item.Place) == failingItem) throw new IOException($"{failingItem} cannot be read again");
                yield return item;
            }
        }
    }

    public void Dispose() => files.Dispose();
}
