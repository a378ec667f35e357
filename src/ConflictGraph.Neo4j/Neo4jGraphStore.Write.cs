using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j.Cypher;
using ConflictGraph.Neo4j.Wire;

namespace ConflictGraph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <summary>Rows sent per statement, so one request body stays a few megabytes at most.</summary>
    private const int Chunk = 2000;

    public async Task<ImportResult> ImportAsync(GraphBatch batch, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        RefusePendingClaimsModel(batch);
        await EnsureSchemaAsync(cancellationToken);
        // The import is idempotent, so a transient failure may safely retry the whole transaction.
        return await client.InTransactionAsync(async (tx, ct) =>
        {
            var written = 0;
            var nodeChanges = new List<NodeChange>();
            var unchanged = 0;
            foreach (var chunk in batch.Nodes.Chunk(Chunk))
            {
                var rows = chunk.Select(NodeProperties.Of).ToList();
                var stored = (await tx.RunAsync(Statements.StoredBodies, new { ids = chunk.Select(n => n.Id).ToList() }, ct)).Records
                    .ToDictionary(r => r.String("id"), r => (Kind: r.String("kind"), Body: r.String("body")));
                var changed = new List<Dictionary<string, object?>>();
                foreach (var (node, row) in chunk.Zip(rows))
                {
                    var exists = stored.TryGetValue(node.Id, out var known);
                    if (exists && known.Kind != EnumNames.Of(node.Kind))
                        throw new NodeKindConflictException(node.Id, EnumNames.Parse<NodeKind>(known.Kind), node.Kind);
                    if (exists && known.Body == (string)row["body"]!)
                    {
                        unchanged++;
                        continue;
                    }
                    nodeChanges.Add(new NodeChange(node.Id, node.Kind, exists ? ChangeKind.Updated : ChangeKind.Created));
                    // The same id again later in this chunk is compared with this write, not with what was stored.
                    stored[node.Id] = (EnumNames.Of(node.Kind), (string)row["body"]!);
                    changed.Add(row);
                }
                if (changed.Count > 0) await tx.RunAsync(Statements.WriteNodes, new { rows = changed }, ct);
                progress?.Report(written += chunk.Length);
            }

            var references = batch.Nodes.SelectMany(NodeReferences.Of).Select(r => r.TargetId)
                .Concat(batch.Relations.SelectMany(r => r.ClaimedBy.Concat(r.DisputedBy).Append(r.FromId).Append(r.ToId))).Distinct().ToList();
            foreach (var chunk in references.Chunk(Chunk))
            {
                var missing = (await tx.RunAsync(Statements.MissingIds, new { ids = chunk }, ct)).Records.Select(r => r.String("id")).ToList();
                if (missing.Count > 0) throw new MissingReferenceException($"no node '{missing[0]}' in the batch or the store");
            }

            var relationChanges = new List<RelationChange>();
            foreach (var chunk in batch.Relations.Chunk(Chunk))
            {
                var keys = chunk.Select(r => new { type = EnumNames.Of(r.Type), fromId = r.FromId, toId = r.ToId }).ToList();
                var existing = (await tx.RunAsync(Statements.ExistingRelations, new { rels = keys }, ct)).Records
                    .ToDictionary(r => r.String("id"), r => (Claimed: r.Strings("claimedBy"), Disputed: r.Strings("disputedBy")));
                var writes = new List<object>();
                foreach (var relation in chunk)
                {
                    var claims = new Dictionary<string, bool>(StringComparer.Ordinal);
                    var known = existing.TryGetValue(relation.Id, out var before);
                    if (known)
                    {
                        foreach (var s in before.Claimed) claims[s] = false;
                        foreach (var s in before.Disputed) claims[s] = true;
                    }
                    var changed = ClaimMerge.Merge(claims, relation);
                    if (known && !changed) continue;
                    var claimed = claims.Where(c => !c.Value).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
                    var disputed = claims.Where(c => c.Value).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
                    // The same relation again later in this chunk merges onto this write, not onto what was stored.
                    existing[relation.Id] = (claimed, disputed);
                    writes.Add(new
                    {
                        id = relation.Id, type = EnumNames.Of(relation.Type), fromId = relation.FromId, toId = relation.ToId,
                        status = EnumNames.Of(ClaimMerge.Status(claims)), claimedBy = claimed, disputedBy = disputed,
                    });
                    relationChanges.Add(new RelationChange(relation.Id, relation.Type, relation.FromId, relation.ToId, known ? ChangeKind.Updated : ChangeKind.Created));
                }
                if (writes.Count > 0) await tx.RunAsync(Statements.WriteRelations, new { rels = writes }, ct);
                progress?.Report(written += chunk.Length);
            }

            if (nodeChanges.Count + relationChanges.Count > 0) await tx.RunAsync(Statements.BumpVersion, null, ct);
            return new ImportResult(
                nodeChanges.Count(c => c.Change == ChangeKind.Created), nodeChanges.Count(c => c.Change == ChangeKind.Updated), unchanged,
                relationChanges.Count(c => c.Change == ChangeKind.Created), relationChanges.Count(c => c.Change == ChangeKind.Updated))
            {
                NodeChanges = nodeChanges,
                RelationChanges = relationChanges,
            };
        }, cancellationToken);
    }

    public async Task<bool> DeleteNodeAsync(string id, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        return await client.InTransactionAsync(async (tx, ct) =>
        {
            if ((await tx.RunAsync(Statements.NodesByIds, new { ids = new[] { id } }, ct)).Rows.Count == 0) return false;
            var cited = (await tx.RunAsync(Statements.CitedBy, new { ids = new[] { id } }, ct)).Records.Select(r => r.String("id")).ToList();
            var referencing = (await tx.RunAsync(Statements.Referencing, new { id }, ct)).Records
                .Select(r => NodeReferences.Without(NodeJson.Parse(r.String("kind"), r.String("body")), id)).ToList();
            await tx.RunAsync(Statements.DeleteNode, new { id }, ct);
            if (referencing.Count > 0) await tx.RunAsync(Statements.WriteNodes, new { rows = referencing.Select(NodeProperties.Of).ToList() }, ct);
            if (cited.Count > 0)
            {
                var withdrawn = (await tx.RunAsync(Statements.RelationsByIds, new { ids = cited }, ct)).Records.Select(r => new
                {
                    id = r.String("id"), type = r.String("type"), fromId = r.String("fromId"), toId = r.String("toId"),
                    claimedBy = r.Strings("claimedBy").Where(s => s != id).ToList(), disputedBy = r.Strings("disputedBy").Where(s => s != id).ToList(),
                }).Select(r => new
                {
                    r.id, r.type, r.fromId, r.toId, r.claimedBy, r.disputedBy,
                    status = EnumNames.Of(ClaimStatusRule.Of(r.claimedBy.Count, r.disputedBy.Count)),
                }).ToList();
                await tx.RunAsync(Statements.WriteRelations, new { rels = withdrawn }, ct);
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
