using ConflictGraph.Cli.Generate;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;
using ConflictGraph.Sqlite.Schema;
using ConflictGraph.Sqlite.Writing;
using ConflictGraph.Store.Tests.Conformance;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>
/// Schema 15: the relation indexes by node carry the far end's seq and node_refs_by_date the naming node's, so a far end
/// or a page's statement is read by seq. Every stored key must be its node's seq whatever wrote it; an older file gains
/// the keys on open and answers as a fresh one; a migration that fails leaves the file as it was.
/// </summary>
public sealed class SeqKeysTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly GenerationSettings Generated = new(600, 5, EventsPerFile: 600);

    /// <summary>Relations and node_refs rows whose stored seq is not that of the node they name (both must be 0).</summary>
    private const string WrongKeys =
        "SELECT count(*) FROM relations r LEFT JOIN nodes f ON f.id = r.from_id LEFT JOIN nodes t ON t.id = r.to_id " +
        "WHERE f.seq IS NOT r.from_seq OR t.seq IS NOT r.to_seq UNION ALL " +
        "SELECT count(*) FROM node_refs x LEFT JOIN nodes n ON n.id = x.node_id WHERE n.seq IS NOT x.node_seq";

    private const string SchemaEntries = "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_schema ORDER BY type, name";

    private readonly TemporaryStores files = new("conflictgraph-seqkeys-");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EveryWriteKeepsTheStoredSeqsThoseOfTheirNodes(bool bulkLoads)
    {
        var (store, path) = files.Open($"kept-{bulkLoads}.db", bulkLoads);
        // Large enough to be a bulk import into the empty store when bulk loads are on (BulkLoad.MinimumItems).
        var large = Batch(new GenerationSettings(4_000, 5, EventsPerFile: 4_000));
        Assert.True(large.Nodes.Count + large.Relations.Count > BulkLoad.MinimumItems);
        await store.ImportAsync(large, null, None);
        Assert.Equal(["0", "0"], SqliteFile.Query(path, WrongKeys));
        Assert.NotEqual(["0"], SqliteFile.Query(path, "SELECT count(*) FROM relations"));

        await store.ImportAsync(TestWorld.Batch, null, None);
        await store.ImportAsync(ClaimsWorld.Batch, null, None);
        Assert.Equal(["0", "0"], SqliteFile.Query(path, WrongKeys));

        // The node with the highest seq deleted: SQLite gives its seq to the next node inserted, which must not inherit
        // anything of the deleted one's, and whose own relations and refs must carry it.
        var last = SqliteFile.Query(path, "SELECT id || ' ' || seq FROM nodes ORDER BY seq DESC LIMIT 1").Single().Split(' ');
        Assert.True(await store.DeleteNodeAsync(last[0], null, None));
        var newcomer = new Person("person:newcomer", "New Comer", [], null, []);
        var said = new Statement("statement:newcomer", "Newcomer on the strikes", Stance.Condemns, FuzzyDate.Day(new DateOnly(2026, 1, 2)), null,
            "person:newcomer", null, null, ["event:strikes"], null, []);
        await store.ImportAsync(new GraphBatch([newcomer],
            [new Relation(RelationType.MemberOf, "person:newcomer", "org:kh", [])]), null, None);
        Assert.Equal([last[1]], SqliteFile.Query(path, "SELECT seq FROM nodes WHERE id = 'person:newcomer'"));
        await store.ImportAsync(new GraphBatch([said], []), null, None);
        Assert.Equal(["0", "0"], SqliteFile.Query(path, WrongKeys));

        // Updates (a new date moves node_refs' dates, not its keys) and a deletion that rewrites the nodes naming it.
        await store.ImportAsync(new GraphBatch([said with { Date = FuzzyDate.Day(new DateOnly(2025, 5, 5)) }], []), null, None);
        Assert.True(await store.DeleteNodeAsync("org:kh", null, None));
        Assert.Equal(["0", "0"], SqliteFile.Query(path, WrongKeys));

        // What the reads by seq find: the newcomer's membership is gone with org:kh; its statement pages by date.
        var level = await store.ExpandAsync([new ExpandRequest("person:newcomer", null, Direction.Both, EndsOnly: true)], ["person:newcomer"],
            [(new NodeQuery { Kinds = [NodeKind.Statement], Order = NodeOrder.DateDesc, Statements = new StatementCriteria { SpeakerId = "person:newcomer" } },
                new PageRequest(5))], RowCap.None, None);
        Assert.Empty(level.Relations);
        Assert.Equal(["person:newcomer"], level.Nodes.Select(n => n.Id));
        Assert.Equal(["statement:newcomer"], level.Pages.Single().Items.Select(i => i.Item.Id));
    }

    [Fact]
    public async Task AVersion14FileGainsTheKeysOnOpenAndAnswersAsAFreshOne()
    {
        var (fresh, freshPath) = files.Open("fresh.db", bulkLoads: false);
        var batch = Batch(Generated);
        await fresh.ImportAsync(batch, null, None);
        var events = batch.Nodes.Where(n => n.Kind == NodeKind.Event).Select(n => n.Id).ToList();
        var expected = await AnswersAsync(fresh, events);
        Assert.Contains(expected, a => a.Contains(" by ") && a.Contains(" about statement:"));

        var (old, path) = files.Open("v14.db", bulkLoads: false);
        await old.ImportAsync(batch, null, None);
        old.Dispose();
        OlderSchemas.Write(path, 14);
        Assert.Empty(SqliteFile.Query(path, "SELECT name FROM pragma_table_info('relations') WHERE name LIKE '%seq'"));

        var (migrated, _) = files.Open("v14.db", bulkLoads: false);
        OlderSchemas.AssertLatest(path);
        Assert.Equal(SqliteFile.Query(freshPath, SchemaEntries), SqliteFile.Query(path, SchemaEntries));
        Assert.Equal(["0", "0"], SqliteFile.Query(path, WrongKeys));
        Assert.Equal(expected, await AnswersAsync(migrated, events));

        // Written to after the migration, by the trigger it made again.
        await migrated.ImportAsync(TestWorld.Batch, null, None);
        Assert.Equal(["0", "0"], SqliteFile.Query(path, WrongKeys));
    }

    [Fact]
    public async Task AMigrationThatFailsLeavesTheVersion14FileAsItWas()
    {
        var (store, path) = files.Open("failing.db", bulkLoads: false);
        await store.ImportAsync(TestWorld.Batch, null, None);
        store.Dispose();
        OlderSchemas.Write(path, 14);
        // A relation naming a node the file does not hold (written with foreign keys off): its seq cannot be found, so
        // the step fails after it has dropped indexes, added columns and filled some, and all of it must be rolled back.
        Assert.Equal(["1"], SqliteFile.Query(path, """
            PRAGMA foreign_keys = OFF;
            INSERT INTO relations (id, type, from_id, to_id, status) VALUES ('r:dangling', 'MEMBER_OF', 'person:kirby', 'org:gone', 'ASSERTED');
            SELECT count(*) FROM relations WHERE to_id = 'org:gone'
            """, readOnly: false));
        var schema = SqliteFile.Query(path, SchemaEntries);
        var relations = SqliteFile.Query(path, "SELECT * FROM relations ORDER BY id");
        var refs = SqliteFile.Query(path, "SELECT * FROM node_refs ORDER BY node_id, field, target_id");

        var error = Assert.Throws<StoreUnavailableException>(() => new SqliteGraphStore(new SqliteStoreOptions { Path = path, BulkLoads = false }));
        Assert.Contains("NOT NULL constraint failed: relations.to_seq", error.Message);
        SqliteConnection.ClearAllPools();

        Assert.Equal(["14"], SqliteFile.Query(path, "PRAGMA user_version"));
        Assert.Equal(schema, SqliteFile.Query(path, SchemaEntries));
        Assert.Equal(relations, SqliteFile.Query(path, "SELECT * FROM relations ORDER BY id"));
        Assert.Equal(refs, SqliteFile.Query(path, "SELECT * FROM node_refs ORDER BY node_id, field, target_id"));
    }

    /// <summary>For each event: its place and perpetrators (a level following relations to their ends) and the statements about it.</summary>
    private static async Task<List<string>> AnswersAsync(SqliteGraphStore store, IEnumerable<string> events)
    {
        var answers = new List<string>();
        foreach (var id in events)
        {
            var about = new NodeQuery { Kinds = [NodeKind.Statement], Order = NodeOrder.DateDesc, Statements = new StatementCriteria { AboutId = id } };
            var level = await store.ExpandAsync(
                [new ExpandRequest(id, [RelationType.OccurredIn], Direction.Outgoing, EndsOnly: true),
                 new ExpandRequest(id, [RelationType.CarriedOut], Direction.Incoming, EndsOnly: true)],
                [id], [(about, new PageRequest(3))], RowCap.None, None);
            var page = level.Pages.Single();
            answers.Add($"{id} in {string.Join(",", level.Relations.Select(r => $"{r.Id}/{r.Status}"))} " +
                        $"by {string.Join(",", level.Nodes.OrderBy(n => n.Id, StringComparer.Ordinal).Select(n => NodeJson.Serialize(n)))} " +
                        $"about {string.Join(",", page.Items.Select(i => $"{i.Item.Id}@{i.Cursor}"))} of {page.TotalCount} more {page.HasNextPage}");
        }
        return answers;
    }

    private static GraphBatch Batch(GenerationSettings settings) => GraphInputMapper.ToBatch(GraphGenerator.Whole(settings));

    public void Dispose() => files.Dispose();
}
