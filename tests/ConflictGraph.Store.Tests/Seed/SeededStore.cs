using ConflictGraph.Core.Import;
using ConflictGraph.Core.Import.Sources;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Seed;

/// <summary>The repository's seed/ folder imported, through the one import path, into a fresh SQLite file.</summary>
public sealed class SeededStore : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("conflictgraph-seed-").FullName;
    private SqliteGraphStore? store;

    public IGraphStore Store => store ?? throw new InvalidOperationException("not initialized");

    public static string SeedFolder => Path.Combine(RepoPaths.Root, "seed");

    public async Task InitializeAsync()
    {
        store = new SqliteGraphStore(new SqliteStoreOptions { Path = Path.Combine(folder, "seed.db") });
        var files = Directory.GetFiles(SeedFolder, "*.json").Order(StringComparer.Ordinal).ToArray();
        await GraphImporter.ImportAsync(new JsonFileSource(files), store, null, null, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        store?.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }
}
