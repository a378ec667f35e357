using ConflictGraph.Core.Aggregation;
using ConflictGraph.Core.History;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Api.Diagnostics;

/// <summary>
/// The store itself, under the read cache, while costs are reported (Diagnostics:Cost): every call that reaches it is
/// counted by the <see cref="StoreCallMeter"/> of the request that made it, the cache's own look-ups among them; a call
/// outside a metered request (an export, a health check) goes through uncounted. With the cost report off, nothing
/// wraps the store (<see cref="Caching.CachingSetup"/>).
/// </summary>
public sealed class MeteredGraphStore(IGraphStore store) : IGraphStore, IDisposable
{
    /// <summary>The store it counts calls to (for tests).</summary>
    public IGraphStore Store => store;

    private static Task<T> MeasureAsync<T>(Func<Task<T>> call) => StoreCallMeter.Current is { } meter ? meter.MeasureAsync(call) : call();

    public Task<IReadOnlyList<Node>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        MeasureAsync(() => store.GetNodesAsync(ids, cancellationToken));

    public Task<IReadOnlyList<Relation>> GetRelationsAsync(
        IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<RelationType>? types, Direction direction, CancellationToken cancellationToken) =>
        MeasureAsync(() => store.GetRelationsAsync(nodeIds, types, direction, cancellationToken));

    public Task<Neighborhood> ExpandAsync(
        IReadOnlyCollection<ExpandRequest> requests, IReadOnlyCollection<string> nodeIds, IReadOnlyList<(NodeQuery Query, PageRequest Page)> pages,
        RowCap cap, CancellationToken cancellationToken) =>
        MeasureAsync(() => store.ExpandAsync(requests, nodeIds, pages, cap, cancellationToken));

    public Task<Citations> GetCitationsAsync(IReadOnlyCollection<string> statementIds, CancellationToken cancellationToken) =>
        MeasureAsync(() => store.GetCitationsAsync(statementIds, cancellationToken));

    public Task<IReadOnlyList<Fact>> GetFactsAsync(IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken) =>
        MeasureAsync(() => store.GetFactsAsync(subjectIds, cancellationToken));

    public Task<Page<Fact>> FindFactsAsync(FactQuery query, PageRequest page, CancellationToken cancellationToken) =>
        MeasureAsync(() => store.FindFactsAsync(query, page, cancellationToken));

    public Task<IReadOnlyDictionary<string, EventFamily>> GetEventFamiliesAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken) =>
        MeasureAsync(() => store.GetEventFamiliesAsync(eventIds, cancellationToken));

    public Task<IReadOnlyList<ReportedCasualties>> GetCasualtyReportsAsync(IReadOnlyCollection<string> eventIds, RowCap cap, CancellationToken cancellationToken) =>
        MeasureAsync(() => store.GetCasualtyReportsAsync(eventIds, cap, cancellationToken));

    public Task<IReadOnlyList<Page<Node>>> FindNodesAsync(IReadOnlyList<(NodeQuery Query, PageRequest Page)> queries, CancellationToken cancellationToken) =>
        MeasureAsync(() => store.FindNodesAsync(queries, cancellationToken));

    public Task<Page<Relation>> FindRelationsAsync(RelationQuery query, PageRequest page, CancellationToken cancellationToken) =>
        MeasureAsync(() => store.FindRelationsAsync(query, page, cancellationToken));

    public Task<IReadOnlyList<SearchHit>> SearchAsync(string text, IReadOnlyCollection<NodeKind>? kinds, int limit, CancellationToken cancellationToken) =>
        MeasureAsync(() => store.SearchAsync(text, kinds, limit, cancellationToken));

    public Task<IReadOnlyList<GraphPath>> FindPathsAsync(string fromId, string toId, int maxDepth, int limit, CancellationToken cancellationToken) =>
        MeasureAsync(() => store.FindPathsAsync(fromId, toId, maxDepth, limit, cancellationToken));

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetPlacesWithinAsync(IReadOnlyCollection<string> placeIds, CancellationToken cancellationToken) =>
        MeasureAsync(() => store.GetPlacesWithinAsync(placeIds, cancellationToken));

    public Task<IReadOnlyDictionary<string, IReadOnlyList<Relation>>> GetEscalationAsync(
        IReadOnlyCollection<string> eventIds, ChainDirection direction, int maxDepth, RowCap cap, CancellationToken cancellationToken) =>
        MeasureAsync(() => store.GetEscalationAsync(eventIds, direction, maxDepth, cap, cancellationToken));

    public Task<ImportResult> ImportAsync(GraphBatch batch, WriteContext? write, CancellationToken cancellationToken) =>
        MeasureAsync(() => store.ImportAsync(batch, write, cancellationToken));

    public Task<ImportResult> ImportAsync(GraphChunks chunks, WriteContext? write, CancellationToken cancellationToken) =>
        MeasureAsync(() => store.ImportAsync(chunks, write, cancellationToken));

    public Task<IReadOnlyList<Node>> GetReferencingNodesAsync(string id, CancellationToken cancellationToken) =>
        MeasureAsync(() => store.GetReferencingNodesAsync(id, cancellationToken));

    public Task<bool> DeleteNodeAsync(string id, WriteContext? write, CancellationToken cancellationToken) =>
        MeasureAsync(() => store.DeleteNodeAsync(id, write, cancellationToken));

    public Task<bool> WithdrawClaimAsync(ClaimWithdrawal withdrawal, WriteContext? write, CancellationToken cancellationToken) =>
        MeasureAsync(() => store.WithdrawClaimAsync(withdrawal, write, cancellationToken));

    public Task<Page<HistoryEntry>> FindHistoryAsync(HistoryQuery query, PageRequest page, CancellationToken cancellationToken) =>
        MeasureAsync(() => store.FindHistoryAsync(query, page, cancellationToken));

    public Task<IReadOnlyDictionary<string, IReadOnlyList<HistoryEntry>>> GetHistoryAsync(IReadOnlyCollection<string> targetIds, CancellationToken cancellationToken) =>
        MeasureAsync(() => store.GetHistoryAsync(targetIds, cancellationToken));

    public Task<IReadOnlyList<HistoryEntry>> ReadHistoryAsync(long after, int limit, CancellationToken cancellationToken) =>
        MeasureAsync(() => store.ReadHistoryAsync(after, limit, cancellationToken));

    public Task<CompactionResult> CompactHistoryAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        MeasureAsync(() => store.CompactHistoryAsync(cutoff, cancellationToken));

    public IAsyncEnumerable<Node> ExportNodesAsync(CancellationToken cancellationToken) => store.ExportNodesAsync(cancellationToken);

    public IAsyncEnumerable<Relation> ExportRelationsAsync(CancellationToken cancellationToken) => store.ExportRelationsAsync(cancellationToken);

    public IAsyncEnumerable<Fact> ExportFactsAsync(CancellationToken cancellationToken) => store.ExportFactsAsync(cancellationToken);

    public Task<EventAggregate> AggregateEventsAsync(EventAggregateQuery query, CancellationToken cancellationToken) =>
        MeasureAsync(() => store.AggregateEventsAsync(query, cancellationToken));

    public IAsyncEnumerable<EventRecord> ExportEventsAsync(EventSelection selection, CancellationToken cancellationToken) =>
        store.ExportEventsAsync(selection, cancellationToken);

    public Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken) => MeasureAsync(() => store.GetStatsAsync(cancellationToken));

    public Task<long> GetDataVersionAsync(CancellationToken cancellationToken) => MeasureAsync(() => store.GetDataVersionAsync(cancellationToken));

    public void Dispose() => (store as IDisposable)?.Dispose();
}
