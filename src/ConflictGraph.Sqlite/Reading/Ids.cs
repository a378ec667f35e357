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

    public static string In(string parameter) => string.Format(Each, parameter);

    public static void Add(SqliteCommand command, string parameter, IEnumerable<string> ids) =>
        command.Parameters.AddWithValue(parameter, JsonSerializer.Serialize(ids.Distinct(StringComparer.Ordinal)));
}
