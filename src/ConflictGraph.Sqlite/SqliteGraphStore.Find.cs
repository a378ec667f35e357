using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.Reading;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite;

public sealed partial class SqliteGraphStore
{
    public async Task<IReadOnlyList<Page<Node>>> FindNodesAsync(
        IReadOnlyList<(NodeQuery Query, PageRequest Page)> queries, CancellationToken cancellationToken)
    {
        await using var connection = Open(cancellationToken);
        // One read transaction, so every page of the batch sees the same state.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var pages = new List<Page<Node>>(queries.Count);
        foreach (var (query, page) in queries) pages.Add(await NodePages.FindAsync(connection, transaction, query, page, cancellationToken));
        return pages;
    }

    public async Task<Page<Relation>> FindRelationsAsync(RelationQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await RelationPages.FindAsync(connection, transaction, query, page, cancellationToken);
    }

    /// <summary>Reads facts with their claims (<see cref="FactReads"/>).</summary>
    private delegate Task<IReadOnlyList<T>> ClaimedReader<T>(
        SqliteConnection connection, string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken, SqliteTransaction? transaction);

    /// <summary>One page of facts in id order, and the size of the whole result, in one read transaction.</summary>
    /// <param name="from">The table with its alias, as <paramref name="keyset"/> names it (facts f).</param>
    private async Task<Page<T>> FindByIdAsync<T>(
        SqlFilter filter, KeysetPage keyset, string from, string columns, ClaimedReader<T> read, Func<T, string> idOf,
        PageRequest page, CancellationToken cancellationToken)
    {
        await using var connection = Open(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var total = await Reads.CountAsync(connection, transaction, $"SELECT count(*) FROM {from} WHERE {filter.Where}", filter, cancellationToken);
        if (keyset.Decode(page.After) is { } position) filter.Add(keyset.After(position, filter, keyset.Expression));
        if (page.First <= 0) return new Page<T>([], total, total > 0 && page.After is null, page.After is not null);

        var found = await read(connection, $"{columns} WHERE {filter.Where} ORDER BY {keyset.OrderBy(keyset.Expression)} LIMIT $limit",
            c =>
            {
                filter.Bind(c);
                c.Parameters.AddWithValue("$limit", (long)page.First + 1);
            }, cancellationToken, transaction);
        var items = found.Take(page.First).Select(item => new PageItem<T>(item, keyset.CursorFor(idOf(item), idOf(item)))).ToList();
        return new Page<T>(items, total, found.Count > page.First, page.After is not null);
    }
}
