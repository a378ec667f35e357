using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Loading;

/// <summary>
/// What SQLite runs for one request, read from the store's statement trace (Sqlite:TraceStatements) with the read
/// cache off: every execution costs the service CPU, so a request runs only the statements its answer needs.
/// </summary>
public sealed class StatementExecutionTests : IDisposable
{
    private const string TwoLevels = """
        query($id: ID!) { node(id: $id) { id ... on Event { title perpetrators { id name } place { id name } statements { id stance } } } }
        """;

    private readonly StatementTrace trace = new();
    private readonly ConflictGraphApp app;

    public StatementExecutionTests() => app = trace.App();

    [Fact]
    public async Task AnEventsStatementsAreReadInOneExecutionWithoutASnapshotOfTheirOwn()
    {
        await app.ReadyClientAsync();
        trace.Lines.Clear();

        var response = await app.PostGraphQLAsync(TwoLevels, new { id = "event:2021-06-27-us-airstrikes" });

        Assert.Empty(response.Errors);
        Assert.Equal(19, response.Data!["node"]!["statements"]!.AsArray().Count);
        Assert.NotEmpty(response.Data!["node"]!["perpetrators"]!.AsArray());
        var executed = trace.Lines.ToList();
        // The statements page is one statement, with no snapshot of its own (nor one for the level beside it).
        Assert.True(executed.Count(sql => sql.Contains("'aboutIds'", StringComparison.Ordinal)) == 1, string.Join("\n", executed));
        Assert.True(!executed.Any(sql => sql.EndsWith(" BEGIN", StringComparison.Ordinal)), string.Join("\n", executed));
    }

    [Fact]
    public async Task AnEventWithItsPerpetratorsPlaceAndStatementsIsThreeExecutions()
    {
        await app.ReadyClientAsync();
        trace.Lines.Clear();

        var response = await app.PostGraphQLAsync(TwoLevels, new { id = "event:2021-06-27-us-airstrikes" });

        Assert.Empty(response.Errors);
        var strikes = response.Data!["node"]!;
        Assert.Equal(["org:us-air-force", "org:us-military"], strikes["perpetrators"]!.AsArray().Select(p => (string)p!["id"]!).Order());
        Assert.NotNull(strikes["place"]!["name"]);
        // The data version is read on the cache's own clock (Caching:VersionCheckInterval), not for a request.
        var executed = trace.Lines.Where(sql => !sql.Contains("max(seq) FROM history", StringComparison.Ordinal)).ToList();
        // Level 1 reads the event. Level 2 follows its perpetrators and its place to their ends only, so their relations and
        // the nodes at their ends are one statement, which needs no BEGIN and ROLLBACK around it; the statements page is another.
        Assert.True(executed.Count == 3, $"{executed.Count} executions:\n{string.Join("\n", executed)}");
        Assert.True(!executed.Any(sql => sql.EndsWith(" BEGIN", StringComparison.Ordinal) || sql.EndsWith(" ROLLBACK", StringComparison.Ordinal)),
            string.Join("\n", executed));
    }

    [Fact]
    public async Task APlacesEventsInAWindowWalkTheirCandidatesOnceForThePageAndTheTotal()
    {
        const string InSyria = """
            query($first: Int!, $after: String) { events(filter: { placeId: "place:syria", from: "2021-06-01", to: "2021-06-30" }, first: $first, after: $after) {
              totalCount nodes { id } pageInfo { endCursor hasNextPage } } }
            """;
        await app.ReadyClientAsync();
        var all = await app.PostGraphQLAsync(InSyria, new { first = 100 });
        Assert.Empty(all.Errors);
        var ids = all.Data!["events"]!["nodes"]!.AsArray().Select(n => (string)n!["id"]!).ToList();
        Assert.True(ids.Count >= 2, string.Join(", ", ids));
        Assert.Equal(ids.Count, (int)all.Data!["events"]!["totalCount"]!);

        // Page by page: each carries the whole total, from one statement that reads the place's events.
        var walked = new List<string>();
        string? after = null;
        do
        {
            trace.Lines.Clear();
            var page = await app.PostGraphQLAsync(InSyria, new { first = 1, after });
            Assert.Empty(page.Errors);
            var events = page.Data!["events"]!;
            Assert.Equal(ids.Count, (int)events["totalCount"]!);
            walked.AddRange(events["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
            var executed = trace.Lines.ToList();
            Assert.True(executed.Count(sql => sql.Contains("FROM place_events", StringComparison.Ordinal)) == 1, string.Join("\n", executed));
            after = (bool)events["pageInfo"]!["hasNextPage"]! ? (string?)events["pageInfo"]!["endCursor"] : null;
        }
        while (after is not null);
        Assert.Equal(ids, walked);

        // After the last event: no node, still the total (counted on its own, as nothing carried it).
        var last = (string)all.Data!["events"]!["pageInfo"]!["endCursor"]!;
        var beyond = await app.PostGraphQLAsync(InSyria, new { first = 1, after = last });
        Assert.Empty(beyond.Errors);
        Assert.Empty(beyond.Data!["events"]!["nodes"]!.AsArray());
        Assert.Equal(ids.Count, (int)beyond.Data!["events"]!["totalCount"]!);
    }

    [Fact]
    public async Task APlacesEventsInAWindowAreReadFromTheBodiesKeptBesideTheirEntriesAndAnswerAsEachEventDoes()
    {
        const string InSyria = """
            query { events(filter: { placeId: "place:syria", from: "2021-06-01", to: "2021-06-30" }, first: 20) {
              totalCount nodes { id title date { start end precision } } } }
            """;
        const string Since = """
            query { events(filter: { placeId: "place:syria", from: "2021-06-01" }, first: 20) { nodes { id title date { start end precision } } } }
            """;
        const string One = "query($id: ID!) { node(id: $id) { id ... on Event { title date { start end precision } } } }";
        await app.ReadyClientAsync();
        trace.Lines.Clear();

        var page = await app.PostGraphQLAsync(InSyria);
        var read = trace.Lines.Single(sql => sql.Contains("FROM place_event", StringComparison.Ordinal));
        trace.Lines.Clear();
        var open = await app.PostGraphQLAsync(Since);
        var openRead = trace.Lines.Single(sql => sql.Contains("FROM place_event", StringComparison.Ordinal));

        Assert.Empty(page.Errors);
        Assert.Empty(open.Errors);
        var nodes = page.Data!["events"]!["nodes"]!.AsArray();
        Assert.True(nodes.Count >= 2, nodes.ToJsonString());
        Assert.Equal(nodes.Count, (int)page.Data!["events"]!["totalCount"]!);
        // With both bounds the page's events are read with their bodies from the rows kept beside their entries (schema 22):
        // no node row. An open window (undated events have no kept row) reads them by the seq place_events carries (schema 17),
        // not through the index of every node's id.
        Assert.Contains("FROM place_event_bodies", read, StringComparison.Ordinal);
        Assert.DoesNotContain("nodes n", read, StringComparison.Ordinal);
        Assert.Contains("n.seq = m.seq", openRead, StringComparison.Ordinal);
        Assert.DoesNotContain("place_event_bodies", openRead, StringComparison.Ordinal);
        Assert.DoesNotContain("n.id = m.id", openRead, StringComparison.Ordinal);
        var openNodes = open.Data!["events"]!["nodes"]!.AsArray();
        Assert.NotEmpty(openNodes);
        foreach (var node in nodes.Concat(openNodes))
        {
            var alone = await app.PostGraphQLAsync(One, new { id = (string)node!["id"]! });
            Assert.Empty(alone.Errors);
            Assert.Equal(alone.Data!["node"]!.ToJsonString(), node.ToJsonString());
        }
    }

    [Theory]
    [InlineData("2021-06-01", "2021-06-30", true)]
    [InlineData("2021-04-01", "2021-07-31", true)]
    [InlineData("2021-06-02", "2021-06-30", false)]
    [InlineData("2021-06-01", "2021-06-29", false)]
    public async Task APlacesEventsInWholeMonthsTakeTheirTotalFromTheKeptMonthsAndAnswerAsCounted(string from, string to, bool kept)
    {
        const string InSyria = """
            query($from: Date!, $to: Date!, $first: Int!) { events(filter: { placeId: "place:syria", from: $from, to: $to }, first: $first) {
              totalCount nodes { id } } }
            """;
        await app.ReadyClientAsync();
        trace.Lines.Clear();

        var page = await app.PostGraphQLAsync(InSyria, new { from, to, first = 1 });
        var read = trace.Lines.First(sql => sql.Contains("FROM place_events", StringComparison.Ordinal));
        var all = await app.PostGraphQLAsync(InSyria, new { from, to, first = 100 });

        Assert.Empty(page.Errors);
        Assert.Empty(all.Errors);
        var count = all.Data!["events"]!["nodes"]!.AsArray().Count;
        Assert.True(count >= 2, all.Data!.ToJsonString());
        Assert.Equal(count, (int)page.Data!["events"]!["totalCount"]!);
        Assert.Equal(count, (int)all.Data!["events"]!["totalCount"]!);
        // A window of whole months reads the kept months (schema 20) beside the page, and counts only the events longer than
        // a year, which they do not keep (one span class's range); any other window counts every span class's entries.
        Assert.Equal(kept, read.Contains("FROM place_month_events", StringComparison.Ordinal));
        var counted = Parenthesized(read, read.IndexOf("(SELECT count(*) FROM (", StringComparison.Ordinal));
        Assert.Equal(kept ? 0 : 3, counted.Split(" UNION ALL ").Length - 1);
    }

    /// <summary>The parenthesized part of <paramref name="sql"/> opening at <paramref name="start"/>.</summary>
    private static string Parenthesized(string sql, int start)
    {
        var depth = 0;
        for (var i = start; ; i++)
        {
            depth += sql[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0) return sql[start..(i + 1)];
        }
    }

    public void Dispose() => app.Dispose();
}
