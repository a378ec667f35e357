using System.Runtime.InteropServices;
using ConflictGraph.Core.History;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.History;
using ConflictGraph.Sqlite.Reading;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Writing;

/// <summary>
/// Writes one batch, given whole or in chunks, in one transaction, with its change-log entries.
/// Anything that goes wrong (a dangling reference, a cancellation, a crash) leaves the file, log
/// included, exactly as it was. What it keeps
/// between chunks is counts and the few ids outside the batch it has found stored, not the items:
/// a reference to a node of the batch needs no look-up (the batch's nodes are all written before
/// its relations and facts), and a relation or fact is inserted first and merged with the stored
/// one only when the insert meets it.
/// </summary>
internal sealed class GraphWriter
{
    private const int ProgressEvery = 1000;

    private readonly WriteCommands commands;
    private readonly HistoryLog log;
    private readonly bool startedEmpty;
    private readonly Func<string, bool> inBatch;
    private readonly bool listChanges;
    private readonly ClaimCommands relationClaims;
    private readonly ClaimCommands factClaims;
    // Ids outside the batch found stored, so each is looked up once.
    private readonly HashSet<string> storedOutside = new(StringComparer.Ordinal);
    // Nodes' references to ids the batch did not hold yet when they were written: a batch validated as it is read learns
    // its ids as it goes, so these are checked once every node is in (CheckLaterReferences).
    private readonly List<(string Target, Referrer Where)> laterReferences = [];
    private readonly List<NodeChange> nodeChanges = [];
    private readonly List<RelationChange> relationChanges = [];
    // Into a store that held something: the events whose roll-up rows this write may change (EventRollup).
    // Into an empty store every event is the batch's and all are refreshed, so instead each event's
    // casualty estimate is folded in report by report, keyed by the event id's fingerprint (about 50
    // bytes an event with reports, neither the reports nor the ids).
    private readonly HashSet<string> touchedEvents = new(StringComparer.Ordinal);
    private readonly Dictionary<UInt128, CasualtyEstimate.Partial> estimates = [];
    private int created, updated, unchanged, relationsCreated, relationsUpdated, factsCreated, factsUpdated;

    private GraphWriter(WriteCommands commands, HistoryLog log, bool startedEmpty, Func<string, bool> inBatch, bool listChanges)
    {
        this.commands = commands;
        this.log = log;
        this.startedEmpty = startedEmpty;
        this.inBatch = inBatch;
        this.listChanges = listChanges;
        relationClaims = new ClaimCommands(commands.RelationClaims, commands.UpsertClaim, commands.UpdateStatus);
        factClaims = new ClaimCommands(commands.FactClaims, commands.UpsertFactClaim, commands.UpdateFactStatus);
    }

    /// <summary>A batch held whole (the importGraph mutation, tests).</summary>
    public static Task<ImportResult> ImportAsync(
        SqliteConnection connection, GraphBatch batch, WriteContext write, TimeProvider clock, bool logged, bool bulkLoads,
        CancellationToken cancellationToken)
    {
        var ids = batch.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        return ImportAsync(connection, One(batch), batch.Nodes.Count, batch.Relations.Count, ids.Contains, listChanges: true, write, clock, logged,
            bulkLoads, cancellationToken);
    }

    /// <summary>A validated batch read chunk by chunk from its source.</summary>
    public static Task<ImportResult> ImportAsync(
        SqliteConnection connection, GraphChunks chunks, WriteContext write, TimeProvider clock, bool logged, bool bulkLoads,
        CancellationToken cancellationToken) =>
        ImportAsync(connection, chunks.ReadAsync(cancellationToken), chunks.Nodes, chunks.Relations, chunks.Holds, chunks.ListsChanges, write, clock, logged,
            bulkLoads, cancellationToken);

    private static async Task<ImportResult> ImportAsync(
        SqliteConnection connection, IAsyncEnumerable<GraphBatch> chunks, long nodes, long relations, Func<string, bool> inBatch, bool listChanges,
        WriteContext write, TimeProvider clock, bool logged, bool bulkLoads, CancellationToken cancellationToken)
    {
        BulkLoad? bulk = null;
        // Every reference is checked before its row goes in (Require), exactly: SQLite's foreign-key check would look
        // each id up a second time. A large write goes without it; the pragma only takes effect outside a transaction.
        var checksItself = bulkLoads && nodes + relations >= BulkLoad.MinimumItems;
        if (checksItself) connection.Execute("PRAGMA foreign_keys = OFF");
        try
        {
            // Disposed, so rolled back unless committed, before the cache is given back below.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var stored = BulkLoad.StoredNodesAtMost(connection, transaction);
            bulk = bulkLoads ? BulkLoad.Begin(connection, transaction, nodes, relations, stored) : null;
            using var commands = bulk is null ? new WriteCommands(connection) : new WriteCommands(connection, BulkLoad.StagedSearch);
            using var log = new HistoryLog(connection, transaction, write, clock, logged);
            var writer = new GraphWriter(commands, log, startedEmpty: stored == 0, inBatch, listChanges);
            var phases = new PhaseClock(write.Phases);
            await writer.WriteAsync(ReadAhead.Of(Prepare(chunks, cancellationToken), blockSize: 1, blocks: 1, cancellationToken), write.Progress,
                cancellationToken);
            phases.Done("rows");
            bulk?.Finish(phases);
            if (stored == 0) EventRollup.RefreshAll(connection, transaction, writer.TallyOf);
            else EventRollup.Refresh(connection, transaction, writer.touchedEvents);
            phases.Done("roll-up rows");
            bulk?.FinishRollup(phases);
            var result = writer.Result();
            await transaction.CommitAsync(cancellationToken);
            phases.Done("commit");
            return result;
        }
        finally
        {
            bulk?.RestoreCache();
            if (checksItself) connection.Execute("PRAGMA foreign_keys = ON");
        }
    }

    /// <summary>
    /// The chunks with their nodes' rows made (bodies serialized, search texts folded). Run a chunk ahead on a second
    /// thread (<see cref="ReadAhead"/>), with the reading and parsing of the source, so this thread only writes.
    /// </summary>
    private static async IAsyncEnumerable<PreparedChunk> Prepare(
        IAsyncEnumerable<GraphBatch> chunks, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var chunk in chunks.WithCancellation(cancellationToken))
            yield return new PreparedChunk(chunk, chunk.Nodes.Select(NodeRow.Of).ToArray());
    }

    private sealed record PreparedChunk(GraphBatch Batch, NodeRow[] Rows);

    private async Task WriteAsync(IAsyncEnumerable<PreparedChunk> chunks, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var written = 0;
        void Step()
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (++written % ProgressEvery == 0) progress?.Report(written);
        }

        await foreach (var (chunk, rows) in chunks.WithCancellation(cancellationToken))
        {
            for (var i = 0; i < rows.Length; i++)
            {
                Write(chunk.Nodes[i], rows[i]);
                Step();
            }
            // Every node of the batch comes before its relations and facts.
            if (chunk.Relations.Count + chunk.Facts.Count > 0) CheckLaterReferences();
            foreach (var relation in chunk.Relations)
            {
                Write(relation);
                Step();
            }
            foreach (var fact in chunk.Facts)
            {
                Write(fact);
                Step();
            }
            progress?.Report(written);
        }
        CheckLaterReferences();
    }

    /// <summary>Once every node is written: the references that named a node the batch did not hold yet must now find it, in the batch or stored.</summary>
    private void CheckLaterReferences()
    {
        foreach (var (target, where) in laterReferences) Require(target, where);
        laterReferences.Clear();
    }

    private static async IAsyncEnumerable<GraphBatch> One(GraphBatch batch)
    {
        await Task.CompletedTask;
        yield return batch;
    }

    private ImportResult Result() => new(created, updated, unchanged, relationsCreated, relationsUpdated)
    {
        NodeChanges = nodeChanges,
        RelationChanges = relationChanges,
        FactsCreated = factsCreated,
        FactsUpdated = factsUpdated,
        BatchId = log.BatchId,
    };

    private void Write(Node node, NodeRow row)
    {
        // Into an empty store, a node is new unless this batch wrote its id already: insert first.
        var seq = startedEmpty ? Insert(node, row) : 0;
        if (seq == 0)
        {
            using (var reader = commands.NodeBody.With(node.Id).Rows())
            {
                seq = reader.Read() ? reader.GetInt64(0) : 0;
                if (seq != 0 && reader.GetString(2) != row.Kind)
                    throw new NodeKindConflictException(node.Id, EnumNames.Parse<NodeKind>(reader.GetString(2)), node.Kind);
                if (seq != 0 && reader.GetUtf8(1).SequenceEqual(row.Body))
                {
                    unchanged++;
                    return;
                }
                if (seq != 0) log.Record(HistoryChanges.NodeUpdated(node, reader.GetString(1)));
            }
            if (seq == 0) seq = Insert(node, row);
            else
            {
                Touch(node, stored: true);
                commands.UpdateNode.With(seq, row.Kind, row.Label, row.SubKind, row.DateStart, row.DateEnd, row.Body).Run();
                commands.DeleteReferences.With(node.Id).Run();
                commands.DeleteSearchRows(seq, row.Kind);
                updated++;
                if (listChanges) nodeChanges.Add(new NodeChange(node.Id, node.Kind, ChangeKind.Updated));
            }
        }
        foreach (var (field, target) in row.References)
        {
            // refs.target_id has no foreign key, so the row may go in before its target does.
            if (!inBatch(target) && !storedOutside.Contains(target)) laterReferences.Add((target, new Referrer("node", node.Id, field)));
            commands.InsertReference.With(node.Id, field, target).Run();
        }
        commands.InsertSearchRows(seq, row);
    }

    /// <summary>
    /// Notes the events whose roll-up rows a node's write changes: the event itself, those its casualty reports are about
    /// (into an empty store, where every event is refreshed: the reports folded into their events' estimates).
    /// </summary>
    private void Touch(Node node, bool stored)
    {
        if (startedEmpty)
        {
            if (node is not Statement written) return;
            foreach (var report in written.CasualtyReports)
            {
                ref var estimate = ref CollectionsMarshal.GetValueRefOrAddDefault(estimates, Fingerprint.Of(report.EventId), out _);
                estimate = estimate.With(report);
            }
            return;
        }
        if (node is Event) touchedEvents.Add(node.Id);
        if (node is not Statement statement) return;
        foreach (var report in statement.CasualtyReports) touchedEvents.Add(report.EventId);
        // An updated statement may no longer report on an event it did.
        if (!stored) return;
        using var reported = commands.ReportedEvents.With(node.Id).Rows();
        while (reported.Read()) touchedEvents.Add(reported.GetString(0));
    }

    /// <summary>An event's tally from the reports this write folded in (a write into an empty store).</summary>
    private CasualtyTally TallyOf(string eventId) =>
        estimates.TryGetValue(Fingerprint.Of(eventId), out var estimate) ? CasualtyTally.Of(estimate.Estimate) : CasualtyTally.Zero;

    /// <summary>Inserts the node; its seq, or 0 when the id is stored already.</summary>
    private long Insert(Node node, NodeRow row)
    {
        if (commands.InsertNode.With(row.Id, row.Kind, row.Label, row.SubKind, row.DateStart, row.DateEnd, row.Body).Inserted() is not { } seq) return 0;
        Touch(node, stored: false);
        created++;
        if (listChanges) nodeChanges.Add(new NodeChange(row.Id, node.Kind, ChangeKind.Created));
        log.Record(HistoryChanges.NodeCreated(node));
        return seq;
    }

    private void Write(Relation relation)
    {
        Require(relation.FromId, new Referrer("relation", relation.Id, "fromId"));
        Require(relation.ToId, new Referrer("relation", relation.Id, "toId"));
        foreach (var claim in relation.Claims) Require(claim.StatementId, new Referrer("relation", relation.Id, "claim"));

        var id = relation.Id;
        var outcome = ClaimWrites.Merge(relationClaims, id, relation.Claims,
            status => commands.InsertRelation.With(id, EnumNames.Of(relation.Type), relation.FromId, relation.ToId, status).Run() == 1);
        if (outcome is null) return;
        if (outcome.Change == ChangeKind.Created) relationsCreated++;
        else relationsUpdated++;
        if (!startedEmpty)
        {
            touchedEvents.Add(relation.FromId);
            touchedEvents.Add(relation.ToId);
        }
        if (listChanges) relationChanges.Add(new RelationChange(id, relation.Type, relation.FromId, relation.ToId, outcome.Change));
        log.Record(HistoryChanges.Of(
            outcome.Before is { } before ? relation with { Claims = before } : null, outcome.After is { } after ? relation with { Claims = after } : relation));
    }

    private void Write(Fact fact)
    {
        Require(fact.SubjectId, new Referrer("fact", fact.Id, "subjectId"));
        foreach (var claim in fact.Claims) Require(claim.StatementId, new Referrer("fact", fact.Id, "claim"));

        var id = fact.Id;
        var outcome = ClaimWrites.Merge(factClaims, id, fact.Claims,
            status => commands.InsertFact.With(id, fact.SubjectId, fact.Property, fact.Value, status).Run() == 1);
        if (outcome is null) return;
        if (!startedEmpty) touchedEvents.Add(fact.SubjectId);
        if (outcome.Change == ChangeKind.Created) factsCreated++;
        else factsUpdated++;
        log.Record(HistoryChanges.Of(outcome.Before is { } before ? fact with { Claims = before } : null, outcome.After is { } after ? fact with { Claims = after } : fact));
    }

    /// <summary>The node must be in this batch or already stored; <paramref name="where"/> names the reference only when it is not.</summary>
    private void Require(string id, Referrer where)
    {
        if (inBatch(id) || storedOutside.Contains(id)) return;
        if (commands.NodeExists.With(id).Int64() is null)
            throw new MissingReferenceException($"{where}: no node '{id}' in the batch or the store");
        storedOutside.Add(id);
    }

    /// <summary>
    /// Where a reference stands, as a missing reference's message names it (<c>node 'x' field eventId</c>, <c>relation r toId</c>):
    /// a value, so the text is made only for the message, not for each of the millions of references a large write checks.
    /// </summary>
    private readonly record struct Referrer(string Owner, string Id, string Field)
    {
        public override string ToString() => Owner == "node" ? $"node '{Id}' field {Field}" : $"{Owner} {Id} {Field}";
    }
}
