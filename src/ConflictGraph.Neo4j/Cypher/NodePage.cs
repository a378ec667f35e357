using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j.Layout;

namespace ConflictGraph.Neo4j.Cypher;

/// <summary>
/// One page of nodes as Cypher, the one home of its order, keyset, columns and reading: its count (<see cref="Total"/>)
/// and its rows (<see cref="CollectedRows"/>) are clauses of a statement of pages (<see cref="LevelStatement"/>), which
/// FindNodesAsync sends alone and a query level after its expansion; each page's values are read from the keys of the
/// map <see cref="Row"/>, one map a page, instead of from parameters, so pages of one shape share one text.
/// </summary>
public sealed class NodePage
{
    /// <summary>The variable a folded page's values are read from.</summary>
    public const string Row = "page";

    private readonly FindQuery find;
    private readonly FindQuery.NodeSort sort;
    private readonly string? after;

    private NodePage(NodeQuery query, PageRequest page)
    {
        find = FindQuery.ForNodes(query, Row + ".");
        sort = FindQuery.Order(query.Order);
        // Refuses a cursor from another order before anything is sent.
        after = find.After(page.After, sort, "n.id");
        Request = page;
    }

    /// <summary>A page folded into a statement of pages: its values are the keys of <see cref="Row"/>.</summary>
    public static NodePage Folded(NodeQuery query, PageRequest page) => new(query, page);

    public PageRequest Request { get; }

    /// <summary>The page's values by name: its map in the statement's list of pages.</summary>
    public Dictionary<string, object?> Values => find.Parameters;

    /// <summary>
    /// With words, the subquery that asks the full-text index for the page's matches (<see cref="FindQuery.TextMatches"/>,
    /// binding <c>textIds</c>), before the page's count and rows; empty without words.
    /// </summary>
    public string TextMatches => find.TextMatches;

    /// <summary>What the page's count and rows import: its map, and with words its matches.</summary>
    public string Imports => find.MatchesText ? $"{Row}, textIds" : Row;

    /// <summary>Anchors through a place hierarchy can reach one node twice, hence the DISTINCT.</summary>
    private string Found => $"{find.Match} WITH DISTINCT n WHERE {find.Where}";

    /// <summary>The whole result's size (the cursor does not narrow it), as <c>total</c>.</summary>
    public string Total => $"{Found} RETURN count(n) AS total";

    private string Keyed => $"{Found} WITH n, {sort.Key} AS sortKey {(after is null ? "" : $"WHERE {after} ")}";

    /// <summary>Keys only: the id and the kind's label, not the body (which the caller does not read).</summary>
    private string Column => Request.KeysOnly ? "id" : "body";

    /// <summary>
    /// The page's rows and one more (is there a next page?) as one list of maps of kind, body (or id) and sortKey,
    /// <c>rows</c>, for a subquery: sorted by a WITH before they are collected (the order collect keeps), limited by
    /// parameter <paramref name="limit"/>, First + 1 (a parameter: LIMIT may not read a variable).
    /// </summary>
    public string CollectedRows(string limit) =>
        $"{Keyed}WITH n, sortKey ORDER BY {sort.OrderBy("n.id")} LIMIT ${limit} " +
        $"RETURN collect({{kind: {Labels.KindExpression("n")}, {Column}: n.{Column}, sortKey: sortKey}}) AS rows";

    /// <summary>The page from its rows (maps of kind, body or id, and sortKey, in order; First + 1 at most) and its total.</summary>
    public Page<Node> Read(IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, int? total)
    {
        if (Request.First <= 0) return Page<Node>.Nothing(Request, total);
        var items = rows.Take(Request.First).Select(row =>
        {
            var node = Request.KeysOnly ? Cypher.Rows.Key(row) : Cypher.Rows.Node(row);
            return new PageItem<Node>(node, sort.CursorFor((string?)row["sortKey"], node.Id));
        }).ToList();
        return new Page<Node>(items, total, rows.Count > Request.First, Request.After is not null);
    }
}
