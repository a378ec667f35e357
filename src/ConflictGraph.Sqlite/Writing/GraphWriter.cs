using ConflictGraph.Core.History;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.History;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Writing;

/// <summary>
/// Writes one batch in one transaction, with its change-log entries. Anything that goes wrong (a
/// dangling reference, a cancellation, a crash) leaves the file, log included, exactly as it was.
/// </summary>
internal sealed class GraphWriter
{
    private const int ProgressEvery = 1000;

    private readonly WriteCommands commands;
    private readonly HistoryLog log;
    private readonly HashSet<string> known = new(StringComparer.Ordinal);
    private readonly List<NodeChange> nodeChanges = [];
    private readonly List<RelationChange> relationChanges = [];
    private int unchanged;

    private readonly HashSet<string> writtenRelations = new(StringComparer.Ordinal);
    private readonly HashSet<string> writtenFacts = new(StringComparer.Ordinal);
    private int factsCreated;
    private int factsUpdated;
    private readonly bool startedEmpty;

    private readonly ClaimCommands relationClaims;
    private readonly ClaimCommands factClaims;

    /// <summary>Events whose roll-up rows this write may change (<see cref="EventRollup"/>); ids of other kinds are skipped there.</summary>
    private readonly HashSet<string> touchedEvents = new(StringComparer.Ordinal);

    private GraphWriter(WriteCommands commands, HistoryLog log, bool startedEmpty)
    {
        this.commands = commands;
        this.log = log;
        this.startedEmpty = startedEmpty;
        relationClaims = new ClaimCommands(commands.RelationClaims, commands.UpsertClaim, commands.UpdateStatus);
        factClaims = new ClaimCommands(commands.FactClaims, commands.UpsertFactClaim, commands.UpdateFactStatus);
    }

    public static async Task<ImportResult> ImportAsync(
        SqliteConnection connection, GraphBatch batch, WriteContext write, TimeProvider clock, bool logged, CancellationToken cancellationToken)
    {
        BulkLoad? bulk = null;
        try
        {
            // Disposed, so rolled back unless committed, before the cache is given back below.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var stored = BulkLoad.StoredNodesAtMost(connection, transaction);
            bulk = BulkLoad.Begin(connection, transaction, batch, stored);
            using var log = new HistoryLog(connection, transaction, write, clock, logged);
            return await WriteAsync(connection, transaction, bulk, log, startedEmpty: stored == 0, batch, write.Progress, cancellationToken);
        }
        finally
        {
            bulk?.RestoreCache();
        }
    }

    private static async Task<ImportResult> WriteAsync(
        SqliteConnection connection, SqliteTransaction transaction, BulkLoad? bulk, HistoryLog log, bool startedEmpty, GraphBatch batch,
        IProgress<int>? progress, CancellationToken cancellationToken)
    {
        using var commands = new WriteCommands(connection, transaction);
        var writer = new GraphWriter(commands, log, startedEmpty);
        var written = 0;
        void Step()
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (++written % ProgressEvery == 0) progress?.Report(written);
        }

        foreach (var node in batch.Nodes)
        {
            writer.Write(node);
            Step();
        }
        foreach (var node in batch.Nodes)
            foreach (var reference in NodeReferences.Of(node))
                writer.Require(reference.TargetId, $"node '{node.Id}' field {reference.Field}");
        foreach (var relation in batch.Relations)
        {
            writer.Write(relation);
            Step();
        }
        foreach (var fact in batch.Facts)
        {
            writer.Write(fact);
            Step();
        }
        progress?.Report(written);

        bulk?.Finish();
        writer.RefreshRollup(connection, transaction, batch);
        var result = writer.Result();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Replaces the roll-up rows of the events this write touched. Into an empty store every report is
    /// in the batch, so the estimates come from it; otherwise from the statements as now stored.
    /// </summary>
    private void RefreshRollup(SqliteConnection connection, SqliteTransaction transaction, GraphBatch batch)
    {
        if (startedEmpty)
            EventRollup.Refresh(connection, transaction, touchedEvents,
                EventRollup.Tallies(batch.Nodes.OfType<Statement>().SelectMany(s => s.CasualtyReports)));
        else EventRollup.Refresh(connection, transaction, touchedEvents);
    }

    private ImportResult Result() => new(
        nodeChanges.Count(c => c.Change == ChangeKind.Created), nodeChanges.Count(c => c.Change == ChangeKind.Updated), unchanged,
        relationChanges.Count(c => c.Change == ChangeKind.Created), relationChanges.Count(c => c.Change == ChangeKind.Updated))
    {
        NodeChanges = nodeChanges,
        RelationChanges = relationChanges,
        FactsCreated = factsCreated,
        FactsUpdated = factsUpdated,
        BatchId = log.BatchId,
    };

    private void Write(Node node)
    {
        var row = NodeRow.Of(node);
        long seq = 0;
        // Into an empty store, only an id this batch already wrote can exist: nothing to look up.
        if (!startedEmpty || known.Contains(node.Id))
        {
            using var reader = commands.NodeBody.With(node.Id).ExecuteReader();
            seq = reader.Read() ? reader.GetInt64(0) : 0;
            if (seq != 0 && reader.GetString(2) != row.Kind)
                throw new NodeKindConflictException(node.Id, EnumNames.Parse<NodeKind>(reader.GetString(2)), node.Kind);
            if (seq != 0 && reader.GetString(1) == row.Body)
            {
                unchanged++;
                known.Add(node.Id);
                return;
            }
            if (seq != 0) log.Record(HistoryChanges.NodeUpdated(node.Id, node.Kind, reader.GetString(1)));
        }
        if (node is Event) touchedEvents.Add(node.Id);
        if (node is Statement statement)
        {
            foreach (var report in statement.CasualtyReports) touchedEvents.Add(report.EventId);
            // An updated statement may no longer report on an event it did.
            if (seq != 0)
            {
                using var reported = commands.ReportedEvents.With(node.Id).ExecuteReader();
                while (reported.Read()) touchedEvents.Add(reported.GetString(0));
            }
        }
        if (seq == 0)
        {
            seq = (long)commands.InsertNode.With(row.Id, row.Kind, row.Label, row.SubKind, row.DateStart, row.DateEnd, row.Body).ExecuteScalar()!;
            nodeChanges.Add(new NodeChange(node.Id, node.Kind, ChangeKind.Created));
            log.Record(HistoryChanges.NodeCreated(node.Id, node.Kind));
        }
        else
        {
            commands.UpdateNode.With(seq, row.Kind, row.Label, row.SubKind, row.DateStart, row.DateEnd, row.Body).ExecuteNonQuery();
            commands.DeleteReferences.With(node.Id).ExecuteNonQuery();
            commands.DeleteSearch.With(seq).ExecuteNonQuery();
            nodeChanges.Add(new NodeChange(node.Id, node.Kind, ChangeKind.Updated));
        }
        foreach (var (field, target) in row.References) commands.InsertReference.With(node.Id, field, target).ExecuteNonQuery();
        commands.InsertSearch.With(seq, row.SearchText).ExecuteNonQuery();
        known.Add(node.Id);
    }

    private void Write(Relation relation)
    {
        Require(relation.FromId, $"relation {relation.Id} fromId");
        Require(relation.ToId, $"relation {relation.Id} toId");
        foreach (var claim in relation.Claims) Require(claim.StatementId, $"relation {relation.Id} claim");

        var id = relation.Id;
        var exists = startedEmpty ? !writtenRelations.Add(id) : commands.RelationExists.With(id).ExecuteScalar() is not null;
        var outcome = ClaimWrites.Merge(relationClaims, id, exists, relation.Claims,
            status => commands.InsertRelation.With(id, EnumNames.Of(relation.Type), relation.FromId, relation.ToId, status).ExecuteNonQuery());
        if (outcome is null) return;
        relationChanges.Add(new RelationChange(id, relation.Type, relation.FromId, relation.ToId, outcome.Change));
        touchedEvents.Add(relation.FromId);
        touchedEvents.Add(relation.ToId);
        log.Record(HistoryChanges.Of(
            outcome.Before is { } before ? relation with { Claims = before } : null, outcome.After is { } after ? relation with { Claims = after } : relation));
    }

    private void Write(Fact fact)
    {
        Require(fact.SubjectId, $"fact {fact.Id} subjectId");
        foreach (var claim in fact.Claims) Require(claim.StatementId, $"fact {fact.Id} claim");

        var id = fact.Id;
        var exists = startedEmpty ? !writtenFacts.Add(id) : commands.FactExists.With(id).ExecuteScalar() is not null;
        var outcome = ClaimWrites.Merge(factClaims, id, exists, fact.Claims,
            status => commands.InsertFact.With(id, fact.SubjectId, fact.Property, fact.Value, status).ExecuteNonQuery());
        if (outcome is null) return;
        touchedEvents.Add(fact.SubjectId);
        if (outcome.Change == ChangeKind.Created) factsCreated++;
        else factsUpdated++;
        log.Record(HistoryChanges.Of(outcome.Before is { } before ? fact with { Claims = before } : null, outcome.After is { } after ? fact with { Claims = after } : fact));
    }

    /// <summary>The node must be in this batch or already stored.</summary>
    private void Require(string id, string where)
    {
        if (known.Contains(id)) return;
        if (commands.NodeExists.With(id).ExecuteScalar() is null)
            throw new MissingReferenceException($"{where}: no node '{id}' in the batch or the store");
        known.Add(id);
    }
}
