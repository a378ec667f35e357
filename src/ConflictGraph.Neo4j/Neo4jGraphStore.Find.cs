using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j.Cypher;
using ConflictGraph.Neo4j.Layout;

namespace ConflictGraph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <summary>
    /// Every page in one statement, so one Query API request however many pages a batch holds: the pages of a level with
    /// nothing to expand (<see cref="LevelStatement"/>), each counted (when asked) and read by its <see cref="NodePage"/>
    /// clauses. A page that filters by words asks the full-text index for its matches in a subquery of the same statement.
    /// </summary>
    public async Task<IReadOnlyList<Page<Node>>> FindNodesAsync(IReadOnlyList<(NodeQuery Query, PageRequest Page)> queries, CancellationToken cancellationToken)
    {
        var pages = new LevelStatement([], false, [], Fold(queries), RowCap.None);
        return pages.Pages(pages.HasPages ? (await ReadAsync(pages.Text, pages.Parameters, cancellationToken)).Records.Single() : null);
    }

    /// <summary>Each page as its clauses in a statement of pages, null for one that can hold nothing (no kinds asked for).</summary>
    private static NodePage?[] Fold(IReadOnlyList<(NodeQuery Query, PageRequest Page)> pages) =>
        pages.Select(p => p.Query.Kinds.Count > 0 ? NodePage.Folded(p.Query, p.Page) : null).ToArray();

    /// <summary>The total (when asked) and the page in one statement (<see cref="CountedPage"/>), so one request.</summary>
    public async Task<Page<Relation>> FindRelationsAsync(RelationQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var find = FindQuery.ForRelations(query);
        var after = find.After(page.After, "r", false, "r.id");
        var counted = new CountedPage(page, find);
        var statement = counted.Text("r",
            $"WITH a, r, b, r.id AS sortKey {(after is null ? "" : $"WHERE {after} ")}", "a, r, b", Statements.RelationMap);
        var row = (await ReadAsync(statement, find.Parameters, cancellationToken)).Records.Single();
        return counted.Read(row, Rows.Relation, Rows.Relations, r => Cursor.Encode($"r:{r.Id}", r.Id));
    }
}
