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

        // An organization speaking itself (schema 23): its statement is its own, by speaker alone and also spoken for it.
        var speaking = organizations.First(o => o != home && o != other);
        var own = said with { Id = "statement:refs-own", SpeakerId = speaking, OnBehalfOfId = null };
        await store.ImportAsync(new GraphBatch([own], []), null, None);
        Check(path, "a statement spoken by an organization");
        Assert.Equal([speaking], SqliteFile.Query(path, $"SELECT target_id FROM node_refs WHERE field = '{Field}' AND node_id = '{own.Id}'"));
        await store.ImportAsync(new GraphBatch([own with { OnBehalfOfId = speaking }], []), null, None);
        Check(path, "also spoken for it");
        await store.ImportAsync(new GraphBatch([own with { OnBehalfOfId = other }], []), null, None);
        Check(path, "spoken by it for another organization");
        Assert.Equal(new[] { other, speaking }.Order(StringComparer.Ordinal), SqliteFile.Query(path, $"SELECT target_id FROM node_refs WHERE field = '{Field}' AND node_id = '{own.Id}' ORDER BY target_id"));
        var person = new Person("person:refs-plain", "Of no organization", [], null, []);
        await store.ImportAsync(new GraphBatch([person, own with { SpeakerId = person.Id, OnBehalfOfId = null }], []), null, None);
        Check(path, "its speaker changed from the organization to a person");
        Assert.DoesNotContain(speaking, SqliteFile.Query(path, $"SELECT target_id FROM node_refs WHERE field = '{Field}' AND node_id = '{own.Id}'"));
        await store.ImportAsync(new GraphBatch([own], []), null, None);
        Check(path, "its speaker changed back to the organization");
        // A statement naming as speaker an organization written after it in the same batch.
        var late = new Organization("org:refs-late", "Written after its statement", [], null, OrganizationKind.ArmedGroup, null);
        var early = own with { Id = "statement:refs-early", SpeakerId = late.Id };
        await store.ImportAsync(new GraphBatch([early, late], []), null, None);
        Check(path, "an organization written after the statement it spoke, in one batch");
        Assert.Equal([late.Id], SqliteFile.Query(path, $"SELECT target_id FROM node_refs WHERE field = '{Field}' AND node_id = '{early.Id}'"));
        await store.ImportAsync(new GraphBatch([early with { OnBehalfOfId = late.Id }], []), null, None);
        Check(path, "spoken by and for the late organization");
        Assert.True(await store.DeleteNodeAsync(speaking, null, None));
        Check(path, "a speaking organization deleted");
        Assert.Empty(SqliteFile.Query(path, $"SELECT node_id FROM node_refs WHERE field = '{Field}' AND target_id = '{speaking}'"));
        Assert.True(await store.DeleteNodeAsync(late.Id, null, None));
        Check(path, "an organization spoken by and for deleted");
        Assert.Empty(SqliteFile.Query(path, $"SELECT node_id FROM node_refs WHERE field = '{Field}' AND target_id = '{late.Id}'"));
        Assert.Empty(SqliteFile.Query(path, $"SELECT organization_id FROM {OrganizationStatements.Table} WHERE organization_id IN ('{speaking}', '{late.Id}')"));
        Assert.True(await store.DeleteNodeAsync(own.Id, null, None));
        Check(path, "its statement deleted");
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
    public async Task AVersion22FileGainsWhatOrganizationsSpokeOnOpenAsAFreshImportHasIt()
    {
        const string counts = $"SELECT organization_id, statements FROM {OrganizationStatements.Table} ORDER BY organization_id";
        const string triggers = "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'organization_statement%' ORDER BY name";
        var (store, path) = files.Open("old.db", bulkLoads: false);
        var small = KeptCounts.Batch(KeptCounts.Small);
        await store.ImportAsync(small, null, None);
        // The generated graph's speakers are persons: a few statements spoken by organizations, one also for itself, one for another.
        var organizations = small.Nodes.OfType<Organization>().Select(o => o.Id).Take(3).ToList();
        Statement Spoken(int i, string? onBehalfOf) => new($"statement:refs-v22-{i}", "Said by an organization.", Stance.Asserts,
            FuzzyDate.Day(new DateOnly(2020, 1, 1 + i)), null, organizations[i], onBehalfOf, null, [], null, []);
        await store.ImportAsync(new GraphBatch([Spoken(0, null), Spoken(1, organizations[1]), Spoken(2, organizations[0])], []), null, None);
        var (freshRows, freshCounts, freshTriggers) = (SqliteFile.Query(path, Rows), SqliteFile.Query(path, counts), SqliteFile.Query(path, triggers));
        var spoken = SqliteFile.Query(path, "SELECT x.node_id || ' ' || x.target_id FROM node_refs x JOIN nodes k ON k.id = x.target_id AND k.kind = 'ORGANIZATION' " +
                                            "WHERE x.field = 'speakerId' ORDER BY 1");
        Assert.NotEmpty(spoken);
        store.Dispose();
        OlderSchemas.Write(path, 22);
        // As schema 22 left it: fewer rows and other counts (its organizations' own statements not among them).
        Assert.True(SqliteFile.Query(path, Rows).Count < freshRows.Count);
        Assert.NotEqual(freshCounts, SqliteFile.Query(path, counts));

        var (reopened, _) = files.Open("old.db", bulkLoads: false);
        await reopened.GetStatsAsync(None);
        OlderSchemas.AssertLatest(path);
        Assert.Equal(freshRows, SqliteFile.Query(path, Rows));
        Assert.Equal(freshCounts, SqliteFile.Query(path, counts));
        Assert.Equal(freshTriggers, SqliteFile.Query(path, triggers));
        Check(path, "the migration");
        Assert.True(await reopened.DeleteNodeAsync(spoken[0].Split(' ')[1], null, None));
        Check(path, "a speaking organization deleted after the migration");
    }

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
