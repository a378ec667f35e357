using ConflictGraph.Core.History;
using ConflictGraph.Sqlite.Reading;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.History;

/// <summary>
/// Reads the change log. An entry stores its target's 'before' only; its 'after' is the 'before'
/// of the next entry for the same target (one seek on history_by_target), or, for the newest
/// entry of a target, the target as stored now; a deletion has none.
/// </summary>
internal static class HistoryReads
{
    private const string Columns = "h.seq, h.kind, h.target_kind, h.target_id, h.statement_id, b.id, b.writer, b.at, b.first_seq, h.about";

    /// <summary>Entries after a sequence number, oldest first, without before and after.</summary>
    public static async Task<IReadOnlyList<HistoryEntry>> TailAsync(SqliteConnection connection, long after, int limit, CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"SELECT {Columns} FROM history h JOIN history_batches b ON b.seq = h.batch WHERE h.seq > $after ORDER BY h.seq LIMIT {Statements.Limit(limit)}");
        command.Parameters.AddWithValue("$after", after);
        var batches = new Dictionary<string, HistoryBatch>(StringComparer.Ordinal);
        var entries = new List<HistoryEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) entries.Add(Entry(reader, batches));
        return entries;
    }

    /// <summary>The entries <paramref name="where"/> selects (over history h), oldest first, with before and after.</summary>
    /// <param name="limit">At most this many; null for all.</param>
    public static async Task<IReadOnlyList<HistoryEntry>> WithStatesAsync(
        SqliteConnection connection, SqliteTransaction transaction, string where, Action<SqliteCommand> bind, long? limit, CancellationToken cancellationToken)
    {
        var entries = new List<HistoryEntry>();
        var newest = new List<int>();
        await using (var command = connection.Command(
                $"SELECT {Columns}, h.before, nx.seq IS NOT NULL, nx.before FROM (" +
                "SELECT h.*, (SELECT n.seq FROM history n WHERE n.target_id = h.target_id AND n.seq > h.seq ORDER BY n.seq LIMIT 1) AS next " +
                $"FROM history h WHERE {where} ORDER BY h.seq{(limit is { } most ? $" LIMIT {Statements.Limit(most)}" : "")}) h " +
                "JOIN history_batches b ON b.seq = h.batch LEFT JOIN history nx ON nx.seq = h.next ORDER BY h.seq", transaction))
        {
            bind(command);
            var batches = new Dictionary<string, HistoryBatch>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var entry = Entry(reader, batches) with { Before = Text(reader, 10) };
                if (reader.GetBoolean(11)) entry = entry with { After = Text(reader, 12) };
                else if (!entry.Kind.Deletes()) newest.Add(entries.Count);
                entries.Add(entry);
            }
        }
        if (newest.Count == 0) return entries;
        var now = await CurrentStates.ReadAsync(connection, transaction, newest.Select(i => entries[i]), cancellationToken);
        foreach (var i in newest) entries[i] = entries[i] with { After = now.GetValueOrDefault(entries[i].TargetId) };
        return entries;
    }

    /// <summary>An entry from <see cref="Columns"/>; entries of one batch share one <see cref="HistoryBatch"/>.</summary>
    private static HistoryEntry Entry(SqliteDataReader reader, Dictionary<string, HistoryBatch> batches)
    {
        var id = reader.GetString(5);
        if (!batches.TryGetValue(id, out var batch))
            batches[id] = batch = new HistoryBatch(id, reader.GetString(6), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)), reader.GetInt64(8));
        var (target, nodeKind) = HistoryCodes.Target(reader.GetInt64(2));
        return new HistoryEntry(reader.GetInt64(0), HistoryCodes.Kind(reader.GetInt64(1)), target, reader.GetString(3), nodeKind, Text(reader, 4), batch)
        {
            AboutIds = HistoryChanges.AboutIds(Text(reader, 9)),
        };
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
