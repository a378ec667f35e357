using ConflictGraph.Core.History;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.History;
using ConflictGraph.Sqlite.Reading;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Writing;

/// <summary>Takes one statement's claim off a relation or a fact, with its status and its log entry, in one transaction.</summary>
internal static class ClaimWithdrawals
{
    public static async Task<bool> WithdrawAsync(
        SqliteConnection connection, ClaimWithdrawal withdrawal, WriteContext write, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var relation = withdrawal.Target == HistoryTarget.Relation;
        Claimed? stored = relation
            ? (await RelationReads.QueryAsync(connection, "SELECT id, type, from_id, to_id FROM relations WHERE id = $id",
                c => c.Parameters.AddWithValue("$id", withdrawal.TargetId), cancellationToken, transaction)).SingleOrDefault()
            : (await FactReads.QueryAsync(connection, $"{FactReads.Columns} WHERE f.id = $id",
                c => c.Parameters.AddWithValue("$id", withdrawal.TargetId), cancellationToken, transaction)).SingleOrDefault();
        if (stored is null) throw new TargetNotFoundException(relation ? "relation" : "fact", withdrawal.TargetId);
        if (stored.Claims.All(c => c.StatementId != withdrawal.StatementId))
        {
            await using var statement = connection.CreateCommand();
            statement.Transaction = transaction;
            statement.CommandText = "SELECT 1 FROM nodes WHERE id = $id";
            statement.Parameters.AddWithValue("$id", withdrawal.StatementId);
            if (await statement.ExecuteScalarAsync(cancellationToken) is null) throw new TargetNotFoundException("statement", withdrawal.StatementId);
            return false;
        }

        var claims = stored.Claims.Where(c => c.StatementId != withdrawal.StatementId).ToList();
        Claimed after = stored switch
        {
            Relation r => r with { Claims = claims },
            Fact f => f with { Claims = claims },
            _ => throw new InvalidOperationException(),
        };
        var (table, key, owner) = relation ? ("claims", "relation_id", "relations") : ("fact_claims", "fact_id", "facts");
        await using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = $"DELETE FROM {table} WHERE {key} = $id AND statement_id = $statement; UPDATE {owner} SET status = $status WHERE id = $id";
            delete.Parameters.AddWithValue("$id", withdrawal.TargetId);
            delete.Parameters.AddWithValue("$statement", withdrawal.StatementId);
            delete.Parameters.AddWithValue("$status", EnumNames.Of(after.Status));
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        using (var log = new HistoryLog(connection, transaction, write, clock))
            log.Record(HistoryChanges.Of(stored, after));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
