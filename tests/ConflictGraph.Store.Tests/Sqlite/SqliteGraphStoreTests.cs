using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;
using ConflictGraph.Sqlite.Schema;
using ConflictGraph.Store.Tests.Conformance;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>The conformance suite on the embedded store, plus what only a file store has.</summary>
public sealed class SqliteGraphStoreTests : GraphStoreConformanceTests, IDisposable
{
    private readonly TemporaryStores files = new("conflictgraph-sqlite-");
    private int opened;

    protected override Task<IGraphStore> CreateEmptyStoreAsync() => Task.FromResult<IGraphStore>(Open($"{opened}.db"));

    private SqliteGraphStore Open(string name)
    {
        opened++;
        return files.Open(name).Store;
    }

    [Fact]
    public async Task DataSurvivesReopeningTheFile()
    {
        var store = Open("kept.db");
        await store.ImportAsync(TestWorld.Batch, null, None);
        store.Dispose();
        var reopened = Open("kept.db");
        Assert.Equal(TestWorld.Nodes.Count, (await reopened.GetStatsAsync(None)).Nodes);
        Assert.Equal("org:kh", (await reopened.SearchAsync("kataib", null, 1, None))[0].NodeId);
    }

    [Fact]
    public void AFileFromANewerBuildIsRefusedWithAClearReason()
    {
        var path = files.PathOf("future.db");
        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        var error = Assert.Throws<StoreUnavailableException>(() => new SqliteGraphStore(new SqliteStoreOptions { Path = path }));
        Assert.Contains("schema version 99", error.Message);
    }

    /// <summary>A file holding the test world as a build at schema <paramref name="version"/> wrote it.</summary>
    /// <summary>
    /// The test world as an older build left it: written by today's store (whose writer also keeps tables
    /// an older file lacks), then its rows copied into a file migrated only up to <paramref name="version"/>.
    /// </summary>
    private async Task<string> WorldAtVersionAsync(string name, int version)
    {
        var written = Open($"written-{name}");
        await written.ImportAsync(TestWorld.Batch, null, None);
        written.Dispose();
        var path = files.PathOf(name);
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Migrations.Apply(connection, version);
        using var copy = connection.CreateCommand();
        copy.CommandText = $"ATTACH '{files.PathOf($"written-{name}")}' AS written; " +
            string.Concat(new[] { "nodes", "refs", "relations", "claims", "facts", "fact_claims" }.Select(t => $"INSERT INTO main.{t} SELECT {Columns(t)} FROM written.{t}; ")) +
            "INSERT INTO main.search (rowid, text) SELECT rowid, text FROM written.search; DETACH written;";
        copy.ExecuteNonQuery();
        return path;
    }

    /// <summary>The columns of a table every schema has: schema 15 added the seq of each relation's ends.</summary>
    private static string Columns(string table) => table == "relations" ? "id, type, from_id, to_id, status" : "*";

    [Fact]
    public async Task AFileFromBeforeTheKeptCountsIsMigratedWithThem()
    {
        var path = await WorldAtVersionAsync("uncounted.db", 2);
        var store = Open("uncounted.db");
        await AssertTotalsMatchTheGraphAsync(store);
        Assert.Equal([Migrations.Latest.ToString()], Query(path, "PRAGMA user_version"));
    }

    [Fact]
    public async Task AFileFromBeforeDatedReferencesPagesStatementsByDateAfterItMigrates()
    {
        var path = await WorldAtVersionAsync("undated-refs.db", 4);
        var store = Open("undated-refs.db");
        var page = (await store.FindNodesAsync([(new NodeQuery
        {
            Kinds = [NodeKind.Statement], Order = NodeOrder.DateDesc, Statements = new StatementCriteria { AboutId = "event:strikes" },
        }, new PageRequest(2))], None))[0];
        Assert.Equal(["statement:militia", "statement:monitor"], page.Items.Select(i => i.Item.Id));
        Assert.Equal(3, page.TotalCount);
        Assert.Equal(["3"], Query(path, "SELECT count(*) FROM node_refs WHERE target_id = 'event:strikes' AND field = 'aboutIds'"));
    }

    [Fact]
    public async Task TheFileKeepsPlannerStatistics()
    {
        var store = Open("analyzed.db");
        var path = files.PathOf("analyzed.db");
        await store.ImportAsync(TestWorld.Batch, null, None);
        Assert.Contains(Query(path, "SELECT tbl || ' ' || coalesce(idx, '') FROM sqlite_stat1"), row => row.StartsWith("nodes ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadsDuringAnImportSeeTheStateBeforeIt()
    {
        var store = Open("concurrent.db");
        await store.ImportAsync(TestWorld.Batch, null, None);
        var many = Enumerable.Range(0, 20_000).Select(i => (Node)new Person($"person:bulk-{i:D5}", $"Bulk {i}", [], null, [])).ToList();
        var reads = new List<int>();
        var progress = new SynchronousProgress<int>(_ => reads.Add(store.GetStatsAsync(None).GetAwaiter().GetResult().Nodes));
        await store.ImportAsync(new GraphBatch(many, []), new WriteContext("test", progress), None);
        Assert.NotEmpty(reads);
        Assert.All(reads, count => Assert.Equal(TestWorld.Nodes.Count, count));
        Assert.Equal(TestWorld.Nodes.Count + many.Count, (await store.GetStatsAsync(None)).Nodes);
    }

    [Fact]
    public async Task ALargeImportRebuildsTheIndexesItDroppedAndASmallOneLeavesTheSchemaAlone()
    {
        var store = Open("bulk.db");
        var path = files.PathOf("bulk.db");
        await store.ImportAsync(TestWorld.Batch, null, None);
        var (schema, version) = Schema(path);
        Assert.Contains(schema, entry => entry.StartsWith("index relations_from ", StringComparison.Ordinal));

        // A write large next to the store drops and rebuilds the secondary indexes: the schema version moves, the schema does not.
        var (persons, memberships) = Bulk(12_000);
        await store.ImportAsync(new GraphBatch(persons, memberships), null, None);
        var (after, afterVersion) = Schema(path);
        Assert.Equal(schema, after);
        Assert.NotEqual(version, afterVersion);
        Assert.Equal(["ok"], Query(path, "PRAGMA integrity_check"));
        var members = await store.GetRelationsAsync(["org:pentagon"], [RelationType.MemberOf], Direction.Incoming, None);
        Assert.Equal(12_000 + TestWorld.Batch.Relations.Count(r => r.Type == RelationType.MemberOf && r.ToId == "org:pentagon"), members.Count);
        Assert.Contains("USING INDEX relations_to", string.Join(" ", Query(path,
            "EXPLAIN QUERY PLAN SELECT id FROM relations WHERE to_id = 'org:pentagon' AND type = 'MEMBER_OF'")));

        await store.ImportAsync(new GraphBatch([new Person("person:one-more", "One More", [], null, [])], []), null, None);
        Assert.Equal(afterVersion, Schema(path).Version);
    }

    [Fact]
    public async Task ALargeImportThatFailsLeavesTheRowsAndTheIndexesAsTheyWere()
    {
        var store = Open("bulk-failed.db");
        var path = files.PathOf("bulk-failed.db");
        await store.ImportAsync(TestWorld.Batch, null, None);
        var before = Schema(path);
        var stats = await store.GetStatsAsync(None);

        // The last relation points at a node that exists nowhere, so the write fails after every row went in.
        var (persons, memberships) = Bulk(12_000);
        var dangling = new Relation(RelationType.MemberOf, "person:bulk-00000", "org:nowhere", [], []);
        await Assert.ThrowsAsync<MissingReferenceException>(() => store.ImportAsync(new GraphBatch(persons, [.. memberships, dangling]), null, None));

        var after = Schema(path);
        Assert.Equal(before.Entries, after.Entries);
        Assert.Equal(before.Version, after.Version);
        var statsAfter = await store.GetStatsAsync(None);
        Assert.Equal((stats.Nodes, stats.Relations), (statsAfter.Nodes, statsAfter.Relations));
        Assert.Empty(await store.GetNodesAsync(["person:bulk-00000"], None));
        Assert.Equal(["ok"], Query(path, "PRAGMA integrity_check"));
    }

    /// <summary>Persons who are each a member of org:pentagon (a node of the test world).</summary>
    [Fact]
    public async Task ALargeImportChecksItsOwnReferencesAndLeavesForeignKeysOnForTheWritesAfterIt()
    {
        var store = Open("bulk-keys.db");
        var path = files.PathOf("bulk-keys.db");
        await store.ImportAsync(TestWorld.Batch, null, None);
        var (persons, memberships) = Bulk(12_000);
        await store.ImportAsync(new GraphBatch(persons, memberships), null, None);

        // Deleting a member takes its membership with it only while SQLite enforces foreign keys (ON DELETE CASCADE).
        Assert.True(await store.DeleteNodeAsync("person:bulk-00007", null, None));

        Assert.Equal(["0"], Query(path, "SELECT count(*) FROM relations WHERE from_id = 'person:bulk-00007'"));
        Assert.Equal(["11999"], Query(path, "SELECT count(*) FROM relations WHERE from_id GLOB 'person:bulk-*'"));
    }

    private static (List<Node> Persons, List<Relation> Memberships) Bulk(int count)
    {
        var persons = Enumerable.Range(0, count).Select(i => (Node)new Person($"person:bulk-{i:D5}", $"Bulk {i}", [], null, [])).ToList();
        var memberships = persons.Select(p => new Relation(RelationType.MemberOf, p.Id, "org:pentagon", [], [])).ToList();
        return (persons, memberships);
    }

    private static (List<string> Entries, string Version) Schema(string path) =>
        (Query(path, "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_schema ORDER BY type, name"),
            Query(path, "PRAGMA schema_version")[0]);

    private static List<string> Query(string path, string sql) => SqliteFile.Query(path, sql);

    public void Dispose() => files.Dispose();
}
