using ConflictGraph.Core.Model;
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
    private readonly string folder = Directory.CreateTempSubdirectory("conflictgraph-sqlite-snapshot-").FullName;

    [Fact]
    public async Task ARelationKeepsTheClaimsOfTheStateItWasReadFrom()
    {
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = Path.Combine(folder, "snapshot.db") });
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

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
