using ConflictGraph.Core.History;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;
using ConflictGraph.Sqlite.Schema;
using ConflictGraph.Store.Tests.Conformance;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>What only the file store shows of the change log: its migration, its rows, and two writers on one file.</summary>
public sealed class ChangeLogFileTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TemporaryStores files = new("conflictgraph-log-");

    [Fact]
    public async Task AFileOfTheClaimsSchemaGetsAnEmptyLogAndItsHistoryStartsWithTheNextChange()
    {
        var path = files.PathOf("v2.db");
        var kirby = new Person("person:kirby", "John Kirby", [], null, []);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            Migrations.Apply(connection, 2);
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO nodes (id, kind, label, body) VALUES ('person:kirby', 'PERSON', 'John Kirby', $body)";
            command.Parameters.AddWithValue("$body", NodeJson.Serialize(kirby));
            command.ExecuteNonQuery();
        }

        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        Assert.Equal(0, await store.GetDataVersionAsync(None));
        Assert.Equal(0, (await store.FindHistoryAsync(new HistoryQuery(), new PageRequest(10), None)).TotalCount);
        await store.ImportAsync(new GraphBatch([kirby with { Description = "changed" }], []), new WriteContext("alice"), None);
        var entry = Assert.Single((await store.FindHistoryAsync(new HistoryQuery(), new PageRequest(10), None)).Items).Item;
        Assert.Equal((HistoryKind.NodeUpdated, "person:kirby"), (entry.Kind, entry.TargetId));
        Assert.Equivalent(kirby, HistoryJson.ParseNode(entry.Before!), strict: true);
        Assert.Equal(["ok"], SqliteFile.Query(path, "PRAGMA integrity_check"));
    }

    [Fact]
    public async Task ACreationStoresNoCopyOfWhatItCreatedAndNoKey()
    {
        var path = files.PathOf("rows.db");
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        await store.ImportAsync(TestWorld.Batch, new WriteContext("newsroom"), None);
        Assert.Equal([$"{TestWorld.Nodes.Count + TestWorld.Relations.Count}"], SqliteFile.Query(path, "SELECT count(*) FROM history WHERE before IS NULL"));
        Assert.Equal(["newsroom"], SqliteFile.Query(path, "SELECT writer FROM history_batches"));
    }

    [Fact]
    public async Task TwoStoresOnOneFileNumberTheirEntriesInCommitOrder()
    {
        var path = files.PathOf("shared.db");
        using var first = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        using var second = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        await first.ImportAsync(TestWorld.Batch, new WriteContext("first"), None);
        var writes = Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? first : second).ImportAsync(
            new GraphBatch([new Person($"person:p{i}", $"P {i}", [], null, [])], []), new WriteContext(i % 2 == 0 ? "first" : "second"), None));
        var results = await Task.WhenAll(writes);

        var tail = await first.ReadHistoryAsync(0, 1000, None);
        Assert.Equal(tail.Select(e => e.Sequence).Order(), tail.Select(e => e.Sequence));
        Assert.Equal(TestWorld.Nodes.Count + TestWorld.Relations.Count + 20, tail.Select(e => e.Sequence).Distinct().Count());
        // A batch's entries are contiguous: no other write's entry falls between them.
        foreach (var batch in tail.GroupBy(e => e.Batch.Id))
            Assert.Equal(batch.Count(), batch.Max(e => e.Sequence) - batch.Min(e => e.Sequence) + 1);
        Assert.Equal(results.Select(r => r.BatchId).Order(), tail.Skip(TestWorld.Nodes.Count + TestWorld.Relations.Count).Select(e => e.Batch.Id).Order());
        Assert.Equal(await first.GetDataVersionAsync(None), await second.GetDataVersionAsync(None));
    }

    [Fact]
    public async Task ARolledBackImportLeavesNeitherEntryNorBatch()
    {
        var path = files.PathOf("rollback.db");
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        await store.ImportAsync(TestWorld.Batch, null, None);
        var counts = SqliteFile.Query(path, "SELECT (SELECT count(*) FROM history) || '/' || (SELECT count(*) FROM history_batches)");
        var failing = new GraphBatch([new Person("person:late", "Late", [], null, [])], [TestWorld.Relation(RelationType.MemberOf, "person:late", "org:gone")]);
        await Assert.ThrowsAsync<MissingReferenceException>(() => store.ImportAsync(failing, null, None));
        Assert.Equal(counts, SqliteFile.Query(path, "SELECT (SELECT count(*) FROM history) || '/' || (SELECT count(*) FROM history_batches)"));
    }

    public void Dispose() => files.Dispose();
}
