using ConflictGraph.Core.Paging;
using ConflictGraph.Neo4j.Wire;

namespace ConflictGraph.Neo4j.Cypher;

/// <summary>
/// A page of relations or facts as one statement, so one Query API request: its total (when the page reads it) and its
/// rows, each a subquery that returns exactly one row (a count is 0 over nothing, a collected list is empty), so a page
/// past the end still brings its total. The rows are sorted by a WITH before they are collected, the order collect keeps.
/// </summary>
public sealed class CountedPage(PageRequest page, FindQuery find)
{
    /// <summary>
    /// The statement, over <c>find</c>'s clauses (the whole result: the cursor does not narrow it); it puts the
    /// statement's $limit, one more than the page (is there a next page?), among <c>find</c>'s parameters when it reads rows.
    /// </summary>
    /// <param name="counted">The variable the total counts.</param>
    /// <param name="keyed">What follows the find's clauses for the rows: a WITH that binds <c>sortKey</c> (unique), and the cursor's WHERE.</param>
    /// <param name="kept">The variables a row's map reads, kept through the sort.</param>
    /// <param name="map">A row as a map.</param>
    public string Text(string counted, string keyed, string kept, string map)
    {
        var found = $"{find.Match} WHERE {find.Where}";
        var parts = new List<string>();
        var returned = new List<string>();
        if (page.ReadsTotal)
        {
            parts.Add($"CALL () {{ {found} RETURN count({counted}) AS total }}");
            returned.Add("total");
        }
        if (page.First > 0)
        {
            find.Parameters["limit"] = page.First + 1;
            parts.Add($"CALL () {{ {found} {keyed}WITH {kept}, sortKey ORDER BY sortKey LIMIT $limit RETURN collect({map}) AS rows }}");
            returned.Add("rows");
        }
        return $"{string.Join(" ", parts)} RETURN {string.Join(", ", returned)}";
    }

    /// <summary>The page from the statement's one row: its items in order (each once, as <paramref name="ordered"/> gives them) and its total.</summary>
    public Page<T> Read<T>(QueryRow row, Func<IReadOnlyDictionary<string, object?>, T> item, Func<IEnumerable<T>, IReadOnlyList<T>> ordered, Func<T, string> cursor)
    {
        int? total = page.ReadsTotal ? (int)row.Long("total") : null;
        if (page.First <= 0) return Page<T>.Nothing(page, total);
        var found = ordered(Rows.Maps(row["rows"]).Select(item));
        var items = found.Take(page.First).Select(i => new PageItem<T>(i, cursor(i))).ToList();
        return new Page<T>(items, total, found.Count > page.First, page.After is not null);
    }
}
