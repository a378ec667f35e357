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
        // Pages that run several statements (a total and its page, or a batch of pages) read one snapshot,
        // so a page and its total come from one state; a batch of one statement reads one state by itself.
        using var snapshot = ReadSnapshot.For(connection, queries.Sum(q => NodePages.StatementCount(q.Query, q.Page)));
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
