using System.Runtime.InteropServices;
using ConflictGraph.Sqlite;
using ConflictGraph.Sqlite.Reading;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>
/// Issue 11: reads stepped through SQLite's own API (<see cref="KeptStatement"/>) leave their kept statement reset, however the
/// read ended, so the pooled connection holds no read open for the next request and the statement answers it in full.
/// </summary>
public sealed class StatementRowsTests : IDisposable
{
    /// <summary>Counts to $n, in one step: it has no row to give until it has counted.</summary>
    private const string CountTo = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < $n) SELECT count(*) FROM c";

    /// <summary>The values of a JSON array, a row each; a malformed array fails at the first step.</summary>
    private const string Values = "SELECT value FROM json_each($list)";

    private readonly TemporaryStores files = new("conflictgraph-sqlite-rows-");

    private SqliteGraphStore NewStore() => new(new SqliteStoreOptions { Path = files.PathOf("rows.db") });

    private static List<long> ReadAll(SqliteConnection connection, string sql, string parameter, object value, CancellationToken cancellationToken = default)
    {
        using var command = connection.Command(sql);
        command.Parameters.AddWithValue(parameter, value);
        using var rows = command.Rows(cancellationToken);
        var read = new List<long>();
        while (rows.Read()) read.Add(rows.GetInt64(0));
        return read;
    }

    /// <summary>
    /// The connection holds no transaction, not even the read a statement opens at its first step and keeps until it is reset
    /// (SQLite's <c>sqlite3_txn_state</c>, which SQLitePCL does not wrap).
    /// </summary>
    private static void AssertNoneRunning(SqliteConnection connection) =>
        Assert.Equal(0, sqlite3_txn_state(connection.Handle!.DangerousGetHandle(), 0));

    [DllImport("e_sqlite3", ExactSpelling = true)]
    private static extern int sqlite3_txn_state(nint database, nint schema);

    [Fact]
    public async Task AnInterruptedStepLeavesTheKeptStatementResetForTheNextRequest()
    {
        using var store = NewStore();
        SqliteConnection first;
        using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200)))
        await using (first = store.Open(cancel.Token))
        {
            var error = Assert.Throws<SqliteException>(() => ReadAll(first, CountTo, "$n", long.MaxValue));
            Assert.Equal(SQLitePCL.raw.SQLITE_INTERRUPT, error.SqliteErrorCode);
            AssertNoneRunning(first);
        }

        await using var next = store.Open(CancellationToken.None);
        Assert.Same(first, next);
        Assert.Equal([200_000L], ReadAll(next, CountTo, "$n", 200_000L));
        AssertNoneRunning(next);
    }

    [Fact]
    public async Task AFailedStepThrowsTheStoresErrorAndTheStatementRunsAgain()
    {
        using var store = NewStore();
        await using var connection = store.Open(CancellationToken.None);

        var error = Assert.Throws<SqliteException>(() => ReadAll(connection, Values, "$list", "[1,2"));
        Assert.Contains("JSON", error.Message, StringComparison.OrdinalIgnoreCase);
        AssertNoneRunning(connection);

        Assert.Equal([1L, 2L, 3L], ReadAll(connection, Values, "$list", "[1,2,3]"));
    }

    [Fact]
    public async Task ARowsReadStoppedEarlyHoldsNoReadOpen()
    {
        using var store = NewStore();
        await using var connection = store.Open(CancellationToken.None);
        await using (var command = connection.Command(Values))
        {
            command.Parameters.AddWithValue("$list", "[1,2,3]");
            using var rows = command.Rows(CancellationToken.None);
            Assert.True(rows.Read());
        }

        AssertNoneRunning(connection);
        Assert.Equal([4L, 5L], ReadAll(connection, Values, "$list", "[4,5]"));
    }

    [Fact]
    public async Task AStatementParameterWithoutAValueIsAnErrorNamingIt()
    {
        using var store = NewStore();
        await using var connection = store.Open(CancellationToken.None);
        await using var command = connection.Command(Values);

        var error = Assert.Throws<InvalidOperationException>(() => command.Rows(CancellationToken.None));

        Assert.Contains("$list", error.Message);
        AssertNoneRunning(connection);
    }

    [Fact]
    public async Task TheSameStatementReadInsideItsOwnRowsRunsAsTwo()
    {
        using var store = NewStore();
        await using var connection = store.Open(CancellationToken.None);
        await using var outer = connection.Command(Values);
        outer.Parameters.AddWithValue("$list", "[10,20]");
        var sums = new List<long>();
        using (var rows = outer.Rows(CancellationToken.None))
            while (rows.Read())
                sums.Add(rows.GetInt64(0) + ReadAll(connection, Values, "$list", "[1,2]").Sum());

        Assert.Equal([13L, 23L], sums);
        AssertNoneRunning(connection);
    }

    [Fact]
    public async Task TextIsReadAsSqliteHoldsIt()
    {
        using var store = NewStore();
        await using var connection = store.Open(CancellationToken.None);
        await using var command = connection.Command("SELECT $text, NULL, ''");
        command.Parameters.AddWithValue("$text", "Ḥalab – حلب");
        using var rows = command.Rows(CancellationToken.None);

        Assert.True(rows.Read());
        Assert.Equal("Ḥalab – حلب", rows.GetString(0));
        Assert.True(rows.IsNull(1));
        Assert.False(rows.IsNull(2));
        Assert.Equal("", rows.GetString(2));
        Assert.False(rows.Read());
        Assert.False(rows.Read());
    }

    public void Dispose() => files.Dispose();
}
