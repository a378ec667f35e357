using ConflictGraph.Cli.Generate;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;
using ConflictGraph.Sqlite.Schema;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>
/// Each organization's statements, kept by triggers (schema 13): after any write the table must hold what a count
/// from the rows gives, a failed write must leave it as it was, and an older file must gain it on open.
/// </summary>
public sealed class OrganizationStatementsTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly GenerationSettings Small = new(600, 5, EventsPerFile: 600);
    private static readonly GenerationSettings Large = new(4_000, 5, EventsPerFile: 4_000);
    private const string Kept = $"SELECT organization_id, statements FROM {OrganizationStatements.Table} ORDER BY organization_id";

    private readonly TemporaryStores files = new("conflictgraph-orgstatements-");

    [Fact]
    public async Task TheKeptCountsFollowUpdatesMembershipsAndDeletesAsARecountFromTheRowsWould()
    {
        var (store, path) = files.Open("writes.db", bulkLoads: false);
        var small = Batch(Small);
        await store.ImportAsync(small, null, None);
        AssertKeptIsRecount(path);

        // The larger graph of the same seed rewrites the stored statements and people with other speakers and organizations.
        await store.ImportAsync(Batch(Large), null, None);
        AssertKeptIsRecount(path);

        var organization = small.Nodes.OfType<Organization>().First(o => Count(path, o.Id) > 0);
        var member = small.Relations.First(r => r.Type == RelationType.MemberOf && r.ToId == organization.Id).FromId;
        Assert.True(await store.DeleteNodeAsync(member, null, None));
        AssertKeptIsRecount(path);
        var statement = small.Nodes.OfType<Statement>().First(s => s.OnBehalfOfId is not null);
        Assert.True(await store.DeleteNodeAsync(statement.Id, null, None));
        AssertKeptIsRecount(path);
        Assert.True(await store.DeleteNodeAsync(organization.Id, null, None));
        AssertKeptIsRecount(path);
        Assert.Equal(0, Count(path, organization.Id));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnImportStoppedBeforeItsCommitLeavesTheKeptCountsAsTheyWere(bool bulkLoads)
    {
        var (store, path) = files.Open($"stopped-{bulkLoads}.db", bulkLoads);
        await store.ImportAsync(Batch(Small), null, None);
        var before = SqliteFile.Query(path, Kept);
        using var stop = new CancellationTokenSource();
        // A bulk import stops once it has derived the kept counts; a write row by row after its first items.
        var write = WriteContext.Unattributed with
        {
            Progress = bulkLoads ? null : new Synchronous<int>(_ => stop.Cancel()),
            Phases = new Synchronous<ImportPhase>(p => { if (p.Name == "organization statements") stop.Cancel(); }),
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ImportAsync(Batch(Large), write, stop.Token));

        Assert.True(stop.IsCancellationRequested);
        Assert.Equal(before, SqliteFile.Query(path, Kept));
        AssertKeptIsRecount(path);
    }

    [Fact]
    public async Task AVersion12FileGainsTheKeptCountsOnOpenAsAFreshImportHasThem()
    {
        var (store, path) = files.Open("old.db", bulkLoads: false);
        await store.ImportAsync(Batch(Small), null, None);
        var fresh = SqliteFile.Query(path, Kept);
        Assert.NotEmpty(fresh);
        store.Dispose();
        var triggers = string.Concat(OrganizationStatements.Triggers.Select(t => $"DROP TRIGGER {t};"));
        OlderSchemas.Write(path, 12, $"DROP TABLE {OrganizationStatements.Table}; {triggers}");

        var (reopened, _) = files.Open("old.db", bulkLoads: false);
        await reopened.GetStatsAsync(None);

        Assert.Equal(fresh, SqliteFile.Query(path, Kept));
        OlderSchemas.AssertLatest(path);
        Assert.Equal(OrganizationStatements.Triggers.Count, int.Parse(SqliteFile.Query(path,
            $"SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '{OrganizationStatements.Table}%'")[0]));
    }

    /// <summary>The kept table equals the one <see cref="OrganizationStatements.Fill"/> derives from the same rows (in a transaction rolled back).</summary>
    private static void AssertKeptIsRecount(string path) => KeptCounts.AssertIsRecount(path, OrganizationStatements.Table, OrganizationStatements.Fill, Kept);

    private static long Count(string path, string organization) =>
        long.Parse(SqliteFile.Query(path, OrganizationStatements.Count($"'{organization.Replace("'", "''")}'"))[0]);

    private static GraphBatch Batch(GenerationSettings settings) => GraphInputMapper.ToBatch(GraphGenerator.Whole(settings));

    private sealed class Synchronous<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    public void Dispose() => files.Dispose();
}
