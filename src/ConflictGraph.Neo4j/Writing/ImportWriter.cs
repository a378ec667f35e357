using ConflictGraph.Core.History;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j.Cypher;
using ConflictGraph.Neo4j.Layout;
using ConflictGraph.Neo4j.Wire;

namespace ConflictGraph.Neo4j.Writing;

/// <summary>
/// One import inside one explicit transaction, read in the import's chunks and sent in
/// <see cref="Chunk"/> rows per statement (UNWIND), so neither the client's memory nor a request
/// body grows with the batch. A first reading writes the nodes, then relations and facts with
/// their claims, merged onto the stored ones by the core's <see cref="ClaimMerge"/>, checking that
/// every id outside the batch they name is stored; a second reading of the nodes writes their
/// references, once every node they may point at exists. Between the readings the client keeps
/// counts and a 16-byte fingerprint of each node it changed. With the references, each changed event's
/// killed tally, and that of each event a changed statement reports on before or after, is refreshed
/// (<see cref="EventTallies"/>). The server holds the transaction's
/// changes until the commit makes them visible all at once, so a very large import needs a server
/// whose transaction memory holds it: that is what all or nothing costs here.
/// </summary>
/// <remarks>Every change goes to <paramref name="history"/>, in the same transaction, a chunk of entries at a time.</remarks>
internal sealed class ImportWriter(Neo4jTransaction tx, Func<string, bool> inBatch, bool listChanges, HistoryRecorder history, IProgress<int>? progress)
{
    /// <summary>Rows per statement: a request body of a few megabytes at most.</summary>
    public const int Chunk = 2000;

    private readonly List<NodeChange> nodeChanges = [];
    private readonly List<RelationChange> relationChanges = [];
    private readonly HashSet<UInt128> changed = [];
    private int created, updated, unchanged, relationsCreated, relationsUpdated;
    private int factsCreated;
    private int factsUpdated;
    private int done;

    /// <param name="read">Reads the batch's chunks, every node before any relation or fact; called twice.</param>
    public async Task<ImportResult> RunAsync(Func<IAsyncEnumerable<GraphBatch>> read, CancellationToken ct)
    {
        await foreach (var batch in read().WithCancellation(ct))
        {
            foreach (var chunk in batch.Nodes.Chunk(Chunk)) await WriteNodesAsync(chunk, ct);
            await CheckOutsideAsync(batch.Nodes.SelectMany(NodeReferences.Of).Select(r => r.TargetId), ct);
            foreach (var chunk in batch.Relations.Chunk(Chunk)) await WriteRelationsAsync(chunk, ct);
            foreach (var chunk in batch.Facts.Chunk(Chunk)) await WriteFactsAsync(chunk, ct);
        }
        await foreach (var batch in read().WithCancellation(ct))
        {
            if (batch.Nodes.Count == 0) break;
            foreach (var chunk in batch.Nodes.Where(n => changed.Contains(Fingerprint.Of(n.Id))).Chunk(Chunk))
            {
                // An event's tally is refreshed after the chunk's references, again by each later chunk that names it; the last sees them all.
                var namedBefore = await EventTallies.NamedByStoredAsync(tx, chunk.OfType<Statement>().Select(s => s.Id), ct);
                await WriteReferencesAsync(tx, chunk, ct);
                await EventTallies.RefreshAsync(tx, namedBefore.Concat(EventTallies.NamedBy(chunk)), ct);
            }
        }
        var batchId = await history.FlushAsync(ct);
        return new ImportResult(created, updated, unchanged, relationsCreated, relationsUpdated)
        {
            BatchId = batchId,
            NodeChanges = nodeChanges,
            RelationChanges = relationChanges,
            FactsCreated = factsCreated,
            FactsUpdated = factsUpdated,
        };
    }

    private async Task WriteNodesAsync(Node[] chunk, CancellationToken ct)
    {
        var stored = (await tx.RunAsync(Statements.StoredBodies, new { ids = chunk.Select(n => n.Id).Distinct().ToList() }, ct)).Records
            .ToDictionary(r => r.String("id"), r => (Kind: Labels.KindOf(r.String("kind")), Body: r.String("body")));
        var writes = new List<(Node Node, Dictionary<string, object?> Row)>();
        var logged = new List<LoggedChange>();
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
            if (exists) updated++;
            else created++;
            if (listChanges) nodeChanges.Add(new NodeChange(node.Id, node.Kind, exists ? ChangeKind.Updated : ChangeKind.Created));
            logged.Add(exists ? HistoryChanges.NodeUpdated(node, known.Body) : HistoryChanges.NodeCreated(node));
            // The same id again later in this chunk is compared with this write, not with what was stored.
            stored[node.Id] = (node.Kind, body);
            changed.Add(Fingerprint.Of(node.Id));
            writes.Add((node, row));
        }
        await WriteNodesAsync(tx, writes, ct);
        await history.RecordAsync(logged, ct);
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

    /// <summary>Ids the batch does not hold must be stored already (every node of the batch is written before any relation or fact).</summary>
    private async Task CheckOutsideAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        foreach (var chunk in ids.Where(id => !inBatch(id)).Distinct().Chunk(Chunk))
        {
            var missing = (await tx.RunAsync(Statements.MissingIds, new { ids = chunk }, ct)).Records.Select(r => r.String("id")).ToList();
            if (missing.Count > 0) throw new MissingReferenceException($"no node '{missing[0]}' in the batch or the store");
        }
    }

    private async Task WriteRelationsAsync(Relation[] chunk, CancellationToken ct)
    {
        await CheckOutsideAsync(chunk.SelectMany(r => r.Claims.Select(c => c.StatementId).Append(r.FromId).Append(r.ToId)), ct);
        var keys = chunk.Select(Key).Distinct().ToList();
        var stored = (await tx.RunAsync(Statements.RelationsByKeys, new { rels = keys }, ct)).Records.Select(Rows.Relation).ToDictionary(r => r.Id);
        var merged = Merge(chunk, r => r.Id, id => stored.GetValueOrDefault(id)?.Claims, r => r.Claims, ClaimRows.Of, out var claims);
        // Counted per copy merged, as the change list has them: a relation created, then updated by its second copy.
        relationsCreated += merged.Count(m => !m.Known);
        relationsUpdated += merged.Count(m => m.Known);
        if (listChanges)
            foreach (var (relation, _, known, _, _) in merged)
                relationChanges.Add(new RelationChange(relation.Id, relation.Type, relation.FromId, relation.ToId, known ? ChangeKind.Updated : ChangeKind.Created));
        foreach (var type in merged.GroupBy(m => m.Item.Type))
            await tx.RunAsync(Statements.WriteRelations(type.Key), new
            {
                rels = type.GroupBy(m => m.Item.Id).Select(g => g.Last())
                    .Select(m => new { id = m.Item.Id, fromId = m.Item.FromId, toId = m.Item.ToId, status = m.Status }).ToList(),
            }, ct);
        if (claims.Count > 0) await tx.RunAsync(Statements.WriteClaims, new { claims }, ct);
        await history.RecordAsync(merged.SelectMany(m => HistoryChanges.Of(HistoryRecorder.With(m.Item, m.Before), m.Item with { Claims = m.After })), ct);
        progress?.Report(done += chunk.Length);
    }

    private async Task WriteFactsAsync(Fact[] chunk, CancellationToken ct)
    {
        await CheckOutsideAsync(chunk.SelectMany(f => f.Claims.Select(c => c.StatementId).Append(f.SubjectId)), ct);
        var stored = Rows.Facts(await tx.RunAsync(Statements.FactsByIds, new { ids = chunk.Select(f => f.Id).Distinct().ToList() }, ct)).ToDictionary(f => f.Id);
        var merged = Merge(chunk, f => f.Id, id => stored.GetValueOrDefault(id)?.Claims, f => f.Claims, ClaimRows.Of, out var claims);
        factsCreated += merged.Where(m => !m.Known).Select(m => m.Item.Id).Distinct().Count();
        factsUpdated += merged.Where(m => m.Known).Select(m => m.Item.Id).Distinct().Count();
        var facts = merged.GroupBy(m => m.Item.Id).Select(g => g.Last())
            .Select(m => new { id = m.Item.Id, subjectId = m.Item.SubjectId, property = m.Item.Property, value = m.Item.Value, status = m.Status }).ToList();
        if (facts.Count > 0) await tx.RunAsync(Statements.WriteFacts, new { facts }, ct);
        if (claims.Count > 0) await tx.RunAsync(Statements.WriteClaims, new { claims }, ct);
        await history.RecordAsync(merged.SelectMany(m => HistoryChanges.Of(HistoryRecorder.With(m.Item, m.Before), m.Item with { Claims = m.After })), ct);
        progress?.Report(done += chunk.Length);
    }

    /// <summary>
    /// Merges each item's claims onto what is stored (or onto its earlier copy in the chunk) by the core's
    /// rule. Returns the items that gained or changed a claim, or are new, with their status, whether
    /// they were known before (stored, or an earlier copy in the chunk), and their claims before (null when
    /// not known) and after this copy; <paramref name="claims"/> gets each new or changed claim once.
    /// </summary>
    private static List<(T Item, string Status, bool Known, IReadOnlyList<Claim>? Before, IReadOnlyList<Claim> After)> Merge<T>(
        IEnumerable<T> chunk, Func<T, string> idOf, Func<string, IReadOnlyList<Claim>?> storedClaims, Func<T, IReadOnlyList<Claim>> claimsOf,
        Func<T, Claim, Dictionary<string, object?>> claimRow, out List<Dictionary<string, object?>> claims)
    {
        var current = new Dictionary<string, Dictionary<string, Claim>>(StringComparer.Ordinal);
        var known = new HashSet<string>(StringComparer.Ordinal);
        var changed = new Dictionary<string, (T Item, Dictionary<string, Claim> Before)>(StringComparer.Ordinal);
        var merged = new List<(T, string, bool, IReadOnlyList<Claim>?, IReadOnlyList<Claim>)>();
        foreach (var item in chunk)
        {
            var id = idOf(item);
            if (!current.TryGetValue(id, out var positions))
            {
                var stored = storedClaims(id);
                if (stored is not null) known.Add(id);
                current[id] = positions = (stored ?? []).ToDictionary(c => c.StatementId, StringComparer.Ordinal);
            }
            var before = new Dictionary<string, Claim>(positions, StringComparer.Ordinal);
            if (!ClaimMerge.Merge(positions, claimsOf(item)) && known.Contains(id)) continue;
            // The same item again later in this chunk merges onto this write, not onto what was stored.
            if (!changed.TryGetValue(id, out var first)) changed[id] = (item, before);
            else changed[id] = (item, first.Before);
            var wasKnown = known.Contains(id);
            merged.Add((item, EnumNames.Of(ClaimMerge.Status(positions.Values)), wasKnown,
                wasKnown ? ClaimMerge.Ordered(before.Values) : null, ClaimMerge.Ordered(positions.Values)));
            known.Add(id);
        }
        claims = changed.Values.SelectMany(c => current[idOf(c.Item)].Values
            .Where(claim => !c.Before.TryGetValue(claim.StatementId, out var was) || was != claim)
            .Select(claim => claimRow(c.Item, claim))).ToList();
        return merged;
    }

    /// <summary>A relation's identity as the statements that find relations by identity take it.</summary>
    internal static object Key(Relation relation) => new { type = RelationshipTypes.Of(relation.Type), fromId = relation.FromId, toId = relation.ToId };
}
