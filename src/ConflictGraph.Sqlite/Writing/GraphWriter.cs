using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Writing;

/// <summary>
/// Writes one batch in one transaction. Anything that goes wrong (a dangling reference, a
/// cancellation, a crash) leaves the file exactly as it was.
/// </summary>
internal sealed class GraphWriter
{
    private const int ProgressEvery = 1000;

    private readonly WriteCommands commands;
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

    private GraphWriter(WriteCommands commands, bool startedEmpty)
    {
        this.commands = commands;
        this.startedEmpty = startedEmpty;
        relationClaims = new ClaimCommands(commands.RelationClaims, commands.UpsertClaim, commands.UpdateStatus);
        factClaims = new ClaimCommands(commands.FactClaims, commands.UpsertFactClaim, commands.UpdateFactStatus);
    }

    public static async Task<ImportResult> ImportAsync(
        SqliteConnection connection, GraphBatch batch, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        BulkLoad? bulk = null;
        try
        {
            // Disposed, so rolled back unless committed, before the cache is given back below.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            var stored = BulkLoad.StoredNodesAtMost(connection, transaction);
            bulk = BulkLoad.Begin(connection, transaction, batch, stored);
            return await WriteAsync(connection, transaction, bulk, startedEmpty: stored == 0, batch, progress, cancellationToken);
        }
        finally
        {
            bulk?.RestoreCache();
        }
    }

    private static async Task<ImportResult> WriteAsync(
        SqliteConnection connection, SqliteTransaction transaction, BulkLoad? bulk, bool startedEmpty, GraphBatch batch,
        IProgress<int>? progress, CancellationToken cancellationToken)
    {
        using var commands = new WriteCommands(connection, transaction);
        var writer = new GraphWriter(commands, startedEmpty);
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
        if (result.NodeChanges.Count + result.RelationChanges.Count + result.FactsCreated + result.FactsUpdated > 0) commands.BumpVersion.ExecuteNonQuery();
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
        var change = ClaimWrites.Merge(relationClaims, id, exists, relation.Claims,
            status => commands.InsertRelation.With(id, EnumNames.Of(relation.Type), relation.FromId, relation.ToId, status).ExecuteNonQuery());
        if (change is { } kind)
        {
            relationChanges.Add(new RelationChange(id, relation.Type, relation.FromId, relation.ToId, kind));
            touchedEvents.Add(relation.FromId);
            touchedEvents.Add(relation.ToId);
        }
    }

    private void Write(Fact fact)
    {
        Require(fact.SubjectId, $"fact {fact.Id} subjectId");
        foreach (var claim in fact.Claims) Require(claim.StatementId, $"fact {fact.Id} claim");

        var id = fact.Id;
        var exists = startedEmpty ? !writtenFacts.Add(id) : commands.FactExists.With(id).ExecuteScalar() is not null;
        var change = ClaimWrites.Merge(factClaims, id, exists, fact.Claims,
            status => commands.InsertFact.With(id, fact.SubjectId, fact.Property, fact.Value, status).ExecuteNonQuery());
        if (change is not null) touchedEvents.Add(fact.SubjectId);
        if (change == ChangeKind.Created) factsCreated++;
        else if (change == ChangeKind.Updated) factsUpdated++;
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
