using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;
using ConflictGraph.Store.Tests.Conformance;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>A store call that reads in several statements sees one state of the file, whatever commits in between.</summary>
public sealed class ReadSnapshotTests : IDisposable
{
    private const int ReadColumn = 20; // SQLITE_READ: the authorizer's action for a column a statement reads
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TemporaryStores files = new("conflictgraph-sqlite-snapshot-");

    [Fact]
    public async Task ARelationKeepsTheClaimsOfTheStateItWasReadFrom()
    {
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = files.PathOf("snapshot.db") });
        await store.ImportAsync(TestWorld.Batch, null, None);
        // The event at the far end is deleted, with the relation and its claims, in the moment between
        // the read of the relations and the read of their claims: when SQLite compiles the claims statement.
        var deleted = 0;
        SQLitePCL.strdelegate_authorizer between = (_, action, table, _, _, _) =>
        {
            if (action == ReadColumn && table == "claims" && Interlocked.Exchange(ref deleted, 1) == 0)
                Assert.True(store.DeleteNodeAsync("event:drones", null, None).GetAwaiter().GetResult());
            return SQLitePCL.raw.SQLITE_OK;
        };
        store.ConnectionOpened = connection => SQLitePCL.raw.sqlite3_set_authorizer(connection.Handle, between, null);

        var read = Assert.Single(await store.GetRelationsAsync(["event:strikes"], [RelationType.RetaliationFor], Direction.Outgoing, None));

        Assert.Equal(1, deleted);
        Assert.Equal(["statement:kirby"], read.ClaimedBy);
        Assert.Equal(["statement:militia"], read.DisputedBy);
        store.ConnectionOpened = null;
        Assert.Empty(await store.GetRelationsAsync(["event:strikes"], [RelationType.RetaliationFor], Direction.Outgoing, None));
    }

    private static readonly NodeQuery AboutStrikes = new()
    {
        Kinds = [NodeKind.Statement], Order = NodeOrder.DateAsc, Statements = new StatementCriteria { AboutId = "event:strikes" },
    };

    /// <summary>A statement about the strikes that is not in the test world, dated after every statement in it.</summary>
    private static Statement Latecomer => new("statement:late", "A late word on the strikes.", Stance.Reports,
        FuzzyDate.Day(new DateOnly(2021, 6, 30)), null, "org:press", null, null, ["event:strikes"], "source:report", []);

    /// <summary>The statements the store's connections execute from now on, each time one starts to run, while <paramref name="watching"/> holds.</summary>
    private static List<string> TraceExecutions(SqliteGraphStore store, Func<bool> watching, Action<string>? starting = null)
    {
        var executed = new List<string>();
        SQLitePCL.strdelegate_trace trace = (_, sql) =>
        {
            if (!watching()) return;
            lock (executed) executed.Add(sql);
            starting?.Invoke(sql);
        };
        store.ConnectionOpened = connection => SQLitePCL.raw.sqlite3_trace(connection.Handle, trace, null);
        return executed;
    }

    [Fact]
    public async Task AnEventsStatementsWithoutTheirTotalAreOneStatementAndNoTransaction()
    {
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = files.PathOf("one.db") });
        var watching = false;
        var executed = TraceExecutions(store, () => watching);
        await store.ImportAsync(TestWorld.Batch, null, None);
        watching = true;

        var page = Assert.Single(await store.FindNodesAsync([(AboutStrikes, new PageRequest(500, CountTotal: false))], None));

        Assert.Equal(3, page.Items.Count);
        Assert.Null(page.TotalCount);
        // The page alone: no BEGIN and ROLLBACK around it (a statement reads one state by itself).
        Assert.True(executed.Count == 1, string.Join(" | ", executed));
        Assert.Contains("LIMIT", Assert.Single(executed));
    }

    [Fact]
    public async Task APageAndItsTotalComeFromTheStateBeforeAWriteCommittedBetweenThem()
    {
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = files.PathOf("total.db") });
        var watching = false;
        var written = 0;
        var executed = TraceExecutions(store, () => watching, sql =>
        {
            // A writer commits a new statement about the strikes after the total was counted, as the page starts.
            if (!sql.Contains("LIMIT") || Interlocked.Exchange(ref written, 1) != 0) return;
            watching = false;
            store.ImportAsync(new GraphBatch([Latecomer], []), null, None).GetAwaiter().GetResult();
            watching = true;
        });
        await store.ImportAsync(TestWorld.Batch, null, None);
        watching = true;

        var page = Assert.Single(await store.FindNodesAsync([(AboutStrikes, new PageRequest(500))], None));

        Assert.Equal(1, written);
        Assert.Equal(3, page.TotalCount);
        Assert.Equal(["statement:kirby", "statement:militia", "statement:monitor"], page.Items.Select(i => i.Item.Id).Order(StringComparer.Ordinal));
        Assert.Equal("BEGIN", executed[0]);
        watching = false;
        var after = Assert.Single(await store.FindNodesAsync([(AboutStrikes, new PageRequest(500))], None));
        Assert.Equal(4, after.TotalCount);
        Assert.Equal(4, after.Items.Count);
    }

    [Fact]
    public async Task ALevelsPagesReadTheStateItsFarEndsWereReadFromWithNoTransactionOfTheirOwn()
    {
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = files.PathOf("level.db") });
        var watching = false;
        var written = 0;
        var executed = TraceExecutions(store, () => watching, sql =>
        {
            // A writer commits a new statement about the strikes after the far ends' statement found its first row, as the page starts.
            if (!sql.Contains("node_refs") || Interlocked.Exchange(ref written, 1) != 0) return;
            watching = false;
            store.ImportAsync(new GraphBatch([Latecomer], []), null, None).GetAwaiter().GetResult();
            watching = true;
        });
        await store.ImportAsync(TestWorld.Batch, null, None);
        watching = true;
        ExpandRequest[] level = [new("event:strikes", [RelationType.OccurredIn], Direction.Outgoing, EndsOnly: true)];

        var found = await store.ExpandAsync(level, [], [(AboutStrikes, new PageRequest(500))], RowCap.None, None);

        Assert.Equal(1, written);
        Assert.NotEmpty(found.Nodes);
        var page = Assert.Single(found.Pages);
        Assert.Equal(3, page.TotalCount);
        Assert.Equal(["statement:kirby", "statement:militia", "statement:monitor"], page.Items.Select(i => i.Item.Id).Order(StringComparer.Ordinal));
        // The far ends, the page's total and the page: three statements in the far ends' implicit transaction, no BEGIN.
        Assert.True(executed.Count == 3 && !executed.Any(sql => sql is "BEGIN" or "ROLLBACK"), string.Join(" | ", executed));
        watching = false;
        var after = Assert.Single((await store.ExpandAsync(level, [], [(AboutStrikes, new PageRequest(500))], RowCap.None, None)).Pages);
        Assert.Equal(4, after.TotalCount);
        Assert.Equal(4, after.Items.Count);
    }

    public void Dispose() => files.Dispose();
}
