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
        command.Parameters.AddWithValue(parameter, JsonSerializer.Serialize(ids.Distinct(StringComparer.Ordinal)));
}
