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

    /// <summary>
    /// Every page in one statement, so one Query API request however many pages a batch holds: the pages of a level with
    /// nothing to expand (<see cref="LevelStatement"/>), each counted (when asked) and read by its <see cref="NodePage"/>
    /// clauses. A page that filters by words asks the full-text index for its matches first, in a request of its own.
    /// </summary>
    public async Task<IReadOnlyList<Page<Node>>> FindNodesAsync(IReadOnlyList<(NodeQuery Query, PageRequest Page)> queries, CancellationToken cancellationToken)
    {
        var pages = new LevelStatement([], false, [], await FoldAsync(queries, cancellationToken));
        return pages.Pages(pages.HasPages ? (await ReadAsync(pages.Text, pages.Parameters, cancellationToken)).Records.Single() : null);
    }

    /// <summary>Each page as its clauses in a statement of pages, null for one that can hold nothing (no kinds asked for).</summary>
    private async Task<NodePage?[]> FoldAsync(IReadOnlyList<(NodeQuery Query, PageRequest Page)> pages, CancellationToken cancellationToken)
    {
        var folded = new NodePage?[pages.Count];
        for (var i = 0; i < pages.Count; i++)
        {
            var (query, page) = pages[i];
            if (query.Kinds.Count > 0) folded[i] = NodePage.Folded(query, page, await TextMatchesAsync(query.Text, cancellationToken));
        }
        return folded;
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
