using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Store.Tests.Conformance;
using ConflictGraph.Store.Tests.Sqlite.Plans;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>
/// A page of relations by type (the retaliations every 3-level request pages) cuts each relation's ends from its id,
/// which relations_by_type holds: the relations table's rows are not read (at 1M events they were random pages of the file).
/// </summary>
public sealed class RelationPageRowsTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TemporaryStores files = new("conflictgraph-relation-page-");

    [Fact]
    public async Task ARetaliationsPageTakesItsEndsFromTheIdsNotTheRows()
    {
        var (store, path) = files.Open("page.db");
        var log = new StatementLog();
        log.Attach(store);
        await store.ImportAsync(TestWorld.Batch, null, None);
        // Rows whose ends no longer agree with their ids: only a page that reads the rows would answer them.
        using (var writer = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            writer.Open();
            using var command = writer.CreateCommand();
            command.CommandText = "PRAGMA foreign_keys = OFF; UPDATE relations SET from_id = 'row:from', to_id = 'row:to' WHERE type = 'RETALIATION_FOR'";
            command.ExecuteNonQuery();
        }
        log.Label = "page";

        var page = await store.FindRelationsAsync(new RelationQuery { Types = [RelationType.RetaliationFor] }, new PageRequest(10, CountTotal: false), None);

        var relation = Assert.Single(page.Items).Item;
        Assert.Equal(("event:strikes", "event:drones"), (relation.FromId, relation.ToId));
        var sql = log.Statements.First(s => s.Label == "page" && s.Sql.Contains("FROM relations r", StringComparison.Ordinal)).Sql;
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        Assert.Contains(QueryPlan.Explain(connection, sql), r => r.Detail.StartsWith("SEARCH r USING INDEX relations_by_type (type=?", StringComparison.Ordinal));
        var opcodes = QueryPlan.Opcodes(connection, sql);
        // The row is sought only when a column of it is read (an id whose ends hold the arrow themselves).
        Assert.Contains("DeferredSeek", opcodes);
    }

    public void Dispose() => files.Dispose();
}
