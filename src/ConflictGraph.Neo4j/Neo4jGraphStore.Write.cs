using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j.Cypher;
using ConflictGraph.Neo4j.Layout;
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
            (tx, ct) => new ImportWriter(tx, ids.Contains, listChanges: true, progress).RunAsync(() => One(batch), ct), cancellationToken);
    }

    /// <summary>
    /// A validated batch read in the import's chunks, in one explicit transaction as above: the client
    /// holds one chunk at a time, the server the transaction's changes until the commit. A retry after
    /// a transient failure reads the source again from its start.
    /// </summary>
    public async Task<ImportResult> ImportAsync(GraphChunks chunks, WriteContext? write, CancellationToken cancellationToken)
    {
        var progress = write?.Progress;
        await EnsureSchemaAsync(cancellationToken);
        return await client.InTransactionAsync(
            (tx, ct) => new ImportWriter(tx, chunks.Holds, chunks.ListsChanges, progress).RunAsync(() => chunks.ReadAsync(ct), ct), cancellationToken);
    }

    private static async IAsyncEnumerable<GraphBatch> One(GraphBatch batch)
    {
        await Task.CompletedTask;
        yield return batch;
    }

    public async Task<bool> DeleteNodeAsync(string id, WriteContext? write, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        return await client.InTransactionAsync(async (tx, ct) =>
        {
            if ((await tx.RunAsync(Statements.NodesByIds, new { ids = new[] { id } }, ct)).Rows.Count == 0) return false;
            // What this node's claims are on (when it is a statement): their status follows from the claims left.
            var targets = (await tx.RunAsync(Statements.ClaimTargets, new { id }, ct)).Records.ToList();
            var referencing = (await tx.RunAsync(Statements.Referencing, new { id }, ct)).Records
                .Select(r => NodeReferences.Without(Rows.Node(r), id)).ToList();
            foreach (var statement in Statements.DeleteNode) await tx.RunAsync(statement, new { id }, ct);
            await ImportWriter.WriteNodesAsync(tx, referencing.Select(n => (n, NodeProperties.Of(n))), ct);
            await ImportWriter.WriteReferencesAsync(tx, referencing, ct);
            var relations = targets.Where(t => t.NullableString("type") is not null)
                .Select(t => new { type = t.String("type"), fromId = t.String("fromId"), toId = t.String("toId") }).Distinct().ToList();
            if (relations.Count > 0)
                await tx.RunAsync(Statements.WriteStatuses, new
                {
                    rels = Rows.Relations(await tx.RunAsync(Statements.RelationsByKeys, new { rels = relations }, ct))
                        .Select(r => new { type = RelationshipTypes.Of(r.Type), fromId = r.FromId, toId = r.ToId, status = EnumNames.Of(r.Status) }).ToList(),
                }, ct);
            var facts = targets.Where(t => t.NullableString("type") is null).Select(t => t.String("targetId")).Distinct().ToList();
            if (facts.Count > 0)
                await tx.RunAsync(Statements.WriteFactStatuses, new
                {
                    facts = Rows.Facts(await tx.RunAsync(Statements.FactsByIds, new { ids = facts }, ct)).Select(f => new { id = f.Id, status = EnumNames.Of(f.Status) }).ToList(),
                }, ct);
            await tx.RunAsync(Statements.BumpVersion, null, ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>Removes every node and relation (the live conformance tests start each test from nothing).</summary>
    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        await client.WriteAsync(Statements.Clear, null, cancellationToken);
        ready = false;
        await EnsureSchemaAsync(cancellationToken);
    }
}
