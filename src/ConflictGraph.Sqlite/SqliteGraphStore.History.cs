using ConflictGraph.Core.History;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.History;
using ConflictGraph.Sqlite.Reading;
using ConflictGraph.Sqlite.Writing;

namespace ConflictGraph.Sqlite;

public sealed partial class SqliteGraphStore
{
    public Task<bool> WithdrawClaimAsync(ClaimWithdrawal withdrawal, WriteContext? write, CancellationToken cancellationToken) =>
        WriteAsync(connection => ClaimWithdrawals.WithdrawAsync(connection, withdrawal, write ?? WriteContext.Unattributed, clock, cancellationToken), cancellationToken);

    public Task<CompactionResult> CompactHistoryAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        WriteAsync(connection => HistoryCompactor.CompactAsync(connection, cutoff, cancellationToken), cancellationToken);

    public async Task<Page<HistoryEntry>> FindHistoryAsync(HistoryQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var after = HistoryCursor.After(page.After);
        await using var connection = Open(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var where = query.TargetId is null ? "1" : "h.target_id = $target";
        void Bind(Microsoft.Data.Sqlite.SqliteCommand command)
        {
            if (query.TargetId is not null) command.Parameters.AddWithValue("$target", query.TargetId);
        }

        int? total = null;
        if (page.ReadsTotal)
        {
            // The whole log's size is kept (HistoryCounts); one target's entries are one range of history_by_target.
            await using var count = connection.Command(query.TargetId is null ? HistoryCounts.Entries : $"SELECT count(*) FROM history h WHERE {where}", transaction);
            Bind(count);
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken));
        }
        if (page.First <= 0) return Page<HistoryEntry>.Nothing(page, total) with { TotalCount = page.CountTotal ? total : null };
        var found = await HistoryReads.WithStatesAsync(connection, transaction, $"{where} AND h.seq > $after",
            command =>
            {
                Bind(command);
                command.Parameters.AddWithValue("$after", after);
            }, (long)page.First + 1, cancellationToken);
        var items = found.Take(page.First).Select(e => new PageItem<HistoryEntry>(e, e.Cursor)).ToList();
        return new Page<HistoryEntry>(items, total, found.Count > page.First, page.After is not null);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<HistoryEntry>>> GetHistoryAsync(IReadOnlyCollection<string> targetIds, CancellationToken cancellationToken)
    {
        var histories = targetIds.Distinct().ToDictionary(id => id, _ => (IReadOnlyList<HistoryEntry>)[], StringComparer.Ordinal);
        if (histories.Count == 0) return histories;
        await using var connection = Open(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var found = await HistoryReads.WithStatesAsync(connection, transaction, $"h.target_id IN {Ids.In("$ids")}",
            command => Ids.Add(command, "$ids", histories.Keys), null, cancellationToken);
        foreach (var target in found.GroupBy(e => e.TargetId)) histories[target.Key] = target.ToList();
        return histories;
    }

    public async Task<IReadOnlyList<HistoryEntry>> ReadHistoryAsync(long after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = Open(cancellationToken);
        return await HistoryReads.TailAsync(connection, after, limit, cancellationToken);
    }
}
