using ConflictGraph.Sqlite;
using ConflictGraph.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>A statement bound from a command's parameters by name (<see cref="RowStatement.Bound"/>), as the event export reads its rows.</summary>
public sealed class RowStatementTests : IDisposable
{
    private readonly TemporaryStores files = new("conflictgraph-sqlite-rowstatement-");

    private SqliteGraphStore NewStore() => new(new SqliteStoreOptions { Path = files.PathOf("rows.db") });

    [Fact]
    public async Task EachParameterOfTheSqlTakesTheValueOfItsNameAndValuesItDoesNotUseAreLeftOut()
    {
        using var store = NewStore();
        await using var connection = store.Open(CancellationToken.None);
        using var values = new SqliteCommand();
        values.Parameters.AddWithValue("$unused", "never bound");
        values.Parameters.AddWithValue("$b", 2L);
        values.Parameters.AddWithValue("$a", "x");
        values.Parameters.AddWithValue("$none", DBNull.Value);
        using var statement = RowStatement.Bound(connection, "SELECT $a || '-' || $b || '-' || $a, $none IS NULL, $none", values.Parameters);
        using var rows = statement.Rows();
        Assert.True(rows.Read());
        Assert.Equal("x-2-x"u8.ToArray(), rows.GetUtf8(0).ToArray());
        Assert.Equal(1L, rows.GetInt64(1));
        Assert.True(rows.IsNull(2));
        Assert.True(rows.GetUtf8(2).IsEmpty);
        Assert.False(rows.Read());
    }

    [Fact]
    public async Task AParameterWithNoValueIsRefusedByName()
    {
        using var store = NewStore();
        await using var connection = store.Open(CancellationToken.None);
        using var values = new SqliteCommand();
        values.Parameters.AddWithValue("$a", "x");
        var refused = Assert.Throws<ArgumentException>(() => RowStatement.Bound(connection, "SELECT $a, $missing", values.Parameters));
        Assert.Contains("$missing", refused.Message);
    }

    [Fact]
    public async Task SqlThatDoesNotCompileIsSqlitesOwnError()
    {
        using var store = NewStore();
        await using var connection = store.Open(CancellationToken.None);
        using var values = new SqliteCommand();
        Assert.Throws<SqliteException>(() => RowStatement.Bound(connection, "SELECT FROM nowhere", values.Parameters));
    }

    public void Dispose() => files.Dispose();
}
