using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Sqlite.Reading;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Writing;

/// <summary>
/// The full-text table of names and aliases (<see cref="SearchText.Names"/>), search's first tier;
/// written beside the search table by every write (WriteCommands), filled from the stored nodes by the migration.
/// </summary>
internal static class NameIndex
{
    public const string Table = "search_names";

    /// <summary>The named kinds as the nodes table spells them, for an <c>IN</c> list.</summary>
    public static string Kinds => $"({string.Join(", ", SearchText.NamedKinds.Select(k => $"'{EnumNames.Of(k)}'"))})";

    /// <summary>Whether a node of this kind (as stored) has a row in the table.</summary>
    public static bool Holds(string kind) => SearchText.NamedKinds.Any(k => EnumNames.Of(k) == kind);

    /// <summary>Replaces every row with one per stored person, organization and place.</summary>
    public static void Rebuild(SqliteConnection connection, SqliteTransaction transaction)
    {
        connection.Execute($"DELETE FROM {Table}", transaction);
        var rows = new List<(long Seq, string Names)>();
        using (var read = connection.Command($"SELECT seq, kind, body FROM nodes WHERE kind IN {Kinds} ORDER BY seq", transaction))
        using (var reader = read.ExecuteReader())
            while (reader.Read())
                if (SearchText.Names(NodeRow.Read(reader, kind: 1, body: 2)) is { } names)
                    rows.Add((reader.GetInt64(0), names));
        using var insert = connection.Command($"INSERT INTO {Table} (rowid, text) VALUES ($seq, $text)", transaction);
        var seq = insert.Parameters.Add(new SqliteParameter("$seq", null));
        var text = insert.Parameters.Add(new SqliteParameter("$text", null));
        foreach (var row in rows)
        {
            seq.Value = row.Seq;
            text.Value = row.Names;
            insert.ExecuteNonQuery();
        }
    }
}
