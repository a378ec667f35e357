using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
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
    public async Task<ImportResult> ImportAsync(GraphBatch batch, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        RefusePendingClaimsModel(batch);
        await EnsureSchemaAsync(cancellationToken);
        return await client.InTransactionAsync((tx, ct) => new ImportWriter(tx, batch, progress).RunAsync(ct), cancellationToken);
    }

    public async Task<bool> DeleteNodeAsync(string id, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        return await client.InTransactionAsync(async (tx, ct) =>
        {
            if ((await tx.RunAsync(Statements.NodesByIds, new { ids = new[] { id } }, ct)).Rows.Count == 0) return false;
            // The relations this node's claims are on (when it is a statement) get their status again from the claims left.
            var claimed = (await tx.RunAsync(Statements.ClaimedRelations, new { id }, ct)).Records
                .Select(r => new { type = r.String("type"), fromId = r.String("fromId"), toId = r.String("toId") }).Distinct().ToList();
            var referencing = (await tx.RunAsync(Statements.Referencing, new { id }, ct)).Records
                .Select(r => NodeReferences.Without(Rows.Node(r), id)).ToList();
            foreach (var statement in Statements.DeleteNode) await tx.RunAsync(statement, new { id }, ct);
            await ImportWriter.WriteNodesAsync(tx, referencing.Select(n => (n, NodeProperties.Of(n))), ct);
            await ImportWriter.WriteReferencesAsync(tx, referencing, ct);
            if (claimed.Count > 0)
            {
                var withdrawn = Rows.Relations(await tx.RunAsync(Statements.RelationsByKeys, new { rels = claimed }, ct)).Select(r => new
                {
                    type = RelationshipTypes.Of(r.Type), fromId = r.FromId, toId = r.ToId, status = EnumNames.Of(r.Status),
                }).ToList();
                if (withdrawn.Count > 0) await tx.RunAsync(Statements.WriteStatuses, new { rels = withdrawn }, ct);
            }
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
