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
/// Removes a node with its relations, the facts about it and its claims, and takes it out of every node that names it
/// (a statement's speaker, an organization's country, ...), in one transaction. The change log keeps all of it: the
/// node, each relation and fact as it was, each claim the node made elsewhere as withdrawn, each node that named it.
/// </summary>
internal static class NodeDeletion
{
    public static async Task<bool> DeleteAsync(SqliteConnection connection, string id, WriteContext write, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        SqliteCommand Command(string sql)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.Parameters.AddWithValue("$id", id);
            return command;
        }

        async Task<List<string>> IdsAsync(string sql)
        {
            var ids = new List<string>();
            await using var command = Command(sql);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
            return ids;
        }

        (string Kind, string Body, long Seq)? stored = null;
        await using (var node = Command("SELECT kind, body, seq FROM nodes WHERE id = $id"))
        await using (var reader = await node.ExecuteReaderAsync(cancellationToken))
            if (await reader.ReadAsync(cancellationToken)) stored = (reader.GetString(0), reader.GetString(1), reader.GetInt64(2));
        if (stored is not { } deleted) return false;

        // What goes with the node, read as it is before anything is removed.
        var relations = await RelationReads.QueryAsync(connection, "SELECT id, type, from_id, to_id FROM relations WHERE from_id = $id OR to_id = $id ORDER BY id",
            c => c.Parameters.AddWithValue("$id", id), cancellationToken, transaction);
        var facts = await FactReads.QueryAsync(connection, $"{FactReads.Columns} WHERE f.subject_id = $id ORDER BY f.id",
            c => c.Parameters.AddWithValue("$id", id), cancellationToken, transaction);
        // Relations and facts this statement claimed or disputed keep their other claims; their status follows.
        var gone = relations.Select(r => r.Id).Concat(facts.Select(f => f.Id)).ToHashSet(StringComparer.Ordinal);
        var cited = (await RelationReads.QueryAsync(connection, "SELECT id, type, from_id, to_id FROM relations WHERE id IN (SELECT relation_id FROM claims WHERE statement_id = $id) ORDER BY id",
            c => c.Parameters.AddWithValue("$id", id), cancellationToken, transaction)).Where(r => !gone.Contains(r.Id)).ToList();
        var citedFacts = (await FactReads.QueryAsync(connection, $"{FactReads.Columns} WHERE f.id IN (SELECT fact_id FROM fact_claims WHERE statement_id = $id) ORDER BY f.id",
            c => c.Parameters.AddWithValue("$id", id), cancellationToken, transaction)).Where(f => !gone.Contains(f.Id)).ToList();
        var referencing = await IdsAsync("SELECT DISTINCT node_id FROM refs WHERE target_id = $id AND node_id <> $id ORDER BY node_id");

        // Events whose roll-up rows change: those related to it, those it reported casualties of, and
        // the ends of relations (subjects of facts) whose claims it took part in; its own rows cascade.
        var touched = new HashSet<string>(StringComparer.Ordinal);
        await using (var around = Command(
            "SELECT to_id FROM relations WHERE from_id = $id UNION SELECT from_id FROM relations WHERE to_id = $id " +
            "UNION SELECT target_id FROM refs WHERE node_id = $id AND field = 'eventId'"))
        await using (var reader = await around.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) touched.Add(reader.GetString(0));

        using var commands = new WriteCommands(connection);
        commands.DeleteSearchRows(deleted.Seq, deleted.Kind);
        // Relations, facts about it, claims and the node's own references go with it (ON DELETE CASCADE).
        await using (var delete = Command("DELETE FROM nodes WHERE id = $id"))
            await delete.ExecuteNonQueryAsync(cancellationToken);

        using var log = new HistoryLog(connection, transaction, write, clock);
        log.Record(HistoryChanges.NodeDeleted(id, EnumNames.Parse<NodeKind>(deleted.Kind), deleted.Body));
        foreach (var relation in relations) log.Record(HistoryChanges.Of(relation, null));
        foreach (var fact in facts) log.Record(HistoryChanges.Of(fact, null));
        foreach (var relation in cited)
        {
            var after = relation with { Claims = relation.Claims.Where(c => c.StatementId != id).ToList() };
            commands.UpdateStatus.With(relation.Id, EnumNames.Of(after.Status)).Run();
            touched.UnionWith([relation.FromId, relation.ToId]);
            log.Record(HistoryChanges.Of(relation, after));
        }
        foreach (var fact in citedFacts)
        {
            var after = fact with { Claims = fact.Claims.Where(c => c.StatementId != id).ToList() };
            commands.UpdateFactStatus.With(fact.Id, EnumNames.Of(after.Status)).Run();
            touched.Add(fact.SubjectId);
            log.Record(HistoryChanges.Of(fact, after));
        }
        foreach (var node in (await NodeReads.ByIdsAsync(connection, referencing, cancellationToken, transaction)).OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            var rewritten = NodeReferences.Without(node, id);
            log.Record(HistoryChanges.NodeUpdated(rewritten, NodeJson.Serialize(node)));
            Rewrite(commands, rewritten);
        }

        touched.Remove(id);
        EventRollup.Refresh(connection, transaction, touched);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static void Rewrite(WriteCommands commands, Node node)
    {
        var row = NodeRow.Of(node);
        var seq = commands.NodeBody.With(node.Id).Int64()!.Value;
        commands.UpdateNode.With(seq, row.Kind, row.Label, row.SubKind, row.DateStart, row.DateEnd, row.Body).Run();
        commands.DeleteReferences.With(node.Id).Run();
        foreach (var (field, target) in row.References) commands.InsertReference.With(node.Id, field, target).Run();
        commands.DeleteSearchRows(seq, row.Kind);
        commands.InsertSearchRows(seq, row);
    }
}
