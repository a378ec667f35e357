using ConflictGraph.Core.History;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Neo4j;

// REVIEW: Neo4j side pending (issue 15). The change log (HistoryChanges entries written in each
// write's transaction as :HistoryEntry nodes with an index on their sequence) comes after the
// store's claims-model layout lands; until then these members refuse rather than answer wrongly,
// writes are not logged here, and the live subscriptions need the SQLite store.
public sealed partial class Neo4jGraphStore
{
    private const string HistoryPending = "not yet on Neo4j (issue 15): the change log needs the SQLite store";

    public Task<bool> WithdrawClaimAsync(ClaimWithdrawal withdrawal, WriteContext? write, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"withdrawing a claim is {HistoryPending}");

    public Task<Page<HistoryEntry>> FindHistoryAsync(HistoryQuery query, PageRequest page, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"history is {HistoryPending}");

    public Task<IReadOnlyDictionary<string, IReadOnlyList<HistoryEntry>>> GetHistoryAsync(IReadOnlyCollection<string> targetIds, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"history is {HistoryPending}");

    public Task<IReadOnlyList<HistoryEntry>> ReadHistoryAsync(long after, int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"history is {HistoryPending}");

    public Task<CompactionResult> CompactHistoryAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"history is {HistoryPending}");
}
