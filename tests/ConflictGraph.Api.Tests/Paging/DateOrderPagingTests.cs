using ConflictGraph.Api.Tests.Infrastructure;
using ConflictGraph.Core.Paging;

namespace ConflictGraph.Api.Tests.Paging;

/// <summary>
/// Lists in date order, paged through GraphQL as a user pages them, over rows dated at both ends of what a date can be
/// (9999-12-31 is the day an undated row's cursor names when dates ascend), rows sharing a day, and undated rows whose
/// ids fall between those of the rows dated 9999-12-31: cut after any row, every row comes exactly once, in one order.
/// </summary>
public sealed class DateOrderPagingTests : IDisposable
{
    private readonly ConflictGraphApp app = ConflictGraphApp.With(new Dictionary<string, string?> { ["ConflictGraph:Seed:OnStartup"] = "false" });

    private static readonly (string Name, string? Date)[] Dates =
        [("a", "9999-12-31"), ("b", null), ("c", "9999-12-31"), ("d", null), ("e", "2021-06-27"), ("f", "2021-06-27"), ("g", "0001-01-01")];

    private static readonly string[] Ascending = ["g", "e", "f", "a", "c", "b", "d"];
    private static readonly string[] Descending = ["a", "c", "e", "f", "g", "b", "d"];

    private async Task ImportAsync()
    {
        object? Date(string? day) => day is null ? null : new { start = day, precision = "DAY" };
        var input = new
        {
            organizations = new[] { new { id = "org:group", name = "Group", kind = "ARMED_GROUP" } },
            places = new[] { new { id = "place:town", name = "Town", kind = "CITY" } },
            events = Dates.Select(d => new { id = $"event:{d.Name}", title = $"Event {d.Name}", kind = "ROCKET_ATTACK", date = Date(d.Date) }).ToArray(),
            statements = Dates.Select(d => new
            {
                id = $"statement:{d.Name}", text = $"Words {d.Name}.", stance = d.Name == "b" ? "DENIES" : "ASSERTS", date = Date(d.Date),
                onBehalfOfId = "org:group", aboutIds = new[] { "event:a" },
            }).ToArray(),
            relations = Dates.SelectMany(d => new[]
            {
                new { type = "OCCURRED_IN", fromId = $"event:{d.Name}", toId = "place:town" },
                new { type = "CARRIED_OUT", fromId = "org:group", toId = $"event:{d.Name}" },
            }).ToArray(),
        };
        var imported = await app.PostGraphQLAsync("mutation($input: GraphInput!) { importGraph(input: $input) { created } }", new { input }, ConflictGraphApp.WriteKey);
        Assert.True(imported.Errors.Count == 0, imported.Body.ToJsonString());
    }

    /// <summary>Each list: its field (taking $first and $after), the path to its connection, its ids in order.</summary>
    public static TheoryData<string, string, string[]> Lists => new()
    {
        { "events(first: $first, after: $after)", "events", Ids("event", Ascending) },
        { "events(first: $first, after: $after, orderBy: DATE_DESC)", "events", Ids("event", Descending) },
        { "events(first: $first, after: $after, orderBy: DATE_DESC, filter: { placeId: \"place:town\" })", "events", Ids("event", Descending) },
        { "events(first: $first, after: $after, filter: { placeId: \"place:town\" })", "events", Ids("event", Ascending) },
        { "events(first: $first, after: $after, orderBy: DATE_DESC, filter: { perpetratorId: \"org:group\" })", "events", Ids("event", Descending) },
        { "statements(first: $first, after: $after, filter: { aboutId: \"event:a\" })", "statements", Ids("statement", Ascending) },
        { "statements(first: $first, after: $after, filter: { aboutId: \"event:a\", stances: [ASSERTS] })", "statements", Ids("statement", Ascending.Where(n => n != "b")) },
        { "statements(first: $first, after: $after, filter: { organizationId: \"org:group\" })", "statements", Ids("statement", Ascending) },
        { "node(id: \"org:group\") { ... on Organization { statements(first: $first, after: $after)", "node.statements", Ids("statement", Ascending) },
        { "node(id: \"org:group\") { ... on Organization { carriedOut(first: $first, after: $after)", "node.carriedOut", Ids("event", Ascending) },
        { "node(id: \"place:town\") { ... on Place { events(first: $first, after: $after)", "node.events", Ids("event", Ascending) },
    };

    private static string[] Ids(string kind, IEnumerable<string> names) => names.Select(n => $"{kind}:{n}").ToArray();

    /// <summary>One page of a list: its ids, cursors and pageInfo.</summary>
    private async Task<(List<string> Ids, List<string> Cursors, bool HasNext, string? End)> PageAsync(string field, string path, int first, string? after)
    {
        var closing = field.StartsWith("node(", StringComparison.Ordinal) ? " } }" : "";
        var response = await app.PostGraphQLAsync(
            $"query($first: Int, $after: String) {{ {field} {{ edges {{ cursor node {{ id }} }} pageInfo {{ hasNextPage endCursor }} }}{closing} }}",
            new { first, after });
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        var connection = path.Split('.').Aggregate(response.Data!, (node, part) => node[part]!);
        var edges = connection["edges"]!.AsArray();
        var info = connection["pageInfo"]!;
        return (edges.Select(e => (string)e!["node"]!["id"]!).ToList(), edges.Select(e => (string)e!["cursor"]!).ToList(),
            (bool)info["hasNextPage"]!, (string?)info["endCursor"]);
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task EveryRowComesOnceInOneOrderWhereverThePagesAreCut(string field, string path, string[] ids)
    {
        await ImportAsync();
        var whole = await PageAsync(field, path, 100, null);
        Assert.Equal(ids, whole.Ids);
        Assert.Equal(ids.Length, whole.Cursors.Distinct().Count());

        for (var cut = 1; cut <= ids.Length; cut++)
        {
            var first = await PageAsync(field, path, cut, null);
            var rest = await PageAsync(field, path, 100, first.End);
            Assert.Equal(ids, first.Ids.Concat(rest.Ids));
            Assert.Equal(cut < ids.Length, first.HasNext);

            var (walked, cursors) = (new List<string>(), new List<string>());
            string? after = null;
            for (var pages = 0; pages <= ids.Length; pages++)
            {
                var page = await PageAsync(field, path, cut, after);
                walked.AddRange(page.Ids);
                cursors.AddRange(page.Cursors);
                if (!page.HasNext) break;
                after = page.End;
            }
            Assert.Equal(ids, walked);
            Assert.Equal(whole.Cursors, cursors);
        }
    }

    [Fact]
    public async Task AnEventsOwnStatementsListTheRowsDatedOnTheUndatedDayBeforeTheUndatedOnes()
    {
        await ImportAsync();

        var response = await app.PostGraphQLAsync("""{ node(id: "event:a") { ... on Event { statements { id } } } }""");

        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        Assert.Equal(Ids("statement", Ascending), response.Data!["node"]!["statements"]!.AsArray().Select(s => (string)s!["id"]!));
    }

    [Fact]
    public async Task ACursorIssuedBeforeTheUndatedDayWasToldApartStillResumesAfterItsUndatedRow()
    {
        await ImportAsync();
        // Cursors have always named an undated row by the day 9999-12-31 when dates ascend.
        var old = Cursor.Encode("a:9999-12-31", "statement:b");

        var rest = await PageAsync("statements(first: $first, after: $after, filter: { aboutId: \"event:a\" })", "statements", 100, old);

        Assert.Equal(["statement:d"], rest.Ids);
    }

    [Theory]
    [InlineData("a:2021-06-27 dated")]
    [InlineData("a:June")]
    [InlineData("d:2021-06-27")]
    public async Task ACursorWhoseDateNoListIssuedIsRefusedNamingTheArgument(string key)
    {
        await ImportAsync();
        var cursor = Cursor.Encode(key, "statement:a");

        var response = await app.PostGraphQLAsync(
            "query($after: String) { statements(first: 5, after: $after, filter: { aboutId: \"event:a\" }) { nodes { id } } }", new { after = cursor });

        var error = Assert.Single(response.Errors)!;
        Assert.Equal("BAD_USER_INPUT", (string)error["extensions"]!["code"]!);
        Assert.Equal($"after: '{cursor}' is not a cursor this service issued", (string)error["message"]!);
    }

    public void Dispose() => app.Dispose();
}
