using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Transport;

/// <summary>ConflictGraph:Sqlite:ReadMapMiB: how much of the file read connections map changes how pages are read, never an answer.</summary>
public sealed class ReadMappingTests
{
    private const string TwoLevels = """
        query($id: ID!) { node(id: $id) { id ... on Event { title perpetrators { id name } place { id name } statements { id text stance } } } }
        """;

    [Theory]
    [InlineData("0")]
    [InlineData("2047")]
    public async Task AServiceMappingNoneOrAllItMayOfTheFileAnswersAsTheDefaultDoes(string mebibytes)
    {
        using var usual = ConflictGraphApp.With(new Dictionary<string, string?> { ["ConflictGraph:Caching:StoreReads"] = "false" });
        using var mapped = ConflictGraphApp.With(new Dictionary<string, string?>
        {
            ["ConflictGraph:Caching:StoreReads"] = "false", ["ConflictGraph:Sqlite:ReadMapMiB"] = mebibytes,
        });
        await usual.ReadyClientAsync();
        await mapped.ReadyClientAsync();

        foreach (var id in new[] { "event:2021-06-27-us-airstrikes", "event:2021-04-drone-attacks-iraq" })
        {
            var expected = await usual.PostGraphQLAsync(TwoLevels, new { id });
            var answer = await mapped.PostGraphQLAsync(TwoLevels, new { id });
            Assert.Empty(answer.Errors);
            Assert.NotNull(answer.Data!["node"]);
            Assert.Equal(expected.Data!.ToJsonString(), answer.Data.ToJsonString());
        }
    }
}
