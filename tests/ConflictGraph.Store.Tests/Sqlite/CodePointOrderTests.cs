using ConflictGraph.Sqlite.Reading;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>Lists an export sorts in .NET come out in the order SQLite's ORDER BY gave them before.</summary>
public sealed class CodePointOrderTests
{
    [Fact]
    public void IdsSortAsSqliteSortsText()
    {
        string[] ids = ["place:b", "place:a", "place:\uE000", "place:\U0001F600", "place:", "place:ab", "Place:a", "place:\u00E9", "place:\uFFFD"];
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM json_each($ids) ORDER BY value";
        command.Parameters.AddWithValue("$ids", System.Text.Json.JsonSerializer.Serialize(ids));
        var bySqlite = new List<string>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) bySqlite.Add(reader.GetString(0));

        var ours = ids.ToList();
        ours.Sort(CodePointOrder.Compare);
        Assert.Equal(bySqlite, ours);
        // Ordinal UTF-16 order puts the surrogate pair before U+E000, so it would not do.
        Assert.NotEqual(bySqlite, ids.Order(StringComparer.Ordinal).ToList());
    }
}
