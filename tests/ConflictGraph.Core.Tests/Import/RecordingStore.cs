using ConflictGraph.Core.History;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Core.Tests.Import;

/// <summary>A store holding some nodes, recording the lookups and writes the import path makes.</summary>
internal sealed class RecordingStore(params Node[] nodes) : IGraphStore
{
    public List<IReadOnlyCollection<string>> Lookups { get; } = [];

    public List<GraphBatch> Writes { get; } = [];

    public Exception? FailWritesWith { get; init; }

    public Task<IReadOnlyList<Node>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        Lookups.Add(ids.ToArray());
        return Task.FromResult<IReadOnlyList<Node>>(nodes.Where(n => ids.Contains(n.Id)).ToList());
    }

    public Task<ImportResult> ImportAsync(GraphBatch batch, WriteContext? write, CancellationToken cancellationToken)
    {
        if (FailWritesWith is not null) throw FailWritesWith;
        Writes.Add(batch);
        return Task.FromResult(new ImportResult(batch.Nodes.Count, 0, 0, batch.Relations.Count, 0));
    }

    public async IAsyncEnumerable<Node> ExportNodesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var node in Writes.SelectMany(w => w.Nodes)) yield return node;
        await Task.CompletedTask;
    }

    public async IAsyncEnumerable<Relation> ExportRelationsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var relation in Writes.SelectMany(w => w.Relations)) yield return relation;
        await Task.CompletedTask;
    }

    /// <summary>Relations the store holds before any write here.</summary>
    public IReadOnlyList<Relation> StoredRelations { get; init; } = [];

    public Task<IReadOnlyList<Relation>> GetRelationsAsync(IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<RelationType>? types, Direction direction, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Relation>>(StoredRelations.Concat(Writes.SelectMany(w => w.Relations))
            .Where(r => types is null || types.Contains(r.Type))
            .Where(r => (direction != Direction.Incoming && nodeIds.Contains(r.FromId)) || (direction != Direction.Outgoing && nodeIds.Contains(r.ToId)))
            .ToList());
    public Task<Neighborhood> ExpandAsync(IReadOnlyCollection<ExpandRequest> requests, IReadOnlyCollection<string> nodeIds, IReadOnlyList<(NodeQuery Query, PageRequest Page)> pages, RowCap cap, CancellationToken cancellationToken) => throw new NotSupportedException();
    public async IAsyncEnumerable<Fact> ExportFactsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var fact in Writes.SelectMany(w => w.Facts)) yield return fact;
        await Task.CompletedTask;
    }

    public Task<Citations> GetCitationsAsync(IReadOnlyCollection<string> statementIds, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<Fact>> GetFactsAsync(IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<Page<Fact>> FindFactsAsync(FactQuery query, PageRequest page, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyDictionary<string, EventFamily>> GetEventFamiliesAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<ReportedCasualties>> GetCasualtyReportsAsync(IReadOnlyCollection<string> eventIds, RowCap cap, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<Page<Node>>> FindNodesAsync(IReadOnlyList<(NodeQuery Query, PageRequest Page)> queries, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<Page<Relation>> FindRelationsAsync(RelationQuery query, PageRequest page, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<SearchHit>> SearchAsync(string text, IReadOnlyCollection<NodeKind>? kinds, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<GraphPath>> FindPathsAsync(string fromId, string toId, int maxDepth, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetPlacesWithinAsync(IReadOnlyCollection<string> placeIds, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyDictionary<string, IReadOnlyList<Relation>>> GetEscalationAsync(IReadOnlyCollection<string> eventIds, ChainDirection direction, int maxDepth, RowCap cap, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<Node>> GetReferencingNodesAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<bool> DeleteNodeAsync(string id, WriteContext? write, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<bool> WithdrawClaimAsync(ClaimWithdrawal withdrawal, WriteContext? write, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<Page<HistoryEntry>> FindHistoryAsync(HistoryQuery query, PageRequest page, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyDictionary<string, IReadOnlyList<HistoryEntry>>> GetHistoryAsync(IReadOnlyCollection<string> targetIds, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<HistoryEntry>> ReadHistoryAsync(long after, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<CompactionResult> CompactHistoryAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<Core.Aggregation.EventAggregate> AggregateEventsAsync(Core.Aggregation.EventAggregateQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();
    public IAsyncEnumerable<EventRecord> ExportEventsAsync(EventSelection selection, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<long> GetDataVersionAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
}
