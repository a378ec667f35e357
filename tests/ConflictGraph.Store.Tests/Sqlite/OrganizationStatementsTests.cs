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
    private static readonly KeptTable Table = new(OrganizationStatements.Table, OrganizationStatements.Fill,
        $"SELECT organization_id, statements FROM {OrganizationStatements.Table} ORDER BY organization_id", OrganizationStatements.Triggers,
        "organization statements");

    private readonly TemporaryStores files = new("conflictgraph-orgstatements-");

    [Fact]
    public async Task TheKeptCountsFollowUpdatesMembershipsAndDeletesAsARecountFromTheRowsWould()
    {
        var (store, path) = files.Open("writes.db", bulkLoads: false);
        var small = KeptCounts.Batch(KeptCounts.Small);
        await store.ImportAsync(small, null, None);
        AssertKeptIsRecount(path);

        // The larger graph of the same seed rewrites the stored statements and people with other speakers and organizations.
        await store.ImportAsync(KeptCounts.Batch(KeptCounts.Large), null, None);
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
    public Task AnImportStoppedBeforeItsCommitLeavesTheKeptCountsAsTheyWere(bool bulkLoads) =>
        KeptCounts.AssertStoppedImportLeavesThemAsTheyWereAsync(files, Table, bulkLoads);

    [Fact]
    public Task AVersion12FileGainsTheKeptCountsOnOpenAsAFreshImportHasThem() =>
        // Schema 12's undo leaves the table (made by schema 13's step); the file is written without it and its triggers.
        KeptCounts.AssertOlderFileGainsThemAsync(files, Table, 12,
            $"DROP TABLE {OrganizationStatements.Table}; {string.Concat(OrganizationStatements.Triggers.Select(t => $"DROP TRIGGER IF EXISTS {t};"))}");

    /// <summary>The kept table equals the one <see cref="OrganizationStatements.Fill"/> derives from the same rows (in a transaction rolled back).</summary>
    private static void AssertKeptIsRecount(string path) => KeptCounts.AssertIsRecount(path, Table);

    private static long Count(string path, string organization) =>
        long.Parse(SqliteFile.Query(path, OrganizationStatements.Count($"'{organization.Replace("'", "''")}'"))[0]);

    public void Dispose() => files.Dispose();
}
