using System.Text.Json.Nodes;

namespace ConflictGraph.Api.Tests.Analysis;

/// <summary>
/// The aggregate shapes the SQLite store answers from its kept cells (a country all time, in whole months or in a window
/// off month bounds, by month, quarter or year, with kinds; every country by month; a country by country or region), over
/// HTTP on the Ruritania events: each total is the events list's totalCount for the same filter, and each country's groups
/// add up to that country's count.
/// </summary>
public sealed class KeptCellsAggregateTests(AnalysisApp analysis) : IClassFixture<AnalysisApp>
{
    [Theory]
    [InlineData("{ placeId: \"place:ruritania\" }", "YEAR", "TIME")]
    [InlineData("{ placeId: \"place:ruritania\", from: \"2024-03-01\", to: \"2024-04-30\" }", "QUARTER", "TIME, KIND")]
    [InlineData("{ placeId: \"place:ruritania\", kinds: [AIRSTRIKE, ROCKET_ATTACK], from: \"2024-04-01\" }", "MONTH", "KIND")]
    [InlineData("{ placeId: \"place:ruritania-north\", to: \"2024-03-31\" }", "MONTH", "TIME")]
    [InlineData("{ placeId: \"place:graustark\", from: \"2024-01-01\", to: \"2024-12-31\" }", "YEAR", "ACLED_EVENT_TYPE")]
    // Off month bounds: March from the cells, the days of February and April from the events.
    [InlineData("{ placeId: \"place:ruritania\", from: \"2024-02-20\", to: \"2024-04-20\" }", "MONTH", "TIME")]
    [InlineData("{ placeId: \"place:ruritania-north\", from: \"2024-03-05\" }", "QUARTER", "KIND")]
    [InlineData("{ placeId: \"place:ruritania\", kinds: [AIRSTRIKE, ROCKET_ATTACK], to: \"2024-04-02\" }", "YEAR", "TIME")]
    public async Task APlacesTotalInWholeMonthsIsItsEventsCount(string filter, string bucket, string groupBy)
    {
        var response = await analysis.App.PostGraphQLAsync(
            $"{{ eventAggregate(filter: {filter}, groupBy: [{groupBy}], bucket: {bucket}) {{ total {{ events }} groups {{ events }} }} " +
            $"events(filter: {filter}, first: 1) {{ totalCount }} }}");
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        var aggregate = response.Data!["eventAggregate"]!;
        var count = response.Data["events"]!["totalCount"]!.GetValue<int>();
        Assert.True(count > 0, $"{filter} selects no event, so the comparison proves little");
        Assert.Equal(count, aggregate["total"]!["events"]!.GetValue<int>());
        Assert.Equal(count, aggregate["groups"]!.AsArray().Sum(g => g!["events"]!.GetValue<int>()));
    }

    [Fact]
    public async Task AQuarterOfKindsInWholeMonthsCountsEachDeathOnce()
    {
        var response = await analysis.App.PostGraphQLAsync(
            "{ eventAggregate(filter: { placeId: \"place:ruritania\", from: \"2024-03-01\", to: \"2024-04-30\" }, groupBy: [TIME, KIND], bucket: QUARTER) " +
            "{ groups { keys { value } events impreciseEvents disputedEvents killedLow killedBest killedHigh } } }");
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        Assert.Equal(
            // The campaign (10-12) holds the strike on the castle (4): its dead are the campaign's; the depot's 'at least 3' add.
            ["2024-01-01 AIRSTRIKE: 3 events, 0 imprecise, 0 disputed, killed 13/13/-", "2024-04-01 ROCKET_ATTACK: 1 events, 0 imprecise, 1 disputed, killed -/-/-"],
            response.Data!["eventAggregate"]!["groups"]!.AsArray().Select(g => Line(g!)));
    }

    [Fact]
    public async Task EveryCountryByMonthAddsUpToEachCountrysEventsCount()
    {
        var response = await analysis.App.PostGraphQLAsync(
            "{ eventAggregate(groupBy: [PLACE, TIME], bucket: MONTH, first: 100) { total { events } groups { keys { value } events } } " +
            "ruritania: events(filter: { placeId: \"place:ruritania\" }, first: 1) { totalCount } graustark: events(filter: { placeId: \"place:graustark\" }, first: 1) { totalCount } " +
            "all: events(first: 1) { totalCount } }");
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        var data = response.Data!;
        var groups = data["eventAggregate"]!["groups"]!.AsArray().Select(g => g!).ToList();
        int Country(string id) => groups.Where(g => g["keys"]![0]!["value"]!.GetValue<string>() == id).Sum(g => g["events"]!.GetValue<int>());
        Assert.Equal(data["ruritania"]!["totalCount"]!.GetValue<int>(), Country("place:ruritania"));
        // The rockets fell in both countries: counted under each, once.
        Assert.Equal(data["graustark"]!["totalCount"]!.GetValue<int>(), Country("place:graustark"));
        Assert.Equal(data["all"]!["totalCount"]!.GetValue<int>(), data["eventAggregate"]!["total"]!["events"]!.GetValue<int>());
        Assert.Contains(groups, g => g["keys"]![0]!["value"]!.GetValue<string>() == "place:ruritania" && g["keys"]![1]!["value"]!.GetValue<string>() == "2024-03-01" && g["events"]!.GetValue<int>() == 3);
    }

    [Fact]
    public async Task ACountryByCountryAndByRegionOffMonthBoundsCountsTheRocketsInBothCountries()
    {
        const string filter = "{ placeId: \"place:ruritania\", from: \"2024-02-20\", to: \"2024-04-20\" }";
        var response = await analysis.App.PostGraphQLAsync(
            $"{{ countries: eventAggregate(filter: {filter}, groupBy: [PLACE, TIME], bucket: MONTH, placeLevel: COUNTRY) {{ total {{ events }} groups {{ keys {{ value }} events }} }} " +
            $"regions: eventAggregate(filter: {filter}, groupBy: [PLACE], bucket: MONTH, placeLevel: REGION) {{ total {{ events }} groups {{ keys {{ value }} events }} }} " +
            $"events(filter: {filter}, first: 1) {{ totalCount }} }}");
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        var data = response.Data!;
        static IEnumerable<string> Groups(JsonNode aggregate) => aggregate["groups"]!.AsArray()
            .Select(g => $"{string.Join(" ", g!["keys"]!.AsArray().Select(k => k!["value"]!.GetValue<string>()))}: {g["events"]}");
        // The campaign and both strikes start in March (the cells); the rockets of 2 April (an edge, read from the events) fell in
        // both countries, so Graustark's group holds them though the filter is Ruritania.
        Assert.Equal(["place:ruritania 2024-03-01: 3", "place:graustark 2024-04-01: 1", "place:ruritania 2024-04-01: 1"], Groups(data["countries"]!));
        Assert.Equal(["place:ruritania-north: 4"], Groups(data["regions"]!));
        var count = data["events"]!["totalCount"]!.GetValue<int>();
        Assert.Equal(4, count);
        Assert.Equal(count, data["countries"]!["total"]!["events"]!.GetValue<int>());
        Assert.Equal(count, data["regions"]!["total"]!["events"]!.GetValue<int>());
    }

    private static string Line(JsonNode g) =>
        $"{string.Join(" ", g["keys"]!.AsArray().Select(k => k!["value"]))}: {g["events"]} events, {g["impreciseEvents"]} imprecise, {g["disputedEvents"]} disputed, " +
        $"killed {g["killedLow"]?.ToString() ?? "-"}/{g["killedBest"]?.ToString() ?? "-"}/{g["killedHigh"]?.ToString() ?? "-"}";
}
