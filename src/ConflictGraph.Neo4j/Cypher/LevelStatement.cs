using System.Text;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j.Wire;

namespace ConflictGraph.Neo4j.Cypher;

/// <summary>
/// A query level with its node pages as one statement, so one request and one transaction: the expansion's clauses
/// (or the nodes asked for by id, or nothing), then one subquery per shape of page that unwinds those pages' values
/// and counts and reads each by its <see cref="NodePage"/> clauses, and one row of relations, nodes and, per shape,
/// a list of <c>{at, total, rows}</c>. Pages of one shape (one text, one size) share their subquery, so the statement's
/// text follows the shapes asked for, not how many pages there are, and Neo4j plans it once for every such level.
/// </summary>
public sealed class LevelStatement
{
    private readonly IReadOnlyList<NodePage?> pages;
    private readonly List<List<int>> shapes = [];

    /// <param name="pages">The level's pages in the caller's order; null for a page that can hold nothing (no kinds asked for).</param>
    /// <param name="cap">How many relations the expansion may find (<see cref="Statements.ExpansionClauses"/>).</param>
    public LevelStatement(IReadOnlyList<RelationGroup> groups, bool claims, IReadOnlyList<string> nodeIds, IReadOnlyList<NodePage?> pages, RowCap cap)
    {
        this.pages = pages;
        Parameters = RelationGroup.Parameters(groups);
        var text = new StringBuilder();
        if (groups.Count > 0)
        {
            ExpandsRelations = ReadsNodes = true;
            text.Append(Statements.ExpansionClauses(groups, claims));
            Parameters[Statements.CapParameter] = Statements.CapValue(cap);
        }
        else if (nodeIds.Count > 0)
        {
            ReadsNodes = true;
            text.Append($"CALL () {{ {Statements.NodesAt("$ids")} }} ");
        }
        if (ReadsNodes) Parameters["ids"] = nodeIds;

        var byShape = new Dictionary<(string Text, int First), int>();
        for (var i = 0; i < pages.Count; i++)
        {
            if (pages[i] is not { } page) continue;
            var shape = (Subquery(page, "limit", "pages"), page.Request.First);
            if (!byShape.TryGetValue(shape, out var s))
            {
                byShape[shape] = s = shapes.Count;
                shapes.Add([]);
            }
            shapes[s].Add(i);
        }
        for (var s = 0; s < shapes.Count; s++)
        {
            var first = pages[shapes[s][0]]!;
            text.Append($"CALL () {{ UNWIND $q{s} AS {NodePage.Row} {Subquery(first, $"l{s}", $"q{s}")} }} ");
            Parameters[$"q{s}"] = shapes[s].Select(i => new Dictionary<string, object?>(pages[i]!.Values) { ["at"] = i }).ToList();
            if (first.Request.First > 0) Parameters[$"l{s}"] = first.Request.First + 1;
        }
        IEnumerable<string> returned = [.. ExpandsRelations ? ["relations"] : Array.Empty<string>(), .. ReadsNodes ? ["nodes"] : Array.Empty<string>()];
        text.Append("RETURN ").AppendJoin(", ", returned.Concat(shapes.Select((_, s) => $"q{s}")));
        Text = text.ToString();
    }

    public string Text { get; }

    public Dictionary<string, object?> Parameters { get; }

    /// <summary>True when the statement returns <c>relations</c> (some request has relation types to follow).</summary>
    public bool ExpandsRelations { get; }

    /// <summary>True when the statement returns <c>nodes</c> (far ends, or nodes asked for by id).</summary>
    public bool ReadsNodes { get; }

    /// <summary>True when some page needs the database (the others hold nothing whatever it holds).</summary>
    public bool HasPages => shapes.Count > 0;

    /// <summary>
    /// For each page, its count (when asked) and its rows, each a subquery of the page's own row (and of its full-text
    /// matches, asked first in a subquery of their own when the page filters by words), collected with the page's index
    /// as <paramref name="name"/>.
    /// </summary>
    private static string Subquery(NodePage page, string limit, string name)
    {
        const string row = NodePage.Row;
        var text = new StringBuilder(page.TextMatches);
        var collected = new StringBuilder($"at: {row}.at");
        if (page.Request.ReadsTotal)
        {
            text.Append($"CALL ({page.Imports}) {{ {page.Total} }} ");
            collected.Append(", total: total");
        }
        if (page.Request.First > 0)
        {
            text.Append($"CALL ({page.Imports}) {{ {page.CollectedRows(limit)} }} ");
            collected.Append(", rows: rows");
        }
        return text.Append($"RETURN collect({{{collected}}}) AS {name}").ToString();
    }

    /// <summary>The level's pages, in the order asked, from the statement's one row (none when <see cref="HasPages"/> is false).</summary>
    public IReadOnlyList<Page<Node>> Pages(QueryRow? row)
    {
        var read = new Page<Node>?[pages.Count];
        for (var s = 0; s < shapes.Count; s++)
            foreach (var answer in Rows.Maps(row?[$"q{s}"]))
            {
                var at = (int)Convert.ToInt64(answer["at"]);
                int? total = answer.TryGetValue("total", out var count) ? (int)Convert.ToInt64(count) : null;
                read[at] = pages[at]!.Read(Rows.Maps(answer.GetValueOrDefault("rows")).ToList(), total);
            }
        for (var i = 0; i < read.Length; i++)
        {
            if (pages[i] is null) read[i] = Page<Node>.Empty;
            else if (read[i] is null) throw new InvalidOperationException($"Neo4j returned no answer for page {i} of the level's statement");
        }
        return read!;
    }
}
