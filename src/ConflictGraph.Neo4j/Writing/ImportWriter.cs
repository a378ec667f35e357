using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j.Cypher;
using ConflictGraph.Neo4j.Layout;
using ConflictGraph.Neo4j.Wire;

namespace ConflictGraph.Neo4j.Writing;

/// <summary>
/// One import inside one explicit transaction, sent in chunks of <see cref="Chunk"/> rows per
/// statement (UNWIND), so no request body grows with the batch: nodes, then the check that every
/// id the batch names exists, then the nodes' references, then relations and their claims. The
/// client holds only the batch and the change lists; the server holds the transaction's changes
/// until the commit makes them visible all at once.
/// </summary>
internal sealed class ImportWriter(Neo4jTransaction tx, GraphBatch batch, IProgress<int>? progress)
{
    /// <summary>Rows per statement: a request body of a few megabytes at most.</summary>
    public const int Chunk = 2000;

    private readonly List<NodeChange> nodeChanges = [];
    private readonly List<RelationChange> relationChanges = [];
    private readonly List<Node> written = [];
    private int unchanged;
    private int done;

    public async Task<ImportResult> RunAsync(CancellationToken ct)
    {
        foreach (var chunk in batch.Nodes.Chunk(Chunk)) await WriteNodesAsync(chunk, ct);
        await CheckReferencesAsync(ct);
        foreach (var chunk in written.Chunk(Chunk)) await WriteReferencesAsync(tx, chunk, ct);
        foreach (var chunk in batch.Relations.Chunk(Chunk)) await WriteRelationsAsync(chunk, ct);
        if (nodeChanges.Count + relationChanges.Count > 0) await tx.RunAsync(Statements.BumpVersion, null, ct);
        return new ImportResult(
            nodeChanges.Count(c => c.Change == ChangeKind.Created), nodeChanges.Count(c => c.Change == ChangeKind.Updated), unchanged,
            relationChanges.Count(c => c.Change == ChangeKind.Created), relationChanges.Count(c => c.Change == ChangeKind.Updated))
        {
            NodeChanges = nodeChanges,
            RelationChanges = relationChanges,
        };
    }

    private async Task WriteNodesAsync(Node[] chunk, CancellationToken ct)
    {
        var stored = (await tx.RunAsync(Statements.StoredBodies, new { ids = chunk.Select(n => n.Id).Distinct().ToList() }, ct)).Records
            .ToDictionary(r => r.String("id"), r => (Kind: Labels.KindOf(r.String("kind")), Body: r.String("body")));
        var changed = new List<(Node Node, Dictionary<string, object?> Row)>();
        foreach (var node in chunk)
        {
            var row = NodeProperties.Of(node);
            var body = (string)row["body"]!;
            var exists = stored.TryGetValue(node.Id, out var known);
            if (exists && known.Kind != node.Kind) throw new NodeKindConflictException(node.Id, known.Kind, node.Kind);
            if (exists && known.Body == body)
            {
                unchanged++;
                continue;
            }
            nodeChanges.Add(new NodeChange(node.Id, node.Kind, exists ? ChangeKind.Updated : ChangeKind.Created));
            // The same id again later in this chunk is compared with this write, not with what was stored.
            stored[node.Id] = (node.Kind, body);
            changed.Add((node, row));
        }
        await WriteNodesAsync(tx, changed, ct);
        written.AddRange(changed.Select(c => c.Node));
        progress?.Report(done += chunk.Length);
    }

    /// <summary>Writes nodes with one statement per kind, since a label is part of the statement's text.</summary>
    internal static async Task WriteNodesAsync(Neo4jTransaction tx, IEnumerable<(Node Node, Dictionary<string, object?> Row)> nodes, CancellationToken ct)
    {
        foreach (var kind in nodes.GroupBy(n => n.Node.Kind))
            await tx.RunAsync(Statements.WriteNodes(kind.Key), new { rows = kind.Select(n => n.Row).ToList() }, ct);
    }

    internal static async Task WriteReferencesAsync(Neo4jTransaction tx, IReadOnlyCollection<Node> nodes, CancellationToken ct)
    {
        // The last copy of a node repeated in the batch is the one stored.
        var rows = nodes.GroupBy(n => n.Id).Select(g => NodeProperties.ReferencesOf(g.Last())).ToList();
        if (rows.Count > 0) await tx.RunAsync(Statements.WriteReferences, new { rows }, ct);
    }

    private async Task CheckReferencesAsync(CancellationToken ct)
    {
        var ids = batch.Nodes.SelectMany(NodeReferences.Of).Select(r => r.TargetId)
            .Concat(batch.Relations.SelectMany(r => r.ClaimedBy.Concat(r.DisputedBy).Append(r.FromId).Append(r.ToId))).Distinct().ToList();
        foreach (var chunk in ids.Chunk(Chunk))
        {
            var missing = (await tx.RunAsync(Statements.MissingIds, new { ids = chunk }, ct)).Records.Select(r => r.String("id")).ToList();
            if (missing.Count > 0) throw new MissingReferenceException($"no node '{missing[0]}' in the batch or the store");
        }
    }

    private async Task WriteRelationsAsync(Relation[] chunk, CancellationToken ct)
    {
        var keys = chunk.Select(Key).Distinct().ToList();
        var existing = (await tx.RunAsync(Statements.RelationsByKeys, new { rels = keys }, ct)).Records
            .ToDictionary(r => r.String("id"), r => Rows.Claims(r["claims"]));
        var relations = new List<(Relation Relation, string Status)>();
        var claims = new List<Dictionary<string, object?>>();
        foreach (var relation in chunk)
        {
            var known = existing.TryGetValue(relation.Id, out var before);
            var merged = before is null ? new Dictionary<string, bool>(StringComparer.Ordinal) : new Dictionary<string, bool>(before, StringComparer.Ordinal);
            if (!ClaimMerge.Merge(merged, relation) && known) continue;
            claims.AddRange(merged.Where(c => before is null || !before.TryGetValue(c.Key, out var was) || was != c.Value)
                .Select(c => ClaimRows.Of(relation, c.Key, c.Value)));
            // The same relation again later in this chunk merges onto this write, not onto what was stored.
            existing[relation.Id] = merged;
            relations.Add((relation, EnumNames.Of(ClaimMerge.Status(merged))));
            relationChanges.Add(new RelationChange(relation.Id, relation.Type, relation.FromId, relation.ToId, known ? ChangeKind.Updated : ChangeKind.Created));
        }
        foreach (var type in relations.GroupBy(r => r.Relation.Type))
            await tx.RunAsync(Statements.WriteRelations(type.Key), new
            {
                rels = type.GroupBy(r => r.Relation.Id).Select(g => g.Last())
                    .Select(r => new { id = r.Relation.Id, fromId = r.Relation.FromId, toId = r.Relation.ToId, status = r.Status }).ToList(),
            }, ct);
        if (claims.Count > 0) await tx.RunAsync(Statements.WriteClaims, new { claims }, ct);
        progress?.Report(done += chunk.Length);
    }

    /// <summary>A relation's identity as the statements that find relations by identity take it.</summary>
    internal static object Key(Relation relation) => new { type = RelationshipTypes.Of(relation.Type), fromId = relation.FromId, toId = relation.ToId };
}
