using ConflictGraph.Core.Rules;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// A WHERE clause built from optional criteria: each criterion adds a condition and its named
/// parameters, never a value into the text. Containment criteria add recursive CTEs.
/// </summary>
internal sealed class SqlFilter
{
    private readonly List<string> conditions = [];
    private readonly List<string> ctes = [];
    private readonly List<Action<SqliteCommand>> binders = [];
    private int next;

    public string Where => conditions.Count == 0 ? "1" : string.Join(" AND ", conditions);

    public string With => ctes.Count == 0 ? "" : $"WITH RECURSIVE {string.Join(", ", ctes)} ";

    /// <summary>A fresh parameter name bound to <paramref name="value"/>.</summary>
    public string Value(object? value)
    {
        var name = $"$p{next++}";
        binders.Add(c => c.Parameters.AddWithValue(name, value ?? DBNull.Value));
        return name;
    }

    /// <summary>A fresh parameter holding a list, usable as <c>x IN {list}</c>.</summary>
    public string List(IEnumerable<string> values)
    {
        var name = $"$p{next++}";
        var items = values.ToList();
        binders.Add(c => Ids.Add(c, name, items));
        return Ids.In(name);
    }

    public void Add(string condition) => conditions.Add(condition);

    /// <summary>A CTE named like the result holding <paramref name="placeId"/> and every place inside it (column id).</summary>
    public string PlaceAndInside(string placeId)
    {
        var name = $"inside{ctes.Count}";
        var root = Value(placeId);
        ctes.Add($"{name}(id, depth) AS (SELECT {root}, 0 UNION SELECT r.from_id, {name}.depth + 1 FROM relations r " +
                 $"JOIN {name} ON r.to_id = {name}.id AND r.type = 'LOCATED_IN' WHERE {name}.depth < {TraversalLimits.MaxContainmentDepth})");
        return name;
    }

    /// <summary>An FTS5 query matching every folded word of <paramref name="text"/> as a prefix; null when it has no words.</summary>
    public static string? Match(string? text)
    {
        var terms = SearchText.QueryTerms(text);
        return terms.Count == 0 ? null : string.Join(' ', terms.Select(t => $"\"{t.Replace("\"", "\"\"")}\"*"));
    }

    public void Text(string? text)
    {
        if (Match(text) is { } match) Add($"n.seq IN (SELECT rowid FROM search WHERE search MATCH {Value(match)})");
    }

    public void Bind(SqliteCommand command)
    {
        foreach (var bind in binders) bind(command);
    }
}
