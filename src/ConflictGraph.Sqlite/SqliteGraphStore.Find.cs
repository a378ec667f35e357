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
        await using var connection = Open();
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

    public async Task<Page<Relation>> FindRelationsAsync(RelationQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var filter = RelationFilters.For(query);
        var keyset = KeysetPage.Relations;
        await using var connection = Open();
        await using var transaction = connection.BeginTransaction(deferred: true);
        var total = await CountAsync(connection, transaction, $"SELECT count(*) FROM relations r WHERE {filter.Where}", filter, cancellationToken);
        var after = keyset.After(page.After, filter, "r.id");
        if (after is not null) filter.Add(after);
        if (page.First <= 0) return new Page<Relation>([], total, total > 0 && page.After is null, page.After is not null);

        var relations = await RelationReads.QueryAsync(connection,
            $"{RelationColumns} WHERE {filter.Where} ORDER BY {keyset.OrderBy("r.id")} LIMIT $limit",
            c =>
            {
                filter.Bind(c);
                c.Parameters.AddWithValue("$limit", (long)page.First + 1);
            }, cancellationToken, transaction);
        var items = relations.Take(page.First).Select(r => new PageItem<Relation>(r, keyset.CursorFor(r.Id, r.Id))).ToList();
        return new Page<Relation>(items, total, relations.Count > page.First, page.After is not null);
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
