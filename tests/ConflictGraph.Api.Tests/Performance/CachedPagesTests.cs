using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Performance;

/// <summary>
/// Over HTTP, with the read cache keeping every read at its first miss: pages of statements that differ in one filter or
/// one cursor, asked in turn, each answer as the uncached service gives it; none is served for another.
/// </summary>
public sealed class CachedPagesTests : IDisposable
{
    private const string Strikes = "event:2021-06-27-us-airstrikes";

    private readonly ConflictGraphApp cached = ConflictGraphApp.With(new Dictionary<string, string?>
    {
        ["ConflictGraph:Caching:StoreReads"] = "true",
        ["ConflictGraph:Caching:AdmissionWindow"] = "0",
    });

    private readonly ConflictGraphApp uncached = ConflictGraphApp.With(new Dictionary<string, string?>
    {
        ["ConflictGraph:Caching:StoreReads"] = "false",
    });

    /// <summary>The same request to both services: the cached answer, checked against the uncached one.</summary>
    private async Task<string> AskAsync(string query, object variables)
    {
        var fromCache = await cached.PostGraphQLAsync(query, variables);
        var fromStore = await uncached.PostGraphQLAsync(query, variables);
        Assert.Empty(fromCache.Errors);
        Assert.Empty(fromStore.Errors);
        Assert.Equal(fromStore.Data!.ToJsonString(), fromCache.Data!.ToJsonString());
        return fromCache.Data!.ToJsonString();
    }

    [Fact]
    public async Task AnEventsStatementsDifferingInOneStanceAreNeverServedForEachOther()
    {
        const string query = """
            query($id: ID!, $stances: [Stance!]) { node(id: $id) { id ... on Event { place { id } statements(stances: $stances) { id stance } } } }
            """;
        object?[] filters = [null, new[] { "ASSERTS" }, new[] { "DENIES" }, new[] { "ASSERTS", "DENIES" }, new[] { "REPORTS" }];
        var first = new List<string>();
        foreach (var stances in filters) first.Add(await AskAsync(query, new { id = Strikes, stances }));
        Assert.Equal(filters.Length, first.Distinct().Count());
        // Again in turn, now from memory: each filter still has its own answer.
        for (var round = 0; round < 2; round++)
            for (var i = filters.Length - 1; i >= 0; i--)
                Assert.Equal(first[i], await AskAsync(query, new { id = Strikes, stances = filters[i] }));
    }

    [Fact]
    public async Task PagesOfStatementsDifferingInOneCursorOrOneFilterAreNeverServedForEachOther()
    {
        const string query = """
            query($filter: StatementFilter, $after: String) { statements(first: 3, filter: $filter, after: $after) { pageInfo { endCursor hasNextPage } nodes { id stance } } }
            """;
        static string EndCursor(string answer) =>
            System.Text.Json.Nodes.JsonNode.Parse(answer)!["statements"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var about = new { aboutId = Strikes };
        var reports = new { aboutId = Strikes, stances = new[] { "REPORTS" } };
        var asks = new List<(object Filter, string? After)> { (about, null), (reports, null) };
        var answers = new List<string>();
        foreach (var (filter, after) in asks) answers.Add(await AskAsync(query, new { filter, after }));
        // The next pages, the same filters with a cursor; then filters differing in one stance or the event.
        asks.AddRange([(about, EndCursor(answers[0])), (reports, EndCursor(answers[1])), (new { aboutId = Strikes, stances = new[] { "DEFENDS" } }, null),
            (new { aboutId = "event:2021-02-us-airstrikes-syria" }, null)]);
        foreach (var (filter, after) in asks.Skip(2)) answers.Add(await AskAsync(query, new { filter, after }));
        Assert.Equal(asks.Count, answers.Distinct().Count());
        for (var round = 0; round < 2; round++)
            for (var i = asks.Count - 1; i >= 0; i--)
                Assert.Equal(answers[i], await AskAsync(query, new { filter = asks[i].Filter, after = asks[i].After }));
    }

    public void Dispose()
    {
        cached.Dispose();
        uncached.Dispose();
    }
}
