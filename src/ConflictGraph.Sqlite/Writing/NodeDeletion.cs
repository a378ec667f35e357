using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Sqlite.Reading;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Writing;

/// <summary>
/// Removes a node with its relations, the facts about it and its claims, and takes it out of every node that names it
/// (a statement's speaker, an organization's country, ...), in one transaction.
/// </summary>
internal static class NodeDeletion
{
    public static async Task<bool> DeleteAsync(SqliteConnection connection, string id, CancellationToken cancellationToken)
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

        await using (var exists = Command("SELECT 1 FROM nodes WHERE id = $id"))
            if (await exists.ExecuteScalarAsync(cancellationToken) is null) return false;

        // Relations this statement claimed or disputed keep their other claims; their status follows.
        var cited = new List<string>();
        await using (var claims = Command("SELECT relation_id FROM claims WHERE statement_id = $id"))
        await using (var reader = await claims.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) cited.Add(reader.GetString(0));

        var citedFacts = new List<string>();
        await using (var claims = Command("SELECT fact_id FROM fact_claims WHERE statement_id = $id"))
        await using (var reader = await claims.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) citedFacts.Add(reader.GetString(0));

        var referencing = new List<string>();
        await using (var refs = Command("SELECT DISTINCT node_id FROM refs WHERE target_id = $id AND node_id <> $id"))
        await using (var reader = await refs.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) referencing.Add(reader.GetString(0));

        // Events whose roll-up rows change: those related to it, those it reported casualties of, and
        // the ends of relations (subjects of facts) whose claims it took part in; its own rows cascade.
        var touched = new HashSet<string>(StringComparer.Ordinal);
        await using (var around = Command(
            "SELECT to_id FROM relations WHERE from_id = $id UNION SELECT from_id FROM relations WHERE to_id = $id " +
            "UNION SELECT target_id FROM refs WHERE node_id = $id AND field = 'eventId'"))
        await using (var reader = await around.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) touched.Add(reader.GetString(0));

        await using (var search = Command("DELETE FROM search WHERE rowid = (SELECT seq FROM nodes WHERE id = $id)"))
            await search.ExecuteNonQueryAsync(cancellationToken);
        // Relations, facts about it, claims and the node's own references go with it (ON DELETE CASCADE).
        await using (var delete = Command("DELETE FROM nodes WHERE id = $id"))
            await delete.ExecuteNonQueryAsync(cancellationToken);

        using var commands = new WriteCommands(connection, transaction);
        foreach (var node in await NodeReads.ByIdsAsync(connection, referencing, cancellationToken, transaction))
            Rewrite(commands, NodeReferences.Without(node, id));
        foreach (var relation in await RelationReads.ByIdsAsync(connection, cited, cancellationToken, transaction))
        {
            commands.UpdateStatus.With(relation.Id, EnumNames.Of(relation.Status)).ExecuteNonQuery();
            touched.UnionWith([relation.FromId, relation.ToId]);
        }
        foreach (var fact in await FactReads.QueryAsync(connection,
            $"{FactReads.Columns} WHERE f.id IN {Ids.In("$ids")}", c => Ids.Add(c, "$ids", citedFacts), cancellationToken, transaction))
        {
            commands.UpdateFactStatus.With(fact.Id, EnumNames.Of(fact.Status)).ExecuteNonQuery();
            touched.Add(fact.SubjectId);
        }

        touched.Remove(id);
        EventRollup.Refresh(connection, transaction, touched);
        commands.BumpVersion.ExecuteNonQuery();
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static void Rewrite(WriteCommands commands, Node node)
    {
        var row = NodeRow.Of(node);
        var seq = (long)commands.NodeBody.With(node.Id).ExecuteScalar()!;
        commands.UpdateNode.With(seq, row.Kind, row.Label, row.SubKind, row.DateStart, row.DateEnd, row.Body).ExecuteNonQuery();
        commands.DeleteReferences.With(node.Id).ExecuteNonQuery();
        foreach (var (field, target) in row.References) commands.InsertReference.With(node.Id, field, target).ExecuteNonQuery();
        commands.DeleteSearch.With(seq).ExecuteNonQuery();
        commands.InsertSearch.With(seq, row.SearchText).ExecuteNonQuery();
    }
}
