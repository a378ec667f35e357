using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.Schema;
using ConflictGraph.Store.Tests.Conformance;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>
/// Each organization's statements kept as node_refs rows under it (schema 21): after every kind of write the rows are what
/// deriving them from scratch gives (the statements, their kinds, dates and seqs), an organization has as many statement
/// rows as its kept count, a bulk import derives what the triggers keep row by row, a stopped import leaves them as they
/// were, and a schema-20 file gains them on open.
/// </summary>
public sealed class OrganizationStatementRefsTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private const string Field = OrganizationStatementRefs.Field;
    private const string Rows = $"SELECT target_id, node_id, kind, date_start, node_seq FROM node_refs WHERE field = '{Field}' ORDER BY target_id, node_id";

    /// <summary>Rows in node_refs, so "the table" a recount empties is node_refs' rows of the field (KeptCounts.Recount deletes from it).</summary>
    private static readonly KeptTable Kept = new($"node_refs WHERE field = '{Field}'", OrganizationStatementRefs.Fill, Rows,
        OrganizationStatementRefs.Triggers, "organization statement refs", Prefix: "organization_statement_refs");

    // Organizations whose kept count differs from their statement rows (none, when both follow the same rule).
    private const string Disagreeing = $"""
        SELECT coalesce(o.organization_id, r.target_id) FROM {OrganizationStatements.Table} o
        FULL JOIN (SELECT target_id, count(*) AS n FROM node_refs WHERE field = '{Field}' AND kind = 'STATEMENT' GROUP BY target_id) r
            ON r.target_id = o.organization_id
        WHERE o.statements IS NOT r.n
        """;

    private readonly TemporaryStores files = new("conflictgraph-orgstatementrefs-");

    [Fact]
    public async Task TheRowsFollowEveryKindOfWriteAsARecountWould()
    {
        var (store, path) = files.Open("writes.db", bulkLoads: false);
        var small = KeptCounts.Batch(KeptCounts.Small);
        await store.ImportAsync(small, null, None);
        Check(path, "the import");
        await store.ImportAsync(KeptCounts.Batch(KeptCounts.Large), null, None);
        Check(path, "the larger graph over it (other speakers and organizations)");

        var organizations = small.Nodes.OfType<Organization>().Select(o => o.Id).ToList();
        var member = small.Relations.First(r => r.Type == RelationType.MemberOf).FromId;
        var home = small.Relations.First(r => r.Type == RelationType.MemberOf && r.FromId == member).ToId;
        var other = organizations.First(o => o != home);
        var said = new Statement("statement:refs-said", "Said by a member.", Stance.Asserts, FuzzyDate.Day(new DateOnly(2021, 3, 4)), null,
            member, null, null, [], null, []);
        await store.ImportAsync(new GraphBatch([said], []), null, None);
        Check(path, "a statement by a member");
        Assert.Equal(["2021-03-04"], SqliteFile.Query(path, $"SELECT date_start FROM node_refs WHERE field = '{Field}' AND node_id = '{said.Id}' AND target_id = '{home}'"));
        await store.ImportAsync(new GraphBatch([said with { Date = FuzzyDate.Day(new DateOnly(2019, 1, 2)) }], []), null, None);
        Check(path, "its date changed");
        await store.ImportAsync(new GraphBatch([said with { Date = null, OnBehalfOfId = other }], []), null, None);
        Check(path, "undated and spoken for another organization");
        var outsider = new Person("person:refs-outsider", "Outsider", [], null, []);
        await store.ImportAsync(new GraphBatch([outsider, said with { SpeakerId = outsider.Id, OnBehalfOfId = null }], []), null, None);
        Check(path, "its speaker changed to someone of no organization");
        Assert.Empty(SqliteFile.Query(path, $"SELECT target_id FROM node_refs WHERE field = '{Field}' AND node_id = '{said.Id}'"));
        await store.ImportAsync(new GraphBatch([], [TestWorld.Relation(RelationType.MemberOf, outsider.Id, home)]), null, None);
        Check(path, "the speaker joined an organization");
        await store.ImportAsync(new GraphBatch([outsider with { Roles = [new Role("Spokesperson", other)] }], []), null, None);
        Check(path, "the speaker took a role in another");
        await store.ImportAsync(new GraphBatch([outsider with { Roles = [new Role("Spokesperson", home)] }], []), null, None);
        Check(path, "the role moved to the organization of the membership");
        await store.ImportAsync(new GraphBatch([outsider with { Roles = [] }], []), null, None);
        Check(path, "the role left (the membership stays)");
        Assert.True(await store.DeleteNodeAsync(member, null, None));
        Check(path, "a member deleted");
        var statement = small.Nodes.OfType<Statement>().First(s => s.OnBehalfOfId is not null);
        Assert.True(await store.DeleteNodeAsync(statement.Id, null, None));
        Check(path, "a statement spoken for an organization deleted");
        Assert.Equal([home], SqliteFile.Query(path, $"SELECT target_id FROM node_refs WHERE field = '{Field}' AND node_id = '{said.Id}'"));
        // Its member stays, with what they said: the membership goes with the organization, and with it the rows.
        Assert.True(await store.DeleteNodeAsync(home, null, None));
        Check(path, "an organization deleted, its member staying");
        Assert.Empty(SqliteFile.Query(path, $"SELECT node_id FROM node_refs WHERE field = '{Field}' AND target_id = '{home}'"));
        Assert.True(await store.DeleteNodeAsync(said.Id, null, None));
        Check(path, "a statement deleted");
        Assert.True(await store.DeleteNodeAsync(outsider.Id, null, None));
        Check(path, "the outsider deleted");
    }

    [Fact]
    public async Task ABulkImportDerivesTheRowsTheTriggersKeepRowByRow()
    {
        var (_, bulkPath, _) = await KeptCounts.AssertBulkImportDerivesWhatTheTriggersKeepAsync(files, KeptCounts.Batch(KeptCounts.Small), Rows, atLeast: 100);
        Check(bulkPath, "the bulk import");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public Task AnImportStoppedBeforeItsCommitLeavesTheRowsAsTheyWere(bool bulkLoads) =>
        KeptCounts.AssertStoppedImportLeavesThemAsTheyWereAsync(files, Kept, bulkLoads);

    [Fact]
    public async Task AVersion20FileGainsTheRowsOnOpenAndKeepsThem()
    {
        var (reopened, path, _) = await KeptCounts.AssertOlderFileGainsThemAsync(files, Kept, 20);
        var member = SqliteFile.Query(path, "SELECT from_id FROM relations WHERE type = 'MEMBER_OF' ORDER BY from_id LIMIT 1").Single();
        Assert.True(await reopened.DeleteNodeAsync(member, null, None));
        Check(path, "a member deleted after the migration");
    }

    /// <summary>The rows equal a recount (rolled back), and each organization's statement rows number its kept count.</summary>
    private static void Check(string path, string step)
    {
        KeptCounts.AssertIsRecount(path, Kept);
        Assert.True(SqliteFile.Query(path, Disagreeing) is [], $"{step}: kept counts and rows differ for {string.Join(", ", SqliteFile.Query(path, Disagreeing))}");
    }

    public void Dispose() => files.Dispose();
}
