using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;
using ConflictGraph.Store.Tests.Conformance;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>The conformance suite on the embedded store, plus what only a file store has.</summary>
public sealed class SqliteGraphStoreTests : GraphStoreConformanceTests, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("conflictgraph-sqlite-").FullName;
    private readonly List<SqliteGraphStore> stores = [];

    protected override Task<IGraphStore> CreateEmptyStoreAsync() => Task.FromResult<IGraphStore>(Open($"{stores.Count}.db"));

    private SqliteGraphStore Open(string name)
    {
        var store = new SqliteGraphStore(new SqliteStoreOptions { Path = Path.Combine(folder, name) });
        stores.Add(store);
        return store;
    }

    [Fact]
    public async Task DataSurvivesReopeningTheFile()
    {
        var store = Open("kept.db");
        await store.ImportAsync(TestWorld.Batch, null, None);
        store.Dispose();
        var reopened = Open("kept.db");
        Assert.Equal(TestWorld.Nodes.Count, (await reopened.GetStatsAsync(None)).Nodes);
        Assert.Equal("org:kh", (await reopened.SearchAsync("kataib", null, 1, None))[0].NodeId);
    }

    [Fact]
    public void AFileFromANewerBuildIsRefusedWithAClearReason()
    {
        var path = Path.Combine(folder, "future.db");
        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        var error = Assert.Throws<StoreUnavailableException>(() => new SqliteGraphStore(new SqliteStoreOptions { Path = path }));
        Assert.Contains("schema version 99", error.Message);
    }

    [Fact]
    public async Task ReadsDuringAnImportSeeTheStateBeforeIt()
    {
        var store = Open("concurrent.db");
        await store.ImportAsync(TestWorld.Batch, null, None);
        var many = Enumerable.Range(0, 20_000).Select(i => (Node)new Person($"person:bulk-{i:D5}", $"Bulk {i}", [], null, [])).ToList();
        var reads = new List<int>();
        var progress = new SynchronousProgress(_ => reads.Add(store.GetStatsAsync(None).GetAwaiter().GetResult().Nodes));
        await store.ImportAsync(new GraphBatch(many, []), progress, None);
        Assert.NotEmpty(reads);
        Assert.All(reads, count => Assert.Equal(TestWorld.Nodes.Count, count));
        Assert.Equal(TestWorld.Nodes.Count + many.Count, (await store.GetStatsAsync(None)).Nodes);
    }

    public void Dispose()
    {
        foreach (var store in stores) store.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
