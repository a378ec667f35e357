using ConflictGraph.Core.Import;
using ConflictGraph.Core.Import.Sources;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;
using ConflictGraph.Store.Tests.Sqlite;

namespace ConflictGraph.Store.Tests.Seed;

/// <summary>The repository's seed/ folder imported, through the one import path, into a fresh SQLite file.</summary>
public sealed class SeededStore : IAsyncLifetime
{
    private readonly TemporaryStores temporary = new("conflictgraph-seed-");
    private SqliteGraphStore? store;

    public IGraphStore Store => store ?? throw new InvalidOperationException("not initialized");

    public static string SeedFolder => Path.Combine(RepoPaths.Root, "seed");

    public async Task InitializeAsync()
    {
        store = temporary.Open("seed.db").Store;
        var files = Directory.GetFiles(SeedFolder, "*.json").Order(StringComparer.Ordinal).ToArray();
        await GraphImporter.ImportAsync(new JsonFileSource(files), store, null, null, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        temporary.Dispose();
        return Task.CompletedTask;
    }
}
