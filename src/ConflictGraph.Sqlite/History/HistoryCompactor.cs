using ConflictGraph.Core.History;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.History;

/// <summary>Folds old entries by the core's <see cref="HistoryCompaction"/> rule in one write transaction, and drops batches left empty.</summary>
internal static class HistoryCompactor
{
    public static async Task<CompactionResult> CompactAsync(SqliteConnection connection, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        SqliteCommand Command(string sql)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            return command;
        }

        long newest;
        await using (var head = Command(HistoryCounts.Newest)) newest = (long)(await head.ExecuteScalarAsync(cancellationToken))!;

        // Each target's entries in order, through history_by_target; what folds is collected first, then deleted.
        var folded = new List<(long Sequence, HistoryKind Kind, long Batch)>();
        await using (var walk = Command("SELECT h.seq, h.target_id, h.kind, b.at, h.batch FROM history h JOIN history_batches b ON b.seq = h.batch ORDER BY h.target_id, h.seq"))
        await using (var reader = await walk.ExecuteReaderAsync(cancellationToken))
        {
            var target = "";
            var entries = new List<(long Sequence, HistoryKind Kind, DateTimeOffset At)>();
            var batches = new Dictionary<long, long>();
            void Fold()
            {
                var kinds = entries.ToDictionary(e => e.Sequence, e => e.Kind);
                foreach (var sequence in HistoryCompaction.Folded(entries, cutoff, newest)) folded.Add((sequence, kinds[sequence], batches[sequence]));
                entries.Clear();
                batches.Clear();
            }
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetString(1) != target)
                {
                    Fold();
                    target = reader.GetString(1);
                }
                var sequence = reader.GetInt64(0);
                entries.Add((sequence, HistoryCodes.Kind(reader.GetInt64(2)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
                batches[sequence] = reader.GetInt64(4);
            }
            Fold();
        }

        await using (var delete = Command("DELETE FROM history WHERE seq = $seq"))
        {
            var parameter = delete.Parameters.Add(new SqliteParameter("$seq", 0L));
            foreach (var (sequence, _, _) in folded)
            {
                parameter.Value = sequence;
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await DropEmptyBatchesAsync(Command, folded.Select(f => f.Batch).Distinct(), cancellationToken);
        await using (var removed = Command(HistoryCounts.Removed))
        {
            removed.Parameters.AddWithValue("$removed", folded.Count);
            await removed.ExecuteNonQueryAsync(cancellationToken);
        }

        long remaining;
        await using (var count = Command(HistoryCounts.Entries)) remaining = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        await transaction.CommitAsync(cancellationToken);
        return new CompactionResult(cutoff, folded.GroupBy(f => f.Kind).ToDictionary(g => g.Key, g => g.Count()), remaining);
    }

    /// <summary>
    /// A batch's entries lie between its first sequence number and the next batch's, so whether any
    /// is left is one range seek on the log's key.
    /// </summary>
    private static async Task DropEmptyBatchesAsync(Func<string, SqliteCommand> command, IEnumerable<long> batches, CancellationToken cancellationToken)
    {
        await using var empty = command(
            "DELETE FROM history_batches WHERE seq = $batch AND NOT EXISTS (SELECT 1 FROM history WHERE seq >= history_batches.first_seq " +
            "AND seq < coalesce((SELECT n.first_seq FROM history_batches n WHERE n.seq > $batch ORDER BY n.seq LIMIT 1), 9223372036854775807))");
        var parameter = empty.Parameters.Add(new SqliteParameter("$batch", 0L));
        foreach (var batch in batches)
        {
            parameter.Value = batch;
            await empty.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
