using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// Passes a list of keys as one JSON parameter read with <c>json_each</c>, so a statement's text
/// is the same however many keys it carries.
/// </summary>
internal static class Ids
{
    public const string Each = "(SELECT value FROM json_each({0}))";

    /// <summary>The list as a subquery, for a condition <c>x IN {list}</c> on rows found some other way.</summary>
    public static string In(string parameter) => string.Format(Each, parameter);

    /// <summary>
    /// The list as the first table of a FROM clause (column <c>{alias}.value</c>): followed by
    /// CROSS JOIN, the keys drive the statement, one index probe each, whatever the statistics say.
    /// </summary>
    public static string Driving(string parameter, string alias = "j") => $"json_each({parameter}) {alias}";

    public static void Add(SqliteCommand command, string parameter, IEnumerable<string> ids) =>
        command.Parameters.AddWithValue(parameter, Json(ids));

    /// <summary>
    /// The ids as a JSON array, each once, in the order first given. Ids of printable ASCII without a quote or a
    /// backslash (every id the graph makes) are written as they are, in one string; any other list goes through the
    /// serializer, which escapes. Either way json_each reads the same values.
    /// </summary>
    internal static string Json(IEnumerable<string> ids)
    {
        var distinct = ids is IReadOnlyCollection<string> { Count: <= ScannedUpTo } few ? Few(few) : ids.Distinct(StringComparer.Ordinal).ToList();
        var length = 2 + Math.Max(distinct.Count - 1, 0);
        foreach (var id in distinct)
        {
            if (!Plain(id)) return JsonSerializer.Serialize(distinct);
            length += id.Length + 2;
        }
        return string.Create(length, distinct, static (span, list) =>
        {
            span[0] = '[';
            var at = 1;
            for (var i = 0; i < list.Count; i++)
            {
                if (i > 0) span[at++] = ',';
                span[at++] = '"';
                list[i].AsSpan().CopyTo(span[at..]);
                at += list[i].Length;
                span[at++] = '"';
            }
            span[at] = ']';
        });
    }

    /// <summary>Up to this many ids are made distinct by comparing each with those kept, without a set.</summary>
    private const int ScannedUpTo = 8;

    private static List<string> Few(IReadOnlyCollection<string> ids)
    {
        var kept = new List<string>(ids.Count);
        foreach (var id in ids)
        {
            var seen = false;
            foreach (var other in kept) seen |= string.Equals(id, other, StringComparison.Ordinal);
            if (!seen) kept.Add(id);
        }
        return kept;
    }

    private static bool Plain(string id)
    {
        foreach (var c in id)
            if (c is < ' ' or > '~' or '"' or '\\') return false;
        return true;
    }
}
