using ConflictGraph.Core.Model;

namespace ConflictGraph.Api.Live;

/// <summary>
/// What one committed write changed, published once after its commit and never for a rolled-back write.
/// </summary>
public sealed record GraphChanges(IReadOnlyList<NodeChange> Nodes, IReadOnlyList<RelationChange> Relations)
{
    public bool IsEmpty => Nodes.Count == 0 && Relations.Count == 0;
}

/// <summary>
/// Carries committed changes to live subscribers. In-process today; behind this interface so several
/// API instances can later share a bus.
/// </summary>
public interface IGraphChangeNotifier
{
    /// <summary>Hands the changes to every current subscriber without waiting on slow ones.</summary>
    ValueTask PublishAsync(GraphChanges changes, CancellationToken cancellationToken);

    /// <summary>A stream of every change set published from now until <paramref name="cancellationToken"/> ends.</summary>
    IAsyncEnumerable<GraphChanges> SubscribeAsync(CancellationToken cancellationToken);
}
