using ConflictGraph.Core.History;
using GraphQL.DataLoader;

namespace ConflictGraph.Api.Loading;

/// <summary>The change log of relations (Relation.history), one store call per query level.</summary>
public sealed partial class GraphLoaders
{
    private BatchLoader<string, IReadOnlyList<HistoryEntry>>? histories;

    private BatchLoader<string, IReadOnlyList<HistoryEntry>> HistoryLoader => Ensure(ref histories, static loaders => new(async (ids, ct) =>
        await loaders.Store.GetHistoryAsync(ids, ct), []), this);

    private void ResetHistory() => histories?.Reset();

    /// <summary>Every change-log entry of a node, relation or fact, oldest first.</summary>
    public IDataLoaderResult<IReadOnlyList<HistoryEntry>> History(string targetId) => HistoryLoader.Load(targetId);
}
