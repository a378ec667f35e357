using ConflictGraph.Core.History;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.History;

/// <summary>
/// Appends one write's changes to the change log, inside the write's own transaction, so they
/// commit or roll back with it. The batch row is written with the first change: a write that
/// changes nothing leaves no trace. Entries are numbered from the log's newest plus one; the
/// transaction holds the write lock from its start, so numbers follow commit order across processes.
/// </summary>
/// <param name="enabled">False only where nothing may be recorded (a file from before the log; the benchmark's baseline).</param>
internal sealed class HistoryLog(SqliteConnection connection, SqliteTransaction transaction, WriteContext write, TimeProvider clock, bool enabled = true)
    : IDisposable
{
    private RowStatement? insert;
    private long batch;
    private long next;

    /// <summary>The batch's id once something was recorded; null while nothing was.</summary>
    public string? BatchId { get; private set; }

    public void Record(IEnumerable<LoggedChange> changes)
    {
        foreach (var change in changes) Record(change);
    }

    public void Record(LoggedChange change)
    {
        if (!enabled) return;
        if (insert is null) Begin();
        insert!.With(next++, batch, HistoryCodes.Of(change.Kind), HistoryCodes.TargetOf(change), change.TargetId, change.StatementId, change.Before,
                HistoryChanges.AboutText(change.AboutIds))
            .Run();
    }

    private void Begin()
    {
        using (var newest = Command(HistoryCounts.Newest))
            next = (long)newest.ExecuteScalar()! + 1;
        var at = clock.GetUtcNow();
        BatchId = Guid.CreateVersion7(at).ToString();
        using (var row = Command("INSERT INTO history_batches (id, writer, at, first_seq) VALUES ($id, $writer, $at, $first) RETURNING seq"))
        {
            row.Parameters.AddWithValue("$id", BatchId);
            row.Parameters.AddWithValue("$writer", write.Writer);
            row.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
            row.Parameters.AddWithValue("$first", next);
            batch = (long)row.ExecuteScalar()!;
        }
        insert = new RowStatement(connection,
            "INSERT INTO history (seq, batch, kind, target_kind, target_id, statement_id, before, about) " +
            "VALUES ($seq, $batch, $kind, $target, $id, $statement, $before, $about)",
            "$seq", "$batch", "$kind", "$target", "$id", "$statement", "$before", "$about");
    }

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public void Dispose() => insert?.Dispose();
}
