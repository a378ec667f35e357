using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;
using ConflictGraph.Sqlite.Reading;
using ConflictGraph.Store.Tests.Conformance;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>
/// A script of several statements (a migration step, a bulk import's derivations) stops at the first that fails and says so:
/// Microsoft.Data.Sqlite's ExecuteNonQuery runs the statements after the first that returns columns as its reader is
/// disposed and drops their errors there, and the caller would commit the statements before the failure.
/// </summary>
public sealed class ScriptErrorTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TemporaryStores files = new("conflictgraph-scripts-");

    [Fact]
    public void AScriptWhoseLaterStatementFailsThrowsAndItsTransactionKeepsNothing()
    {
        using var connection = new SqliteConnection($"Data Source={files.PathOf("script.db")};Pooling=False");
        connection.Open();
        using (var transaction = connection.BeginTransaction())
        {
            var error = Assert.Throws<SqliteException>(() =>
                connection.Execute("CREATE TABLE kept (x INTEGER) STRICT; INSERT INTO kept VALUES (1); SELECT count(*) FROM kept; INSERT INTO missing VALUES (2); INSERT INTO kept VALUES (3);", transaction));
            Assert.Contains("no such table: missing", error.Message);
        }
        using var check = connection.CreateCommand();
        check.CommandText = "SELECT count(*) FROM sqlite_schema WHERE name = 'kept'";
        Assert.Equal(0L, check.ExecuteScalar());
    }

    [Fact]
    public async Task AMigrationStepWhoseLaterStatementFailsLeavesTheFileAsItWas()
    {
        var (store, path) = files.Open("half.db", bulkLoads: false);
        await store.ImportAsync(TestWorld.Batch, null, None);
        store.Dispose();
        SqliteConnection.ClearAllPools();
        // Schema 14's step drops relations_from, then relations_to: a version-13 file without the second fails at that statement.
        SqliteFile.Query(path, "DROP INDEX relations_to; PRAGMA user_version = 13; SELECT 1", readOnly: false);
        var schema = SqliteFile.Query(path, "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_schema ORDER BY type, name");

        var error = Assert.Throws<StoreUnavailableException>(() => new SqliteGraphStore(new SqliteStoreOptions { Path = path, BulkLoads = false }));
        Assert.Contains("no such index: relations_to", error.Message);
        SqliteConnection.ClearAllPools();

        Assert.Equal(["13"], SqliteFile.Query(path, "PRAGMA user_version"));
        Assert.Equal(schema, SqliteFile.Query(path, "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_schema ORDER BY type, name"));
        Assert.Contains(schema, entry => entry.StartsWith("index relations_from ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SchemaTwentyThreesStepFailingAfterItDroppedTheTriggersLeavesTheVersion22FileAsItWas()
    {
        var (store, path) = files.Open("v22.db", bulkLoads: false);
        await store.ImportAsync(TestWorld.Batch, null, None);
        store.Dispose();
        OlderSchemas.Write(path, 22);
        // The step drops the organizations' triggers, then recounts: a count table without its statements column fails there.
        SqliteFile.Query(path, $"DROP TABLE {ConflictGraph.Sqlite.Schema.OrganizationStatements.Table}; " +
                               $"CREATE TABLE {ConflictGraph.Sqlite.Schema.OrganizationStatements.Table} (organization_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID; SELECT 1", readOnly: false);
        const string everything = "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_schema ORDER BY type, name";
        const string rows = "SELECT node_id, field, target_id FROM node_refs ORDER BY 1, 2, 3";
        var (schema, refs) = (SqliteFile.Query(path, everything), SqliteFile.Query(path, rows));
        Assert.Contains(schema, entry => entry.StartsWith("trigger organization_statement_refs_spoken ", StringComparison.Ordinal));

        var error = Assert.Throws<StoreUnavailableException>(() => new SqliteGraphStore(new SqliteStoreOptions { Path = path, BulkLoads = false }));
        Assert.Contains("no column named statements", error.Message);
        SqliteConnection.ClearAllPools();

        Assert.Equal(["22"], SqliteFile.Query(path, "PRAGMA user_version"));
        Assert.Equal(schema, SqliteFile.Query(path, everything));
        Assert.Equal(refs, SqliteFile.Query(path, rows));
    }

    public void Dispose() => files.Dispose();
}
