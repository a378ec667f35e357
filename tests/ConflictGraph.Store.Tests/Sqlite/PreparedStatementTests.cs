using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Store.Tests.Conformance;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;
using ConflictGraph.Sqlite.Reading;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>Issue 11: read connections stay open between requests and keep the statements they prepared.</summary>
public sealed class PreparedStatementTests : IDisposable
{
    private const string Sql = "SELECT $x + 1";
    private readonly TemporaryStores files = new("conflictgraph-sqlite-prepared-");

    private SqliteGraphStore NewStore(string name = "prepared.db") => new(new SqliteStoreOptions { Path = files.PathOf(name) });

    /// <summary>How many statements of an authorizer action (SELECT, BEGIN or ROLLBACK) the store's connections compile from now on.</summary>
    private static StrongBox<int> CountCompiled(SqliteGraphStore store, int action)
    {
        // SQLite asks the authorizer while it compiles a statement (at prepare, and at any prepare it repeats by itself), never while it runs one.
        var compiled = new StrongBox<int>();
        SQLitePCL.strdelegate_authorizer count = (_, asked, _, _, _, _) =>
        {
            if (asked == action) Interlocked.Increment(ref compiled.Value);
            return SQLitePCL.raw.SQLITE_OK;
        };
        // Setting an authorizer expires the connection's statements, so each connection gets it once.
        var watched = new HashSet<SqliteConnection>();
        store.ConnectionOpened = connection =>
        {
            lock (watched)
                if (watched.Add(connection)) SQLitePCL.raw.sqlite3_set_authorizer(connection.Handle, count, null);
        };
        return compiled;
    }

    private static async Task<long> AddOneAsync(SqliteConnection connection, long x)
    {
        await using var command = connection.Command(Sql);
        command.Parameters.AddWithValue("$x", x);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task AStatementRunByOneRequestIsStillPreparedForTheNext()
    {
        using var store = NewStore();
        SqliteCommand first, second;
        await using (var connection = store.Open(CancellationToken.None))
        {
            Assert.Equal(2L, await AddOneAsync(connection, 1));
            first = connection.Command(Sql);
            await first.DisposeAsync();
        }
        await using (var connection = store.Open(CancellationToken.None))
        {
            second = connection.Command(Sql);
            // Its parameters went with the last use: this one binds its own.
            Assert.Empty(second.Parameters);
            second.Parameters.AddWithValue("$x", 41L);
            Assert.Equal(42L, await second.ExecuteScalarAsync());
            await second.DisposeAsync();
        }

        Assert.Same(first, second);
    }

    [Fact]
    public async Task TheSameStatementOpenTwiceInOneRequestRunsAsTwoCommands()
    {
        using var store = NewStore();
        await using var connection = store.Open(CancellationToken.None);
        await using var outer = connection.Command("SELECT value FROM json_each('[1,2,3]')");
        await using var reader = await outer.ExecuteReaderAsync();
        var sums = new List<long>();
        while (await reader.ReadAsync())
        {
            await using var inner = connection.Command("SELECT value FROM json_each('[1,2,3]')");
            Assert.NotSame(outer, inner);
            sums.Add((long)(await inner.ExecuteScalarAsync())! + reader.GetInt64(0));
        }

        Assert.Equal([2L, 3L, 4L], sums);
    }

    [Fact]
    public async Task AConnectionHandedBackInsideATransactionIsClosedNotKept()
    {
        using var store = NewStore();
        var connection = store.Open(CancellationToken.None);
        var open = connection.BeginTransaction(deferred: true);
        // Handed back while the transaction is open (its owner forgot it): nobody may inherit it.
        await connection.DisposeAsync();
        GC.KeepAlive(open);

        await using var next = store.Open(CancellationToken.None);
        Assert.NotSame(connection, next);
        Assert.Equal(4L, await AddOneAsync(next, 3));
    }

    [Fact]
    public async Task OnlyTheMostRecentlyUsedStatementsStayPrepared()
    {
        using var store = NewStore();
        await using var connection = store.Open(CancellationToken.None);
        var read = Assert.IsType<ReadConnection>(connection);
        for (var i = 0; i < ReadConnection.MaxStatements + 10; i++)
        {
            await using var command = connection.Command($"SELECT {i}");
            Assert.Equal((long)i, await command.ExecuteScalarAsync());
        }

        Assert.Equal(ReadConnection.MaxStatements, read.PreparedCount);
        // The newest is kept, the oldest went.
        await using (var newest = connection.Command($"SELECT {ReadConnection.MaxStatements + 9}"))
            Assert.Equal(ReadConnection.MaxStatements, read.PreparedCount);
        await using (var oldest = connection.Command("SELECT 0"))
            Assert.Equal((long)0, await oldest.ExecuteScalarAsync());
    }

    [Fact]
    public async Task ReadsSeeAWriteCommittedAfterTheirStatementWasPrepared()
    {
        using var store = NewStore();
        var person = new Person("person:a", "First name", [], null, []);
        await store.ImportAsync(new GraphBatch([person], []), null, CancellationToken.None);
        Assert.Equal("First name", (await store.GetNodesAsync(["person:a"], CancellationToken.None))[0].Label);

        await store.ImportAsync(new GraphBatch([person with { Name = "Second name" }], []), null, CancellationToken.None);

        Assert.Equal("Second name", (await store.GetNodesAsync(["person:a"], CancellationToken.None))[0].Label);
    }

    [Fact]
    public async Task AReadConnectionMapsTheFileAndAWriteConnectionDoesNot()
    {
        using var store = NewStore();
        await using (var read = store.Open(CancellationToken.None))
        await using (var mapped = read.Command("PRAGMA mmap_size"))
            Assert.True((long)(await mapped.ExecuteScalarAsync())! > 0);
        await using var write = store.Open(CancellationToken.None, writing: true);
        await using var unmapped = write.CreateCommand();
        unmapped.CommandText = "PRAGMA mmap_size";
        Assert.Equal(0L, (long)(await unmapped.ExecuteScalarAsync())!);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(64)]
    [InlineData(SqliteStoreOptions.MaxReadMapMiB)]
    public async Task AReadConnectionMapsAsMuchAsTheOptionSays(int mebibytes)
    {
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = files.PathOf($"mapped-{mebibytes}.db"), ReadMapMiB = mebibytes });
        await store.ImportAsync(new GraphBatch([new Person("person:a", "A", [], null, [])], []), null, CancellationToken.None);
        await using (var read = store.Open(CancellationToken.None))
        await using (var mapped = read.Command("PRAGMA mmap_size"))
            Assert.Equal(mebibytes * 1024L * 1024, (long)(await mapped.ExecuteScalarAsync())!);
        Assert.Single(await store.GetNodesAsync(["person:a"], CancellationToken.None));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(SqliteStoreOptions.MaxReadMapMiB + 1)]
    public void AReadMappingOutsideWhatSqliteMapsIsRefused(int mebibytes) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteGraphStore(new SqliteStoreOptions { Path = files.PathOf("never.db"), ReadMapMiB = mebibytes }));

    [Fact]
    public async Task AKeptMappedConnectionReadsPagesTheFileGrewAfterItWasMapped()
    {
        using var store = NewStore();
        await store.ImportAsync(new GraphBatch([new Person("person:first", "First", [], null, [])], []), null, CancellationToken.None);
        Assert.Single(await store.GetNodesAsync(["person:first"], CancellationToken.None));
        var many = Enumerable.Range(0, 3_000).Select(i => (Node)new Person($"person:p{i:D5}", $"Person {i} {new string('x', 200)}", [], null, [])).ToList();

        await store.ImportAsync(new GraphBatch(many, []), null, CancellationToken.None);

        var found = await store.GetNodesAsync(["person:first", "person:p00000", "person:p02999"], CancellationToken.None);
        Assert.Equal(["person:first", "person:p00000", "person:p02999"], found.Select(n => n.Id).Order(StringComparer.Ordinal));
        Assert.StartsWith("Person 2999 ", found.Single(n => n.Id == "person:p02999").Label);
    }

    [Fact]
    public async Task PagesAndSearchesRunAgainWithoutBeingPreparedAgain()
    {
        using var store = NewStore();
        var compiled = CountCompiled(store, SQLitePCL.raw.SQLITE_SELECT);
        await store.ImportAsync(TestWorld.Batch, null, CancellationToken.None);
        var statements = new NodeQuery { Kinds = [NodeKind.Statement], Statements = new StatementCriteria { ActorId = "org:kh" }, Order = NodeOrder.DateAsc };
        var people = new NodeQuery { Kinds = [NodeKind.Person, NodeKind.Organization] };
        var after = new List<int>();
        foreach (var run in new[] { 1, 2, 1, 2 })
        {
            // Page sizes, cursors and search words change from run to run; the statements do not.
            var first = await store.FindNodesAsync([(statements, new PageRequest(run)), (people, new PageRequest(run))], CancellationToken.None);
            await store.FindNodesAsync([(statements, new PageRequest(run, first[0].EndCursor)), (people, new PageRequest(run, first[1].EndCursor))], CancellationToken.None);
            await store.SearchAsync(run == 1 ? "kataib" : "kirby", null, 10, CancellationToken.None);
            after.Add(compiled.Value);
        }

        Assert.True(after[1] > 0, string.Join(", ", after));
        // The third and fourth runs repeat the first two: nothing compiled again.
        Assert.True(after[1] == after[3], string.Join(", ", after));
    }

    [Fact]
    public async Task AReadTransactionIsNotCompiledAgainForEachRequest()
    {
        using var store = NewStore();
        // Microsoft.Data.Sqlite's own transaction compiles BEGIN and ROLLBACK at every store call.
        var compiled = CountCompiled(store, SQLitePCL.raw.SQLITE_TRANSACTION);
        await store.ImportAsync(TestWorld.Batch, null, CancellationToken.None);
        var statements = new NodeQuery { Kinds = [NodeKind.Statement], Statements = new StatementCriteria { ActorId = "org:kh" } };
        async Task ReadAsync()
        {
            var page = await store.FindNodesAsync([(statements, new PageRequest(2))], CancellationToken.None);
            Assert.NotEmpty(page[0].Items);
            var around = await store.ExpandAsync([new ExpandRequest("org:kh", null, Direction.Both)], [], [], RowCap.None, CancellationToken.None);
            Assert.NotEmpty(around.Relations);
        }
        await ReadAsync();
        var once = compiled.Value;

        for (var i = 0; i < 3; i++) await ReadAsync();

        Assert.True(once > 0, $"{once} transaction statements compiled by the first reads");
        Assert.Equal(once, compiled.Value);
    }

    [Fact]
    public async Task ADisposedStoreClosesItsReadConnections()
    {
        var path = files.PathOf("closed.db");
        var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        await store.GetNodesAsync(["person:nobody"], CancellationToken.None);
        store.Dispose();
        SqliteConnection.ClearAllPools();

        // Nothing holds the file: it can be replaced and opened afresh.
        File.Delete(path);
        using var again = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        Assert.Empty(await again.GetNodesAsync(["person:nobody"], CancellationToken.None));
    }

    public void Dispose() => files.Dispose();
}
