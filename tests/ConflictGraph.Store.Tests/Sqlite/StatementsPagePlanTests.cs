using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Store.Tests.Conformance;
using ConflictGraph.Store.Tests.Sqlite.Plans;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>
/// The first page of an event's statements (every 2-level request reads one) is one walk of node_refs_by_date that
/// SQLite reads in the page's order: the statement builds no table and sorts nothing of its own.
/// </summary>
public sealed class StatementsPagePlanTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TemporaryStores files = new("conflictgraph-statements-page-");

    /// <summary>Each page's shape and the tables SQLite may build for it: stances are an IN list, a table of its own.</summary>
    public static TheoryData<string, int> Pages => new() { { "bodies", 0 }, { "keys", 0 }, { "stances", 1 } };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task AnEventsFirstStatementsPageBuildsNoTableAndSortsNothing(string shape, int lists)
    {
        var (store, path) = files.Open($"{shape}.db");
        var log = new StatementLog();
        log.Attach(store);
        await store.ImportAsync(TestWorld.Batch, null, None);
        var query = new NodeQuery
        {
            Kinds = [NodeKind.Statement], Order = NodeOrder.DateAsc,
            Statements = new StatementCriteria { AboutId = "event:strikes", Stances = shape == "stances" ? [Stance.Denies, Stance.Reports] : null },
        };
        log.Label = "page";

        var page = (await store.FindNodesAsync([(query, new PageRequest(500, CountTotal: false, KeysOnly: shape == "keys"))], None))[0];

        Assert.NotEmpty(page.Items);
        var sql = Assert.Single(log.Statements, s => s.Label == "page").Sql;
        Assert.Contains("node_refs", sql, StringComparison.Ordinal);
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var opcodes = QueryPlan.Opcodes(connection, sql);
        Assert.Contains("OpenRead", opcodes);
        // The merged dated and undated walks made three: each walk's sort for their UNION and the page's ORDER BY.
        Assert.Equal(lists, opcodes.Count(o => o == "OpenEphemeral"));
        Assert.DoesNotContain("SorterOpen", opcodes);
        var plan = QueryPlan.Explain(connection, sql);
        Assert.Contains(plan, r => r.Detail.StartsWith("SEARCH x USING COVERING INDEX node_refs_by_date (target_id=? AND field=? AND kind=?)", StringComparison.Ordinal));
        Assert.Empty(QueryPlan.Problems(sql, plan, listing: false));
    }

    /// <summary>
    /// An organization's first statements page (the actors page reads one an organization) is one walk of one range of
    /// node_refs_by_date, its statements kept under it (schema 21), read in the page's order: no list of its people, no
    /// merge of walks, nothing sorted. Before, it walked its own statements and its people's, listing the people from
    /// relations and node_refs, and sorted their rows to group and order them.
    /// </summary>
    [Fact]
    public async Task AnOrganizationsFirstStatementsPageIsOneWalkOfOneRange()
    {
        var (store, path) = files.Open("organization.db");
        var log = new StatementLog();
        log.Attach(store);
        await store.ImportAsync(TestWorld.Batch, null, None);
        var query = new NodeQuery { Kinds = [NodeKind.Statement], Order = NodeOrder.DateAsc, Statements = new StatementCriteria { OrganizationId = "org:pentagon" } };
        log.Label = "page";

        var page = (await store.FindNodesAsync([(query, new PageRequest(5, CountTotal: false, KeysOnly: true))], None))[0];

        Assert.NotEmpty(page.Items);
        var sql = Assert.Single(log.Statements, s => s.Label == "page").Sql;
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var plan = QueryPlan.Explain(connection, sql);
        var walk = Assert.Single(plan, r => r.Detail.Contains("node_refs", StringComparison.Ordinal));
        Assert.StartsWith("SEARCH x USING COVERING INDEX node_refs_by_date (target_id=? AND field=? AND kind=?)", walk.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(plan, r => r.Detail.Contains("relations", StringComparison.Ordinal));
        var opcodes = QueryPlan.Opcodes(connection, sql);
        Assert.DoesNotContain("SorterOpen", opcodes);
        Assert.DoesNotContain("OpenEphemeral", opcodes);
    }

    /// <summary>
    /// An organization's page walks its statements to the page's rows and no further: the page after a group reads as
    /// many rows whether its people said 10 things or 400. At 1M events each group's page costs what it costs at 10k bar the pages it reads
    /// (BENCHMARKS.md, "The nested counts at 1M: pages, not counting, session 29").
    /// </summary>
    [Fact]
    public async Task AnOrganizationsPageReadsAsManyRowsHoweverMuchItsPeopleSaid()
    {
        var few = await OrganizationPageSteps("few", 10);
        var many = await OrganizationPageSteps("many", 400);

        // Reading the 390 more statements costs SQLite several steps each; the page's own rows are the same.
        Assert.InRange(many - few, -50, 50);
    }

    /// <summary>SQLite's virtual-machine steps for the first page of org:pentagon's statements, its member Kirby having said <paramref name="said"/> more.</summary>
    private async Task<int> OrganizationPageSteps(string name, int said)
    {
        var (store, path) = files.Open($"{name}.db");
        var log = new StatementLog();
        log.Attach(store);
        await store.ImportAsync(TestWorld.Batch, null, None);
        var first = new DateOnly(2022, 1, 1);
        await store.ImportAsync(new GraphBatch(Enumerable.Range(0, said).Select(i => (Node)new Statement($"statement:said-{i:D3}", $"Remark {i}.",
            Stance.Asserts, FuzzyDate.Day(first.AddDays(i)), null, "person:kirby", null, null, [], null, [])).ToList(), []), null, None);
        var query = new NodeQuery { Kinds = [NodeKind.Statement], Order = NodeOrder.DateAsc, Statements = new StatementCriteria { OrganizationId = "org:pentagon" } };
        log.Label = "page";

        var page = (await store.FindNodesAsync([(query, new PageRequest(5, CountTotal: false, KeysOnly: true))], None))[0];

        Assert.Equal(5, page.Items.Count);
        var sql = Assert.Single(log.Statements, s => s.Label == "page").Sql;
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var db = connection.Handle!;
        Assert.Equal(SQLitePCL.raw.SQLITE_OK, SQLitePCL.raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            while (SQLitePCL.raw.sqlite3_step(statement) == SQLitePCL.raw.SQLITE_ROW) { }
            return SQLitePCL.raw.sqlite3_stmt_status(statement, SQLitePCL.raw.SQLITE_STMTSTATUS_VM_STEP, 0);
        }
    }

    public void Dispose() => files.Dispose();
}
