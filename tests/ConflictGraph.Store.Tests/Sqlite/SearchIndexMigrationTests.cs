using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Sqlite;
using ConflictGraph.Sqlite.Schema;
using ConflictGraph.Store.Tests.Conformance;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>Schema version 10: the full-text table keeps its index and no second copy of the texts, in new files and in migrated ones.</summary>
public sealed class SearchIndexMigrationTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TemporaryStores files = new("conflictgraph-search-");

    private const string TextTables = "SELECT name FROM sqlite_schema WHERE name = 'search_content'";

    [Fact]
    public async Task AFileWhoseSearchTableKeptItsTextsIsMigratedToAnIndexThatFindsTheSameAndKeepsUpWithWrites()
    {
        var path = files.PathOf("v9.db");
        List<string> before;
        List<Node> nodes;
        using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path }))
        {
            await store.ImportAsync(TestWorld.Batch, null, None);
            await store.ImportAsync(ClaimsWorld.Batch, null, None);
            nodes = await store.ExportNodesAsync(None).ToListAsync();
            before = await SearchesAsync(store, nodes);
        }
        Assert.Empty(SqliteFile.Query(path, TextTables));
        WriteAsVersion9(path, nodes);
        Assert.Equal(["search_content"], SqliteFile.Query(path, TextTables));

        using var migrated = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        OlderSchemas.AssertLatest(path);
        Assert.Empty(SqliteFile.Query(path, TextTables));
        Assert.Equal(before, await SearchesAsync(migrated, nodes));

        // Rows are replaced and deleted by rowid after the migration.
        var kirby = TestWorld.Kirby;
        await migrated.ImportAsync(new GraphBatch([kirby with { Name = "Jonathan Quillfeather" }], []), null, None);
        Assert.Equal([kirby.Id], (await migrated.SearchAsync("quillfeather", null, 10, None)).Select(h => h.NodeId));
        Assert.DoesNotContain(kirby.Id, (await migrated.SearchAsync("john", null, 10, None)).Select(h => h.NodeId));
        Assert.True(await migrated.DeleteNodeAsync(kirby.Id, null, None));
        Assert.Empty(await migrated.SearchAsync("quillfeather", null, 10, None));
        Assert.Equal(["ok"], SqliteFile.Query(path, "PRAGMA integrity_check"));
        Assert.Equal(["ok"], SqliteFile.Query(path, "INSERT INTO search (search, rank) VALUES ('integrity-check', 0); SELECT 'ok'", readOnly: false));
    }

    /// <summary>Every node's first word and its whole label searched, each hit with its rank.</summary>
    private static async Task<List<string>> SearchesAsync(SqliteGraphStore store, IEnumerable<Node> nodes)
    {
        var found = new List<string>();
        foreach (var text in nodes.SelectMany(n => new[] { n.Label.Split(' ')[0], n.Label }).Distinct())
            found.AddRange((await store.SearchAsync(text, null, 50, None)).Select(h => $"{text}: {h.NodeId} {h.Kind} {h.Score:R}"));
        Assert.NotEmpty(found);
        return found;
    }

    /// <summary>As version 9 left the file: the full-text table of version 1, which stores each text beside its index.</summary>
    private static void WriteAsVersion9(string path, IEnumerable<Node> nodes)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = OlderSchemas.Script(9,
                "DROP TABLE search; DROP TABLE search_names; CREATE VIRTUAL TABLE search USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2');");
            command.ExecuteNonQuery();
        }
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO search (rowid, text) SELECT seq, $text FROM nodes WHERE id = $id";
            var (id, text) = (insert.Parameters.Add("$id", SqliteType.Text), insert.Parameters.Add("$text", SqliteType.Text));
            foreach (var node in nodes)
            {
                (id.Value, text.Value) = (node.Id, SearchText.For(node));
                insert.ExecuteNonQuery();
            }
        }
        transaction.Commit();
    }

    public void Dispose() => files.Dispose();
}
