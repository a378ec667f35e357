using ConflictGraph.Sqlite.Reading;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>
/// A list of ids passed to SQLite as one JSON parameter (Ids): written directly for plain ids, through the serializer
/// for any other; json_each must read back each id once, in the order first given, whatever it holds.
/// </summary>
public sealed class IdListTests
{
    public static TheoryData<string[]> Lists => new()
    {
        Array.Empty<string>(),
        new[] { "event:e0000001" },
        new[] { "org:a", "place:b", "org:a", "person:c", "place:b" },
        new[] { "a \"quoted\" id", "back\\slash", "line\nbreak", "tab\tid" },
        new[] { "event:ünïcode", "actor:名前", "emoji:🙂", "event:plain" },
        new[] { "<html>&'+", "plain" },
        Enumerable.Range(0, 20).Select(i => $"event:e{i % 13:D7}").ToArray(),
        Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? $"quote\"{i % 7}" : $"plain{i % 5}").ToArray(),
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void JsonEachReadsEveryIdOnceInTheOrderGiven(string[] ids)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM json_each($ids) ORDER BY key";
        Ids.Add(command, "$ids", ids);
        var read = new List<string>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) read.Add(reader.GetString(0));

        Assert.Equal(ids.Distinct(StringComparer.Ordinal), read);
    }

    [Fact]
    public void AListGivenAsASetIsReadLikeTheSameIdsInAnArray()
    {
        var set = new HashSet<string>(StringComparer.Ordinal) { "event:e1", "event:e2", "event:e3" };

        Assert.Equal(Ids.Json(set.ToArray()), Ids.Json(set));
        Assert.Equal("""["event:e1","event:e2","event:e3"]""", Ids.Json(set));
    }
}
