using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.Schema;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>
/// Each speaker's statements, kept by triggers (schema 19): after any write the table must hold what a count from the rows
/// gives, a failed write must leave it as it was, and a schema-18 file must gain it on open.
/// </summary>
public sealed class SpeakerStatementsTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly KeptTable Table = new(SpeakerStatements.Table, SpeakerStatements.Fill,
        $"SELECT speaker_id, statements FROM {SpeakerStatements.Table} ORDER BY speaker_id", SpeakerStatements.Triggers, "speaker statements");

    private readonly TemporaryStores files = new("conflictgraph-speakerstatements-");

    [Fact]
    public async Task TheKeptCountsFollowStatementsWrittenReattributedAndDeletedAsARecountFromTheRowsWould()
    {
        var (store, path) = files.Open("writes.db", bulkLoads: false);
        var small = KeptCounts.Batch(KeptCounts.Small);
        await store.ImportAsync(small, null, None);
        AssertKeptIsRecount(path);

        // The larger graph of the same seed rewrites the stored statements with other speakers.
        var large = KeptCounts.Batch(KeptCounts.Large);
        var moved = large.Nodes.OfType<Statement>().Count(s => small.Nodes.OfType<Statement>().Any(o => o.Id == s.Id && o.SpeakerId != s.SpeakerId));
        Assert.True(moved > 0, "the larger graph should re-attribute stored statements");
        await store.ImportAsync(large, null, None);
        AssertKeptIsRecount(path);

        var speaker = SqliteFile.Query(path, $"SELECT speaker_id FROM {SpeakerStatements.Table} WHERE speaker_id GLOB 'person:*' ORDER BY statements DESC LIMIT 1")[0];
        var statement = large.Nodes.OfType<Statement>().First(s => s.SpeakerId == speaker);
        var before = Count(path, speaker);
        Assert.True(await store.DeleteNodeAsync(statement.Id, null, None));
        AssertKeptIsRecount(path);
        Assert.Equal(before - 1, Count(path, speaker));
        Assert.True(await store.DeleteNodeAsync(speaker, null, None));
        AssertKeptIsRecount(path);
        Assert.Equal(0, Count(path, speaker));
        Assert.Empty(SqliteFile.Query(path, $"SELECT speaker_id FROM {SpeakerStatements.Table} WHERE statements <= 0"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public Task AnImportStoppedBeforeItsCommitLeavesTheKeptCountsAsTheyWere(bool bulkLoads) =>
        KeptCounts.AssertStoppedImportLeavesThemAsTheyWereAsync(files, Table, bulkLoads);

    [Fact]
    public async Task AVersion18FileGainsTheKeptCountsOnOpenAsAFreshImportHasThem()
    {
        var (reopened, path, fresh) = await KeptCounts.AssertOlderFileGainsThemAsync(files, Table, 18);

        // The triggers keep it from there: a statement written after the upgrade counts.
        var speaker = fresh[0].Split(' ')[0];
        await reopened.ImportAsync(new GraphBatch([new Statement("statement:after-upgrade", "Said after the upgrade.", Stance.Asserts, null, null,
            speaker, null, null, [], null, [])], []), null, None);
        Assert.Equal(long.Parse(fresh[0].Split(' ')[1]) + 1, Count(path, speaker));
        AssertKeptIsRecount(path);
    }

    [Fact]
    public async Task OnlyASpeakersStatementsWithNothingElseBesideThemReadTheirTotalFromTheKeptCount()
    {
        var (store, path) = files.Open("which.db", bulkLoads: false);
        await store.ImportAsync(KeptCounts.Batch(KeptCounts.Small), null, None);
        var speaker = SqliteFile.Query(path, $"SELECT speaker_id FROM {SpeakerStatements.Table} ORDER BY statements DESC LIMIT 1")[0];
        var counted = Count(path, speaker);
        // A kept count made wrong on purpose shows which totals read it.
        SqliteFile.Query(path, $"UPDATE {SpeakerStatements.Table} SET statements = 1000000 WHERE speaker_id = '{speaker}'", readOnly: false);

        async Task<int?> TotalAsync(StatementCriteria criteria, string? text = null) => (await store.FindNodesAsync(
            [(new NodeQuery { Kinds = [NodeKind.Statement], Statements = criteria, Text = text, Order = NodeOrder.DateAsc }, new Core.Paging.PageRequest(1, null, CountTotal: true))],
            None))[0].TotalCount;

        Assert.Equal(1_000_000, await TotalAsync(new StatementCriteria { SpeakerId = speaker }));
        Assert.True(await TotalAsync(new StatementCriteria { SpeakerId = speaker, Stances = Enum.GetValues<Stance>() }) == counted);
        Assert.True(await TotalAsync(new StatementCriteria { SpeakerId = speaker, Anonymous = false }) == counted);
        Assert.True(await TotalAsync(new StatementCriteria { ActorId = speaker }) >= counted);
        Assert.NotEqual(1_000_000, await TotalAsync(new StatementCriteria { SpeakerId = speaker }, "the"));
        Assert.NotEqual(1_000_000, (await store.FindNodesAsync([(new NodeQuery
        {
            Kinds = [NodeKind.Statement, NodeKind.Event], Statements = new StatementCriteria { SpeakerId = speaker },
        }, new Core.Paging.PageRequest(1, null, CountTotal: true))], None))[0].TotalCount);
    }

    /// <summary>The kept table equals the one <see cref="SpeakerStatements.Fill"/> derives from the same rows (in a transaction rolled back).</summary>
    private static void AssertKeptIsRecount(string path) => KeptCounts.AssertIsRecount(path, Table);

    private static long Count(string path, string speaker) =>
        long.Parse(SqliteFile.Query(path, SpeakerStatements.Count($"'{speaker.Replace("'", "''")}'"))[0]);

    public void Dispose() => files.Dispose();
}
