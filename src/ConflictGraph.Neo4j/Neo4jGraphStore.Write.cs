using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j.Cypher;
using ConflictGraph.Neo4j.Wire;
using ConflictGraph.Neo4j.Writing;

namespace ConflictGraph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <summary>
    /// The whole batch in one explicit transaction, so an import is all or nothing as on the embedded
    /// store. The idempotent import may be retried whole after a transient failure.
    /// </summary>
    public async Task<ImportResult> ImportAsync(GraphBatch batch, WriteContext? write, CancellationToken cancellationToken)
    {
        var progress = write?.Progress;
        await EnsureSchemaAsync(cancellationToken);
        var ids = batch.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        return await client.InTransactionAsync(
            (tx, ct) => new ImportWriter(tx, ids.Contains, listChanges: true, History(tx, write), progress).RunAsync(() => One(batch), ct), cancellationToken);
    }

    /// <summary>
    /// A validated batch read in the import's chunks, in one explicit transaction as above: the client
    /// holds one chunk at a time, the server the transaction's changes until the commit. A retry after
    /// a transient failure reads the source again from its start.
    /// </summary>
    public async Task<ImportResult> ImportAsync(GraphChunks chunks, WriteContext? write, CancellationToken cancellationToken)
    {
        var progress = write?.Progress;
        // The writer reads the chunks twice and checks each chunk's references as it goes, so it needs the batch
        // validated whole, and its ids known, before it starts (a batch validated by its reading is read once here first).
        await chunks.ValidateAsync(cancellationToken);
        await EnsureSchemaAsync(cancellationToken);
        return await client.InTransactionAsync(
            (tx, ct) => new ImportWriter(tx, chunks.Holds, chunks.ListsChanges, History(tx, write), progress).RunAsync(() => chunks.ReadAsync(ct), ct), cancellationToken);
    }

    private HistoryRecorder History(Neo4jTransaction tx, WriteContext? write) => new(tx, write ?? WriteContext.Unattributed, clock);

    private static async IAsyncEnumerable<GraphBatch> One(GraphBatch batch)
    {
        await Task.CompletedTask;
        yield return batch;
    }

    public async Task<bool> DeleteNodeAsync(string id, WriteContext? write, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        return await client.InTransactionAsync(
            (tx, ct) => NodeDeletion.DeleteAsync(tx, id, History(tx, write), ct), cancellationToken);
    }

    /// <summary>Removes every node and relation (the live conformance tests start each test from nothing).</summary>
    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        await client.WriteAsync(Statements.Clear, null, cancellationToken);
        ready = false;
        await EnsureSchemaAsync(cancellationToken);
    }
}
