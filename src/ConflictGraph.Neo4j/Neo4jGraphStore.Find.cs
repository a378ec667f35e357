using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j.Cypher;
using ConflictGraph.Neo4j.Layout;

namespace ConflictGraph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <summary>Text filters first ask the full-text index for matching ids, at most this many.</summary>
    private const int MaxTextMatches = 10_000;

    public async Task<IReadOnlyList<Page<Node>>> FindNodesAsync(IReadOnlyList<(NodeQuery Query, PageRequest Page)> queries, CancellationToken cancellationToken)
    {
        var pages = new List<Page<Node>>(queries.Count);
        foreach (var (query, page) in queries) pages.Add(await FindNodesAsync(query, page, cancellationToken));
        return pages;
    }

    private async Task<Page<Node>> FindNodesAsync(NodeQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        if (query.Kinds.Count == 0) return Page<Node>.Empty;
        var find = NodePage.Alone(query, page, await TextMatchesAsync(query.Text, cancellationToken));
        var total = await TotalAsync(find.Total, find.Values, page, cancellationToken);
        if (page.First <= 0) return Page<Node>.Nothing(page, total);
        find.Values["limit"] = page.First + 1;
        return find.Read((await ReadAsync(find.Rows, find.Values, cancellationToken)).Records.Select(Rows.Map).ToList(), total);
    }

    public async Task<Page<Relation>> FindRelationsAsync(RelationQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var find = FindQuery.ForRelations(query);
        var found = $"{find.Match} WHERE {find.Where}";
        var total = await TotalAsync($"{found} RETURN count(r) AS total", find.Parameters, page, cancellationToken);
        var after = find.After(page.After, "r", false, "r.id");
        if (page.First <= 0) return Page<Relation>.Nothing(page, total);
        find.Parameters["limit"] = page.First + 1;
        var relations = Rows.Relations(await ReadAsync(
            $"{found} WITH a, r, b, r.id AS sortKey {(after is null ? "" : $"WHERE {after} ")}" +
            $"RETURN {Statements.RelationColumns} ORDER BY sortKey LIMIT $limit", find.Parameters, cancellationToken));
        var items = relations.Take(page.First).Select(r => new PageItem<Relation>(r, Cursor.Encode($"r:{r.Id}", r.Id))).ToList();
        return new Page<Relation>(items, total, relations.Count > page.First, page.After is not null);
    }

    /// <summary>The count a statement returns as total, read only when the page needs it (see <see cref="PageRequest.ReadsTotal"/>).</summary>
    private async Task<int?> TotalAsync(string statement, object parameters, PageRequest page, CancellationToken cancellationToken) =>
        page.ReadsTotal ? (int)(await ReadAsync(statement, parameters, cancellationToken)).Records.Single().Long("total") : null;
}
