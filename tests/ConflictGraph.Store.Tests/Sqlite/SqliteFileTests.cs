using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>
/// The tests' look into a file runs every statement of its text and says when one fails: the setup scripts that turn a
/// file back into an older schema are several statements, and one failing unseen would leave a test checking another file.
/// </summary>
public sealed class SqliteFileTests : IDisposable
{
    private readonly TemporaryStores files = new("conflictgraph-sqlitefile-");

    private string File()
    {
        var path = files.PathOf("file.db");
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE kept (x INTEGER) STRICT";
        command.ExecuteNonQuery();
        return path;
    }

    [Fact]
    public void AStatementThatFailsAfterAQueryThrows()
    {
        var path = File();
        // Microsoft.Data.Sqlite runs what follows the first query as its reader is disposed, and drops the error there.
        var error = Assert.Throws<SqliteException>(() => SqliteFile.Query(path, "SELECT count(*) FROM kept; INSERT INTO missing VALUES (1)", readOnly: false));
        Assert.Contains("no such table: missing", error.Message);
    }

    [Fact]
    public void EveryStatementRunsInOrderAndEveryQueryAnswers()
    {
        var path = File();
        Assert.Equal(["0", "1", "2 two"], SqliteFile.Query(path, """
            SELECT count(*) FROM kept; INSERT INTO kept VALUES (1); SELECT count(*) FROM kept;
            INSERT INTO kept VALUES (2); SELECT max(x), 'two' FROM kept
            """, readOnly: false));
        Assert.Equal(["1", "2"], SqliteFile.Query(path, "SELECT x FROM kept ORDER BY x"));
    }

    public void Dispose() => files.Dispose();
}
