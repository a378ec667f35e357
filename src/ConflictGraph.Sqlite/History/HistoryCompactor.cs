using ConflictGraph.Core.History;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.History;

/// <summary>
/// Folds old entries by the core's <see cref="HistoryCompaction"/> rule in one write transaction, and drops batches left empty.
/// The log is walked a page of targets at a time (each with all its entries, along history_by_target) and what folds is
/// deleted page by page, so memory holds one page and the batches touched, not the log's outline.
/// </summary>
internal static class HistoryCompactor
{
    /// <summary>Targets per page of the walk.</summary>
    private const int PageTargets = 1000;

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

        var removed = new Dictionary<HistoryKind, int>();
        var folding = new HashSet<long>(); // batches that lost an entry: those left empty are dropped
        await using var walk = Command(
            "SELECT h.seq, h.target_id, h.kind, b.at, h.batch FROM history h JOIN history_batches b ON b.seq = h.batch " +
            "WHERE h.target_id IN (SELECT DISTINCT target_id FROM history WHERE target_id > $after ORDER BY target_id LIMIT $targets) ORDER BY h.target_id, h.seq");
        var after = walk.Parameters.AddWithValue("$after", "");
        walk.Parameters.AddWithValue("$targets", PageTargets);
        await using var delete = Command("DELETE FROM history WHERE seq = $seq");
        var sequenceToDelete = delete.Parameters.Add(new SqliteParameter("$seq", 0L));
        while (true)
        {
            var page = new List<(string Target, long Sequence, HistoryKind Kind, DateTimeOffset At, long Batch)>();
            await using (var reader = await walk.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken))
                    page.Add((reader.GetString(1), reader.GetInt64(0), HistoryCodes.Kind(reader.GetInt64(2)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                        reader.GetInt64(4)));
            if (page.Count == 0) break;
            var entries = page.ToDictionary(e => e.Sequence);
            foreach (var target in page.GroupBy(e => e.Target))
                foreach (var sequence in HistoryCompaction.Folded(target.Select(e => (e.Sequence, e.Kind, e.At)), cutoff, newest))
                {
                    sequenceToDelete.Value = sequence;
                    await delete.ExecuteNonQueryAsync(cancellationToken);
                    var (_, _, kind, _, batch) = entries[sequence];
                    removed[kind] = removed.GetValueOrDefault(kind) + 1;
                    folding.Add(batch);
                }
            after.Value = page[^1].Target;
        }

        await DropEmptyBatchesAsync(Command, folding, cancellationToken);
        await using (var removedCount = Command(HistoryCounts.Removed))
        {
            removedCount.Parameters.AddWithValue("$removed", removed.Values.Sum());
            await removedCount.ExecuteNonQueryAsync(cancellationToken);
        }

        long remaining;
        await using (var count = Command(HistoryCounts.Entries)) remaining = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        await transaction.CommitAsync(cancellationToken);
        return new CompactionResult(cutoff, removed, remaining);
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
