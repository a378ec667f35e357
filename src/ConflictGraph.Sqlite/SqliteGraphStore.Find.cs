using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.Reading;
using ConflictGraph.Sqlite.Writing;
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
        foreach (var (query, page) in queries) pages.Add(await FindNodesAsync(connection, transaction, query, page, cancellationToken));
        return pages;
    }

    private static async Task<Page<Node>> FindNodesAsync(
        SqliteConnection connection, SqliteTransaction transaction, NodeQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        if (query.Kinds.Count == 0) return Page<Node>.Empty;
        var filter = NodeFilters.For(query);
        var keyset = KeysetPage.For(query.Order);
        var total = await CountAsync(connection, transaction, $"{filter.With}SELECT count(*) FROM nodes n WHERE {filter.Where}", filter, cancellationToken);
        var after = keyset.After(page.After, filter, "n.id");
        if (after is not null) filter.Add(after);

        var items = new List<PageItem<Node>>();
        var more = false;
        if (page.First > 0)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                $"{filter.With}SELECT n.kind, n.body, {keyset.Expression} FROM nodes n WHERE {filter.Where} ORDER BY {keyset.OrderBy("n.id")} LIMIT $limit";
            filter.Bind(command);
            command.Parameters.AddWithValue("$limit", (long)page.First + 1);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (items.Count == page.First)
                {
                    more = true;
                    break;
                }
                var node = NodeRow.Parse(reader.GetString(0), reader.GetString(1));
                items.Add(new PageItem<Node>(node, keyset.CursorFor(reader.GetString(2), node.Id)));
            }
        }
        else more = total > 0 && page.After is null;
        return new Page<Node>(items, total, more, page.After is not null);
    }

    public Task<Page<Relation>> FindRelationsAsync(RelationQuery query, PageRequest page, CancellationToken cancellationToken) =>
        FindByIdAsync(RelationFilters.For(query), KeysetPage.Relations, "relations r", RelationColumns, RelationReads.QueryAsync, r => r.Id, page, cancellationToken);

    /// <summary>Reads relations or facts with their claims (<see cref="RelationReads"/>, <see cref="FactReads"/>).</summary>
    private delegate Task<IReadOnlyList<T>> ClaimedReader<T>(
        SqliteConnection connection, string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken, SqliteTransaction? transaction);

    /// <summary>One page of relations or facts in id order, and the size of the whole result, in one read transaction.</summary>
    /// <param name="from">The table with its alias, as <paramref name="keyset"/> names it (relations r, facts f).</param>
    private async Task<Page<T>> FindByIdAsync<T>(
        SqlFilter filter, KeysetPage keyset, string from, string columns, ClaimedReader<T> read, Func<T, string> idOf,
        PageRequest page, CancellationToken cancellationToken)
    {
        await using var connection = Open(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var total = await CountAsync(connection, transaction, $"SELECT count(*) FROM {from} WHERE {filter.Where}", filter, cancellationToken);
        var after = keyset.After(page.After, filter, keyset.Expression);
        if (after is not null) filter.Add(after);
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

    private static async Task<int> CountAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sql, SqlFilter filter, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        filter.Bind(command);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }
}
