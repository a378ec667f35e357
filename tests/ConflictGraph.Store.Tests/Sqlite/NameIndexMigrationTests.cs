using ConflictGraph.Core.Model;
using ConflictGraph.Sqlite;
using ConflictGraph.Sqlite.Schema;
using ConflictGraph.Store.Tests.Conformance;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>Schema version 11: the name index (search's first tier), in new files, in migrated ones, and kept by every write.</summary>
public sealed class NameIndexMigrationTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TemporaryStores files = new("conflictgraph-names-");

    [Fact]
    public async Task AVersion10FileGetsANameIndexThatRanksAsAFreshImportDoes()
    {
        using var fresh = await ImportedAsync("fresh.db");
        var path = files.PathOf("v10.db");
        List<Node> nodes;
        using (var store = await ImportedAsync("v10.db"))
            nodes = await store.ExportNodesAsync(None).ToListAsync();
        WriteAsVersion10(path);
        Assert.Empty(SqliteFile.Query(path, "SELECT name FROM sqlite_schema WHERE name = 'search_names'"));

        using var migrated = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        OlderSchemas.AssertLatest(path);
        var expected = await SearchesAsync(fresh, nodes);
        Assert.Contains(expected, h => h.Contains(" name "));
        Assert.Equal(expected, await SearchesAsync(migrated, nodes));
    }

    [Fact]
    public async Task WritesKeepTheNameIndexAsARebuildWouldMakeIt()
    {
        var path = files.PathOf("kept.db");
        List<Node> nodes;
        List<string> kept;
        using (var store = await ImportedAsync("kept.db"))
        {
            await store.ImportAsync(new GraphBatch([TestWorld.Kirby with { Name = "Jonathan Quillfeather", Aliases = ["JQ"] }], []), null, None);
            Assert.True(await store.DeleteNodeAsync("org:kh", null, None));
            nodes = await store.ExportNodesAsync(None).ToListAsync();
            kept = await SearchesAsync(store, nodes);
        }
        Assert.Contains("quillfeather: person:kirby name", string.Join("\n", kept).ToLowerInvariant());

        // The same rows made again from the stored nodes, by the migration's own step. The hits and
        // tiers are compared, not the scores: a contentless FTS5 table's row count and total length,
        // behind bm25's averages, are not lowered when a row is deleted, so a rebuilt one scores a little differently.
        WriteAsVersion10(path);
        using var rebuilt = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        Assert.Equal(Unscored(kept), Unscored(await SearchesAsync(rebuilt, nodes)));
        Assert.Equal(["ok"], SqliteFile.Query(path, "INSERT INTO search_names (search_names, rank) VALUES ('integrity-check', 0); SELECT 'ok'", readOnly: false));
    }

    private async Task<SqliteGraphStore> ImportedAsync(string name)
    {
        var store = new SqliteGraphStore(new SqliteStoreOptions { Path = files.PathOf(name) });
        await store.ImportAsync(TestWorld.Batch, null, None);
        await store.ImportAsync(ClaimsWorld.Batch, null, None);
        return store;
    }

    /// <summary>Every word of every label, and each whole label, searched: each hit with its tier and score.</summary>
    private static async Task<List<string>> SearchesAsync(SqliteGraphStore store, IEnumerable<Node> nodes)
    {
        var found = new List<string>();
        foreach (var text in nodes.SelectMany(n => n.Label.Split(' ').Append(n.Label)).Distinct())
            found.AddRange((await store.SearchAsync(text, null, 50, None)).Select(h => $"{text}: {h.NodeId} {(h.NameMatch ? "name" : "text")} {h.Score:R}"));
        return found;
    }

    private static List<string> Unscored(IEnumerable<string> hits) => hits.Select(h => h[..h.LastIndexOf(' ')]).ToList();

    /// <summary>As version 10 left the file: no name index.</summary>
    private static void WriteAsVersion10(string path) => OlderSchemas.Write(path, 10, "DROP TABLE search_names;");

    public void Dispose() => files.Dispose();
}
