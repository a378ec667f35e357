using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.Reading;

namespace ConflictGraph.Sqlite;

public sealed partial class SqliteGraphStore
{
    public async Task<IReadOnlyList<Page<Node>>> FindNodesAsync(
        IReadOnlyList<(NodeQuery Query, PageRequest Page)> queries, CancellationToken cancellationToken)
    {
        await using var connection = Open(cancellationToken);
        // One read transaction, so every page of the batch sees the same state.
        using var snapshot = ReadSnapshot.Begin(connection);
        var pages = new List<Page<Node>>(queries.Count);
        foreach (var (query, page) in queries) pages.Add(await NodePages.FindAsync(connection, null, query, page, cancellationToken));
        return pages;
    }

    public async Task<Page<Relation>> FindRelationsAsync(RelationQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        await using var connection = Open(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await RelationPages.FindAsync(connection, transaction, query, page, cancellationToken);
    }
}
