using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;
using ConflictGraph.Api.Tests.Questions;
using static ConflictGraph.Tests.SeedIds;

namespace ConflictGraph.Api.Tests.Search;

/// <summary>
/// A text filter beside another filter of the same list, over HTTP on the seed: the answer is the items both filters
/// find, in the list's order, and totalCount counts exactly those (the store checks the words on the other filter's
/// candidates, issue 11, session 23).
/// </summary>
public sealed class CombinedTextFilterTests(ConflictGraphApp app) : IClassFixture<ConflictGraphApp>
{
    private const string Events = "query($f: EventFilter) { events(filter: $f, first: 100) { totalCount nodes { id } } }";

    [Fact]
    public async Task RocketInSyriaFindsTheSyrianRocketAttackAndNotTheIraqiOne()
    {
        var both = await ListAsync(Events, "events", new { placeId = "place:syria", text = "rocket" });

        Assert.Contains(Rockets, both.Ids);
        Assert.DoesNotContain(FebruaryRockets, both.Ids);
        Assert.Equal(both.Ids.Count, both.Total);
    }

    [Theory]
    [InlineData("""{ "placeId": "place:syria" }""", "rocket")]
    [InlineData("""{ "placeId": "place:syria" }""", "strikes")]
    [InlineData("""{ "placeId": "place:iraq", "from": "2021-01-01", "to": "2021-06-30" }""", "attack")]
    [InlineData("""{ "placeId": "place:iraq-syria-border-region", "kinds": ["AIRSTRIKE"] }""", "u s")]
    [InlineData("""{ "perpetratorId": "org:united-states" }""", "strike")]
    [InlineData("""{ "targetId": "org:us-military" }""", "drone")]
    [InlineData("""{ "from": "2021-06-01" }""", "syria")]
    public Task EventsOfTwoFiltersAreThoseBothFindInTheListsOrder(string other, string text) =>
        AssertBothFindAsync(Events, "events", other, text);

    [Theory]
    [InlineData("""{ "speakerId": "person:john-kirby" }""", "facilities")]
    [InlineData("""{ "organizationId": "org:pentagon" }""", "militia")]
    [InlineData("""{ "aboutId": "event:2021-06-27-us-airstrikes" }""", "weapons")]
    public Task StatementsOfTwoFiltersAreThoseBothFind(string other, string text) =>
        AssertBothFindAsync("query($f: StatementFilter) { statements(filter: $f, first: 100) { totalCount nodes { id } } }",
            "statements", other, text);

    [Fact]
    public async Task PlacesInsideSyriaNamedFacilityAreTheStruckSitesThere()
    {
        const string places = "query($f: PlaceFilter) { places(filter: $f, first: 100) { totalCount nodes { id } } }";
        var both = await ListAsync(places, "places", new { withinId = "place:syria", text = "facility" });

        Assert.Equal(["place:first-strike-facility-syria", "place:struck-facility-syria-a", "place:struck-facility-syria-b"],
            both.Ids.Order(StringComparer.Ordinal));
        Assert.Equal(3, both.Total);
    }

    /// <summary>The list with both filters is the other filter's items that the words alone also find, in its order, all counted.</summary>
    private async Task AssertBothFindAsync(string query, string field, string other, string text)
    {
        var filter = JsonNode.Parse(other)!.AsObject();
        var alone = await ListAsync(query, field, filter.DeepClone());
        var words = await ListAsync(query, field, new { text });
        filter["text"] = text;
        var both = await ListAsync(query, field, filter);

        Assert.NotEmpty(both.Ids);
        Assert.Equal(alone.Ids.Where(words.Ids.Contains), both.Ids);
        Assert.Equal(both.Ids.Count, both.Total);
    }

    private async Task<(IReadOnlyList<string> Ids, int Total)> ListAsync(string query, string field, object filter)
    {
        var data = await app.AskAsync(query, new { f = filter });
        return (data.At($"{field}.nodes").Each("id").Select(id => id!).ToList(), data[field]!["totalCount"]!.GetValue<int>());
    }
}
