using System.Text.Json.Nodes;

namespace ConflictGraph.Api.Tests.Analysis;

/// <summary>eventAggregate over HTTP: each dimension, bucket and measure on the Ruritania events, and its errors.</summary>
public sealed class EventAggregateTests(AnalysisApp analysis) : IClassFixture<AnalysisApp>
{
    private async Task<JsonNode> AggregateAsync(string arguments, string groupFields = "")
    {
        var response = await analysis.App.PostGraphQLAsync(
            $"{{ eventAggregate(filter: {AnalysisApp.Ruritania}, {arguments}) {{ groups {{ keys {{ dimension value label {groupFields} }} " +
            "events impreciseEvents killedLow killedBest killedHigh disputedEvents } total { keys { value } events impreciseEvents killedLow killedBest killedHigh disputedEvents } } }");
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        return response.Data!["eventAggregate"]!;
    }

    /// <summary>Each group as "value (label): events, imprecise, disputed, low/best/high" ('-' for null).</summary>
    private static List<string> Lines(JsonNode aggregate) => aggregate["groups"]!.AsArray().Select(g => Line(g!)).ToList();

    private static string Line(JsonNode g) =>
        $"{string.Join(" | ", g["keys"]!.AsArray().Select(k => $"{k!["value"]} ({k["label"]})"))}: {g["events"]} events, {g["impreciseEvents"]} imprecise, " +
        $"{g["disputedEvents"]} disputed, killed {g["killedLow"]?.ToString() ?? "-"}/{g["killedBest"]?.ToString() ?? "-"}/{g["killedHigh"]?.ToString() ?? "-"}";

    [Fact]
    public async Task MonthsCountEachDeathOnceAndKeepUndatedEventsInTheirOwnGroup()
    {
        var months = await AggregateAsync("groupBy: [TIME]");
        Assert.Equal(
        [
            // The campaign (10-12) and the strike part of it (4) are both in March: the strike's dead are the campaign's. The other strike says 'at least 3'.
            "2024-03-01 (2024-03): 3 events, 0 imprecise, 0 disputed, killed 13/13/-",
            " (undated): 1 events, 1 imprecise, 0 disputed, killed -/-/-",
            "2024-04-01 (2024-04): 1 events, 0 imprecise, 1 disputed, killed -/-/-",
        ], Lines(months));
        Assert.Equal(": 5 events, 1 imprecise, 1 disputed, killed 13/13/-", Line(months["total"]!));
        Assert.Empty(months["total"]!["keys"]!.AsArray());
    }

    [Theory]
    [InlineData("DAY", "2024-03-01 (2024-03-01): 1 events, 1 imprecise, 0 disputed, killed 10/10/12", "2024-03-10 (2024-03-10): 1 events, 0 imprecise, 0 disputed, killed 4/4/4")]
    [InlineData("WEEK", "2024-03-04 (2024-W10): 2 events, 0 imprecise, 0 disputed, killed 7/7/-", "2024-02-26 (2024-W09): 1 events, 1 imprecise, 0 disputed, killed 10/10/12")]
    [InlineData("QUARTER", "2024-01-01 (2024-Q1): 3 events, 0 imprecise, 0 disputed, killed 13/13/-", "2024-04-01 (2024-Q2): 1 events, 0 imprecise, 1 disputed, killed -/-/-")]
    [InlineData("YEAR", "2024-01-01 (2024): 4 events, 0 imprecise, 1 disputed, killed 13/13/-", " (undated): 1 events, 1 imprecise, 0 disputed, killed -/-/-")]
    public async Task EachBucketGroupsByItsFirstDayAndMeasuresImprecisionAgainstItself(string bucket, string expected, string alsoExpected)
    {
        var lines = Lines(await AggregateAsync($"groupBy: [TIME], bucket: {bucket}"));
        Assert.Contains(expected, lines);
        Assert.Contains(alsoExpected, lines);
    }

    [Fact]
    public async Task KindsAndAcledTypesGroupByTheirCodes()
    {
        Assert.Equal(
            ["AIRSTRIKE (airstrike): 3 events, 0 imprecise, 0 disputed, killed 13/13/-", "PROTEST (protest): 1 events, 1 imprecise, 0 disputed, killed -/-/-",
             "ROCKET_ATTACK (rocket attack): 1 events, 0 imprecise, 1 disputed, killed -/-/-"],
            Lines(await AggregateAsync("groupBy: [KIND]")));
        Assert.Equal(
            ["Explosions/Remote violence (Explosions and remote violence): 4 events, 0 imprecise, 1 disputed, killed 13/13/-",
             "Protests (Public demonstrations whose participants do not use violence (a violent one is a Riot)): 1 events, 1 imprecise, 0 disputed, killed -/-/-"],
            Lines(await AggregateAsync("groupBy: [ACLED_EVENT_TYPE]")));
    }

    [Fact]
    public async Task PlacesGroupByTheContainingPlaceOfTheLevelAndAnEventInTwoCountriesCountsInBoth()
    {
        var countries = await AggregateAsync("groupBy: [PLACE]", "node { id ... on Place { name kind } }");
        Assert.Equal(["place:ruritania (Ruritania): 5 events, 1 imprecise, 1 disputed, killed 13/13/-", "place:graustark (Graustark): 1 events, 0 imprecise, 1 disputed, killed -/-/-"],
            Lines(countries));
        Assert.Equal(5, countries["total"]!["events"]!.GetValue<int>());
        Assert.Equal("COUNTRY", countries["groups"]![1]!["keys"]![0]!["node"]!["kind"]!.GetValue<string>());
        Assert.Equal(
            ["place:ruritania-north (Northern Province): 4 events, 0 imprecise, 1 disputed, killed 13/13/-", " (in no place of kind REGION): 1 events, 1 imprecise, 0 disputed, killed -/-/-"],
            Lines(await AggregateAsync("groupBy: [PLACE], placeLevel: REGION")));
    }

    [Fact]
    public async Task PerpetratorsAndTargetsGroupByActorWithAGroupForNoneNamed()
    {
        var perpetrators = await AggregateAsync("groupBy: [PERPETRATOR]", "node { id ... on Organization { name } }");
        Assert.Equal(
        [
            "org:blue-army (Blue Army): 3 events, 0 imprecise, 0 disputed, killed 13/13/-", " (no perpetrator named): 1 events, 1 imprecise, 0 disputed, killed -/-/-",
            "org:red-brigade (Red Brigade): 1 events, 0 imprecise, 1 disputed, killed -/-/-",
        ], Lines(perpetrators));
        Assert.Equal("Blue Army", perpetrators["groups"]![0]!["keys"]![0]!["node"]!["name"]!.GetValue<string>());
        Assert.Null(perpetrators["groups"]![1]!["keys"]![0]!["node"]);
        Assert.Equal(" (no target named): 4 events, 1 imprecise, 1 disputed, killed 10/10/12", Lines(await AggregateAsync("groupBy: [TARGET]"))[0]);
    }

    [Fact]
    public async Task ThreeDimensionsGroupTogetherAndFirstKeepsTheLargest()
    {
        var lines = Lines(await AggregateAsync("groupBy: [PERPETRATOR, KIND, TIME], bucket: YEAR, first: 2"));
        Assert.Equal(
        [
            "org:blue-army (Blue Army) | AIRSTRIKE (airstrike) | 2024-01-01 (2024): 3 events, 0 imprecise, 0 disputed, killed 13/13/-",
            " (no perpetrator named) | PROTEST (protest) |  (undated): 1 events, 1 imprecise, 0 disputed, killed -/-/-",
        ], lines);
    }

    [Fact]
    public async Task TheAggregateIsOneStoreCall()
    {
        var response = await analysis.App.PostGraphQLAsync($"{{ eventAggregate(filter: {AnalysisApp.Ruritania}, groupBy: [PLACE, TIME], bucket: WEEK) {{ total {{ events }} groups {{ events }} }} }}");
        Assert.Equal(1, response.Body["extensions"]!["cost"]!["storeCalls"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("groupBy: [TIME], first: 101", "first: 101 is more than the maximum page size 100")]
    [InlineData("groupBy: [TIME], first: -1", "first: -1 is negative")]
    [InlineData("groupBy: [TIME, KIND, TIME]", "groupBy: TIME is given 2 times")]
    [InlineData("groupBy: [TIME, KIND, PLACE, TARGET]", "groupBy: 4 dimensions given; group by at most 3")]
    public async Task BadArgumentsAreBadUserInputNamingTheArgument(string arguments, string message)
    {
        var response = await analysis.App.PostGraphQLAsync($"{{ eventAggregate({arguments}) {{ total {{ events }} }} }}");
        Assert.Equal(["BAD_USER_INPUT"], response.Codes);
        Assert.StartsWith(message, response.Errors[0]!["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{ eventAggregate(groupBy: [COLOUR]) { total { events } } }")]
    [InlineData("{ eventAggregate { total { events } } }")]
    [InlineData("{ eventAggregate(groupBy: [TIME], bucket: FORTNIGHT) { total { events } } }")]
    public async Task UnknownDimensionsAndBucketsAndAMissingGroupByAreRefusedBeforeRunning(string query)
    {
        var response = await analysis.App.PostGraphQLAsync(query);
        Assert.NotEmpty(response.Errors);
        Assert.Null(response.Data);
    }
}
