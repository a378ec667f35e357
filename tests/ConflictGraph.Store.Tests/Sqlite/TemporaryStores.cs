using ConflictGraph.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>SQLite stores in a temporary folder of a test class's own, each opened by name; disposing closes them all and deletes the folder.</summary>
internal sealed class TemporaryStores(string prefix) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory(prefix).FullName;
    private readonly List<SqliteGraphStore> stores = [];

    /// <summary>The file <paramref name="name"/> of the folder, for a store a test opens itself or a file it writes.</summary>
    public string PathOf(string name) => Path.Combine(folder, name);

    /// <summary>Opens (creating or migrating) the store in the file <paramref name="name"/> of the folder.</summary>
    public (SqliteGraphStore Store, string Path) Open(string name, bool bulkLoads = true)
    {
        var path = PathOf(name);
        var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path, BulkLoads = bulkLoads });
        stores.Add(store);
        return (store, path);
    }

    public void Dispose()
    {
        // Each store's Dispose clears its own connection pools; clearing every pool (SqliteConnection.ClearAllPools)
        // also closed the pooled connections of other tests' stores running in parallel.
        foreach (var store in stores) store.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
