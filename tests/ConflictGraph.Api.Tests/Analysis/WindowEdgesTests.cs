using System.Text.Json.Nodes;

namespace ConflictGraph.Api.Tests.Analysis;

/// <summary>
/// Aggregates by month over windows off month bounds, over HTTP, on events that span month ends (<see cref="SpanningEventsApp"/>):
/// the SQLite store answers the window's whole months from its kept cells and the part months at either edge from the
/// events, and each must count an event exactly as <c>events(filter)</c> lists it: one ending on the window's first day or
/// starting on its last is in, one a day out is not, and one crossing from an edge into a whole month, or across both
/// edges, counts once.
/// </summary>
public sealed class WindowEdgesTests(SpanningEventsApp spans) : IClassFixture<SpanningEventsApp>
{
    private const string Window = "{ placeId: \"place:ostland\", from: \"2024-02-20\", to: \"2024-04-20\" }";

    [Theory]
    // March whole; the edges are 20-29 February and 1-20 April.
    [InlineData(Window, "feb-mar edges border inside long mar-apr touch-from touch-to")]
    // The first day is the day the February siege ends; a day later it is out.
    [InlineData("{ placeId: \"place:ostland\", from: \"2024-03-05\", to: \"2024-05-31\" }", "after feb-mar edges border inside long mar-apr touch-to")]
    [InlineData("{ placeId: \"place:ostland\", from: \"2024-03-06\", to: \"2024-05-31\" }", "after edges border inside long mar-apr touch-to")]
    // The last day is the day the shelling starts; a day earlier it is out.
    [InlineData("{ placeId: \"place:ostland\", from: \"2024-01-01\", to: \"2024-03-28\" }", "before feb-mar edges inside long mar-apr touch-from")]
    [InlineData("{ placeId: \"place:ostland\", from: \"2024-01-01\", to: \"2024-03-27\" }", "before feb-mar edges inside long touch-from")]
    // One bound only: the whole months run to the end (or from the start) of time.
    [InlineData("{ placeId: \"place:ostland\", from: \"2024-04-21\" }", "after long touch-to")]
    [InlineData("{ placeId: \"place:ostland\", to: \"2024-02-19\" }", "before long touch-from")]
    [InlineData("{ placeId: \"place:ostland-east\", kinds: [GROUND_ATTACK], from: \"2024-02-20\", to: \"2024-04-20\" }", "feb-mar edges long touch-from touch-to")]
    public async Task ByMonthCountsEachSpanningEventAsTheEventsListIt(string filter, string expected)
    {
        foreach (var bucket in new[] { "MONTH", "YEAR" })
        {
            var response = await spans.App.PostGraphQLAsync(
                $"{{ eventAggregate(filter: {filter}, groupBy: [TIME, KIND], bucket: {bucket}) {{ total {{ events }} groups {{ events }} }} " +
                $"events(filter: {filter}, first: 100) {{ totalCount nodes {{ id }} }} }}");
            Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
            var events = response.Data!["events"]!;
            Assert.Equal(expected.Split(' ').Select(e => $"event:span-{e}").Order(StringComparer.Ordinal),
                events["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
            var count = events["totalCount"]!.GetValue<int>();
            var aggregate = response.Data["eventAggregate"]!;
            Assert.Equal(count, aggregate["total"]!["events"]!.GetValue<int>());
            Assert.Equal(count, aggregate["groups"]!.AsArray().Sum(g => g!["events"]!.GetValue<int>()));
        }
    }

    [Fact]
    public async Task ByMonthEachSpanningEventCountsInItsStartsMonthAndIsImpreciseWhenItEndsInAnother()
    {
        var response = await spans.App.PostGraphQLAsync(
            $"{{ eventAggregate(filter: {Window}, groupBy: [TIME], bucket: MONTH) {{ groups {{ keys {{ value }} events impreciseEvents }} }} }}");
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        // February: the sieges into March and to the window's first day, the blockade (to April). March: the strike, the
        // shelling and the border shelling (both into April). January: the occupation (to May). April: the raids from the last
        // day (to May). The groups come largest first.
        Assert.Equal(["2024-02-01: 3 events, 2 imprecise", "2024-03-01: 3 events, 2 imprecise", "2024-01-01: 1 events, 1 imprecise", "2024-04-01: 1 events, 1 imprecise"],
            response.Data!["eventAggregate"]!["groups"]!.AsArray().Select(g => $"{g!["keys"]![0]!["value"]}: {g["events"]} events, {g["impreciseEvents"]} imprecise"));
    }

    [Theory]
    [InlineData("COUNTRY", "place:ostland: 8", "place:westland: 2")]
    [InlineData("REGION", "place:ostland-east: 7", "place:ostland-west: 1")]
    [InlineData("CITY", ": 2", "place:ostburg: 6", "place:westburg: 2")]
    public async Task APlaceByPlaceInTheWindowCountsEachGroupAsThatPlacesEventsList(string level, params string[] expected)
    {
        var response = await spans.App.PostGraphQLAsync(
            $"{{ eventAggregate(filter: {Window}, groupBy: [PLACE], bucket: MONTH, placeLevel: {level}) {{ total {{ events }} groups {{ keys {{ value }} events }} }} " +
            $"events(filter: {Window}, first: 1) {{ totalCount }} }}");
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        var groups = response.Data!["eventAggregate"]!["groups"]!.AsArray().Select(g => (Place: g!["keys"]![0]!["value"]!.GetValue<string>(), Events: g["events"]!.GetValue<int>())).ToList();
        Assert.Equal(expected, groups.Select(g => $"{g.Place}: {g.Events}").Order(StringComparer.Ordinal));
        Assert.Equal(response.Data["events"]!["totalCount"]!.GetValue<int>(), response.Data["eventAggregate"]!["total"]!["events"]!.GetValue<int>());
        // Each place's group is that place's events in the window, the border events in Westland's too.
        foreach (var (place, events) in groups.Where(g => g.Place != ""))
            Assert.Equal(await Count(Window.Replace(SpanningEventsApp.Ostland, place)), events);
    }

    [Fact]
    public async Task EveryCountryByMonthInTheWindowAddsUpToEachCountrysEventsList()
    {
        var response = await spans.App.PostGraphQLAsync(
            "{ eventAggregate(filter: { from: \"2024-02-20\", to: \"2024-04-20\" }, groupBy: [PLACE, TIME], bucket: MONTH, first: 100) { groups { keys { value } events } } }");
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        var groups = response.Data!["eventAggregate"]!["groups"]!.AsArray().Select(g => g!).ToList();
        foreach (var country in new[] { "place:ostland", "place:westland" })
        {
            var byMonth = groups.Where(g => g["keys"]![0]!["value"]!.GetValue<string>() == country).ToList();
            Assert.Equal(await Count(Window.Replace(SpanningEventsApp.Ostland, country)), byMonth.Sum(g => g["events"]!.GetValue<int>()));
        }
        Assert.Contains(groups, g => g["keys"]![0]!["value"]!.GetValue<string>() == "place:westland" && g["keys"]![1]!["value"]!.GetValue<string>() == "2024-03-01" && g["events"]!.GetValue<int>() == 1);
    }

    private async Task<int> Count(string filter)
    {
        var response = await spans.App.PostGraphQLAsync($"{{ events(filter: {filter}, first: 1) {{ totalCount }} }}");
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        return response.Data!["events"]!["totalCount"]!.GetValue<int>();
    }
}
