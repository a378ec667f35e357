using ConflictGraph.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Api.Tests.Transport;

/// <summary>
/// A service started over a file nothing wrote to since its write-ahead log was emptied (an imported file) commits one
/// unchanged page at start, so its reads take the file's size from the log instead of an fstat each; it answers as the
/// service that wrote the file, many requests at once, and a write is seen by the next read.
/// </summary>
public sealed class ReopenedFileTests
{
    private const string TwoLevels = """
        query($id: ID!) { node(id: $id) { id ... on Event { title perpetrators { id name } place { id name } statements { id text stance } } } }
        """;

    private static readonly string[] Ids = ["event:2021-06-27-us-airstrikes", "event:2021-04-drone-attacks-iraq"];

    [Fact]
    public async Task AServiceOverAnImportedFileAnswersAsTheOneThatWroteItAndSeesItsOwnWrites()
    {
        using var seeded = ConflictGraphApp.With(new Dictionary<string, string?> { ["ConflictGraph:Caching:StoreReads"] = "false" });
        await seeded.ReadyClientAsync();
        var copy = Path.Combine(Directory.CreateTempSubdirectory("conflictgraph-api-reopened-").FullName, "copy.db");
        try
        {
            // A file of its own with no log beside it, as an import leaves one once its last connection closed.
            await using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = seeded.StorePath, Pooling = false }.ToString()))
            {
                source.Open();
                await using var vacuum = source.CreateCommand();
                vacuum.CommandText = $"VACUUM INTO '{copy.Replace("'", "''")}'";
                vacuum.ExecuteNonQuery();
            }
            Assert.False(File.Exists(copy + "-wal"));
            using var reopened = ConflictGraphApp.With(new Dictionary<string, string?>
            {
                ["ConflictGraph:Sqlite:Path"] = copy, ["ConflictGraph:Seed:OnStartup"] = "false", ["ConflictGraph:Caching:StoreReads"] = "false",
            });
            await reopened.ReadyClientAsync();

            // The one commit, still in the log: a log header (32 bytes) and at least one frame (a 24-byte header and a page).
            Assert.True(new FileInfo(copy + "-wal").Length > 32 + 24);
            var expected = new Dictionary<string, string>();
            foreach (var id in Ids) expected[id] = (await seeded.PostGraphQLAsync(TwoLevels, new { id })).Data!.ToJsonString();
            var answers = await Task.WhenAll(Enumerable.Range(0, 48).Select(i => reopened.PostGraphQLAsync(TwoLevels, new { id = Ids[i % Ids.Length] })));
            for (var i = 0; i < answers.Length; i++)
            {
                Assert.Empty(answers[i].Errors);
                Assert.Equal(expected[Ids[i % Ids.Length]], answers[i].Data!.ToJsonString());
            }

            var kind = (string)(await reopened.PostGraphQLAsync("query($id: ID!) { node(id: $id) { ... on Event { kind } } }", new { id = Ids[0] })).Data!["node"]!["kind"]!;
            var write = $$"""mutation { importGraph(input: { events: [{ id: "{{Ids[0]}}", title: "Renamed", kind: {{kind}} }] }) { updated } }""";
            Assert.Equal(1, (await reopened.PostGraphQLAsync(write, key: ConflictGraphApp.WriteKey)).Data!["importGraph"]!["updated"]!.GetValue<int>());
            var after = await reopened.PostGraphQLAsync(TwoLevels, new { id = Ids[0] });
            Assert.Equal("Renamed", (string)after.Data!["node"]!["title"]!);
        }
        finally
        {
            // The reopened service closed its connections as it was disposed, at the end of the block above.
            Directory.Delete(Path.GetDirectoryName(copy)!, recursive: true);
        }
    }
}
