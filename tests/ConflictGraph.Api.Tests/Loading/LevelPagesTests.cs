using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Loading;

/// <summary>
/// A level's node pages (an event's statements) go to the store with the level's expansion (its perpetrators and place):
/// the 2-level query is two store calls, read from <c>extensions.cost</c>, and answers as the pages read on their own do.
/// </summary>
public sealed class LevelPagesTests : IDisposable
{
    private const string Strikes = "event:2021-06-27-us-airstrikes";

    private const string TwoLevels = """
        query($id: ID!) { node(id: $id) { id ... on Event { title perpetrators { id name } place { id name kind } statements { id text stance } } } }
        """;

    private readonly ConflictGraphApp app = ConflictGraphApp.With(new Dictionary<string, string?>
    {
        ["ConflictGraph:Diagnostics:Cost"] = "true",
        ["ConflictGraph:Caching:StoreReads"] = "false",
    });

    private static int StoreCalls(GraphQLResponse response) => response.Body["extensions"]!["cost"]!["storeCalls"]!.GetValue<int>();

    [Fact]
    public async Task TheTwoLevelQueryIsTwoStoreCallsAndItsStatementsAreThePageReadOnItsOwn()
    {
        var response = await app.PostGraphQLAsync(TwoLevels, new { id = Strikes });
        Assert.Empty(response.Errors);
        // Level 1 the event; level 2 its perpetrators, its place and its statements, in one call (three before).
        Assert.Equal(2, StoreCalls(response));
        var strikes = response.Data!["node"]!;
        Assert.NotEmpty(strikes["perpetrators"]!.AsArray());
        Assert.NotNull(strikes["place"]);

        var alone = await app.PostGraphQLAsync("""
            query($id: ID) { statements(first: 100, filter: { aboutId: $id }) { nodes { id text stance } } }
            """, new { id = Strikes });
        Assert.Empty(alone.Errors);
        Assert.Equal(1, StoreCalls(alone));
        var statements = alone.Data!["statements"]!["nodes"]!.AsArray();
        Assert.NotEmpty(statements);
        Assert.Equal(statements.ToJsonString(), strikes["statements"]!.AsArray().ToJsonString());
    }

    [Fact]
    public async Task ALevelOfPagesAloneAndALevelOfManyEventsAreOneCallEach()
    {
        var response = await app.PostGraphQLAsync("""
            { events(first: 5) { nodes { id place { id } statements(stances: [ASSERTS]) { id stance speaker { id } } } } }
            """);
        Assert.Empty(response.Errors);
        // The events' page; their places and statements; the statements' speakers.
        Assert.Equal(3, StoreCalls(response));
        var events = response.Data!["events"]!["nodes"]!.AsArray();
        Assert.Equal(5, events.Count);
        Assert.All(events.SelectMany(e => e!["statements"]!.AsArray()), s => Assert.Equal("ASSERTS", (string)s!["stance"]!));

        var actors = await app.PostGraphQLAsync("{ actors(first: 3) { nodes { id statements(first: 2) { totalCount nodes { id } } } } }");
        Assert.Empty(actors.Errors);
        Assert.Equal(2, StoreCalls(actors));
        Assert.Equal(3, actors.Data!["actors"]!["nodes"]!.AsArray().Count);
    }

    public void Dispose() => app.Dispose();
}
