using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictGraph.Api.Tests.Infrastructure;

/// <summary>Whether the stalling store stalls now, and when its stalled read saw its token fire.</summary>
public sealed class Stall
{
    public volatile bool Armed;

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Stopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// The real store, except that once armed, <c>stats</c> never answers until its token fires: a
/// stand-in for a read that runs far too long. It records when the token fired, so a test can
/// tell whether the work stopped with its request.
/// </summary>
public sealed class StallingStore(IGraphStore inner, Stall stall) : IGraphStore
{
    /// <summary>Wraps the registered store of a test host in a stalling one.</summary>
    public static void Install(IServiceCollection services, Stall stall)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IGraphStore));
        services.Remove(registered);
        services.AddSingleton<IGraphStore>(provider => new StallingStore((IGraphStore)registered.ImplementationFactory!(provider), stall));
    }

    public async Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        if (!stall.Armed) return await inner.GetStatsAsync(cancellationToken);
        stall.Started.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        finally
        {
            stall.Stopped.TrySetResult();
        }
        throw new InvalidOperationException("unreachable");
    }

    public Task<IReadOnlyList<Node>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => inner.GetNodesAsync(ids, cancellationToken);

    public Task<IReadOnlyList<Relation>> GetRelationsAsync(IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<RelationType>? types, Direction direction, CancellationToken cancellationToken) =>
        inner.GetRelationsAsync(nodeIds, types, direction, cancellationToken);

    public Task<Neighborhood> ExpandAsync(IReadOnlyCollection<ExpandRequest> requests, IReadOnlyCollection<string> nodeIds, CancellationToken cancellationToken) =>
        inner.ExpandAsync(requests, nodeIds, cancellationToken);

    public Task<IReadOnlyList<Relation>> GetRelationsCitedByAsync(IReadOnlyCollection<string> statementIds, CancellationToken cancellationToken) =>
        inner.GetRelationsCitedByAsync(statementIds, cancellationToken);

    public Task<IReadOnlyList<ReportedCasualties>> GetCasualtyReportsAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken) =>
        inner.GetCasualtyReportsAsync(eventIds, cancellationToken);

    public Task<IReadOnlyList<Page<Node>>> FindNodesAsync(IReadOnlyList<(NodeQuery Query, PageRequest Page)> queries, CancellationToken cancellationToken) =>
        inner.FindNodesAsync(queries, cancellationToken);

    public Task<Page<Relation>> FindRelationsAsync(RelationQuery query, PageRequest page, CancellationToken cancellationToken) =>
        inner.FindRelationsAsync(query, page, cancellationToken);

    public Task<IReadOnlyList<SearchHit>> SearchAsync(string text, IReadOnlyCollection<NodeKind>? kinds, int limit, CancellationToken cancellationToken) =>
        inner.SearchAsync(text, kinds, limit, cancellationToken);

    public Task<IReadOnlyList<GraphPath>> FindPathsAsync(string fromId, string toId, int maxDepth, int limit, CancellationToken cancellationToken) =>
        inner.FindPathsAsync(fromId, toId, maxDepth, limit, cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetPlacesWithinAsync(IReadOnlyCollection<string> placeIds, CancellationToken cancellationToken) =>
        inner.GetPlacesWithinAsync(placeIds, cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyList<Relation>>> GetEscalationAsync(IReadOnlyCollection<string> eventIds, ChainDirection direction, int maxDepth, CancellationToken cancellationToken) =>
        inner.GetEscalationAsync(eventIds, direction, maxDepth, cancellationToken);

    public Task<ImportResult> ImportAsync(GraphBatch batch, IProgress<int>? progress, CancellationToken cancellationToken) => inner.ImportAsync(batch, progress, cancellationToken);

    public Task<bool> DeleteNodeAsync(string id, CancellationToken cancellationToken) => inner.DeleteNodeAsync(id, cancellationToken);

    public IAsyncEnumerable<Node> ExportNodesAsync(CancellationToken cancellationToken) => inner.ExportNodesAsync(cancellationToken);

    public IAsyncEnumerable<Relation> ExportRelationsAsync(CancellationToken cancellationToken) => inner.ExportRelationsAsync(cancellationToken);

    public Task<long> GetDataVersionAsync(CancellationToken cancellationToken) => inner.GetDataVersionAsync(cancellationToken);
}
