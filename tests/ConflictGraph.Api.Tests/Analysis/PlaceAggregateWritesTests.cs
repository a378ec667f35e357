using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Analysis;

/// <summary>
/// eventAggregate with a place filter over HTTP while an event is placed, moved and unplaced through the mutations: each
/// country's months and total follow the writes, and agree with the events list's totalCount for the same place.
/// </summary>
public sealed class PlaceAggregateWritesTests
{
    private const string Setup = """
        mutation { importGraph(input: {
          places: [
            { id: "place:agw-east", name: "Eastland", kind: COUNTRY }, { id: "place:agw-east-city", name: "East City", kind: CITY },
            { id: "place:agw-west", name: "Westland", kind: COUNTRY }, { id: "place:agw-west-city", name: "West City", kind: CITY },
            { id: "place:agw-site-before", name: "First site", kind: SITE } ],
          events: [
            { id: "event:agw-moved", title: "A strike placed, moved and unplaced", kind: AIRSTRIKE, date: { start: "2024-05-03", precision: DAY } },
            { id: "event:agw-stays", title: "A strike that stays in the west", kind: AIRSTRIKE, date: { start: "2024-06-10", precision: DAY } } ],
          relations: [
            { type: LOCATED_IN, fromId: "place:agw-east-city", toId: "place:agw-east" },
            { type: LOCATED_IN, fromId: "place:agw-west-city", toId: "place:agw-west" },
            { type: LOCATED_IN, fromId: "place:agw-site-before", toId: "place:agw-east-city" },
            { type: OCCURRED_IN, fromId: "event:agw-moved", toId: "place:agw-site-before" },
            { type: OCCURRED_IN, fromId: "event:agw-stays", toId: "place:agw-west-city" } ] }) { created } }
        """;

    private const string Move = """
        mutation { importGraph(input: {
          places: [{ id: "place:agw-site-after", name: "Second site", kind: SITE }],
          relations: [
            { type: LOCATED_IN, fromId: "place:agw-site-after", toId: "place:agw-west-city" },
            { type: OCCURRED_IN, fromId: "event:agw-moved", toId: "place:agw-site-after" } ] }) { created } }
        """;

    [Fact]
    public async Task APlaceAggregateFollowsAnEventPlacedMovedAndUnplaced()
    {
        using var app = new ConflictGraphApp();
        await WriteAsync(app, Setup, "importGraph");
        Assert.Equal(["2024-05-01: 1"], await MonthsAsync(app, "place:agw-east"));
        Assert.Equal(["2024-06-01: 1"], await MonthsAsync(app, "place:agw-west"));

        await WriteAsync(app, Move, "importGraph");
        await WriteAsync(app, """mutation { deleteNode(id: "place:agw-site-before") }""", "deleteNode");
        Assert.Empty(await MonthsAsync(app, "place:agw-east"));
        Assert.Equal(["2024-05-01: 1", "2024-06-01: 1"], await MonthsAsync(app, "place:agw-west"));

        await WriteAsync(app, """mutation { deleteNode(id: "place:agw-site-after") }""", "deleteNode");
        Assert.Empty(await MonthsAsync(app, "place:agw-east"));
        Assert.Equal(["2024-06-01: 1"], await MonthsAsync(app, "place:agw-west"));
    }

    private static async Task WriteAsync(ConflictGraphApp app, string mutation, string field)
    {
        var written = await app.PostGraphQLAsync(mutation, key: ConflictGraphApp.WriteKey);
        Assert.True(written.Errors.Count == 0 && written.Data?[field] is not null, written.Body.ToJsonString());
    }

    /// <summary>The place's months as "value: events", after checking that the total is the events list's totalCount there.</summary>
    private static async Task<List<string>> MonthsAsync(ConflictGraphApp app, string place)
    {
        var response = await app.PostGraphQLAsync(
            "query M($place: ID!) { eventAggregate(filter: { placeId: $place }, groupBy: [TIME], bucket: MONTH) { total { events } groups { keys { value } events } } " +
            "events(filter: { placeId: $place }, first: 1) { totalCount } }", new { place });
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        var aggregate = response.Data!["eventAggregate"]!;
        Assert.Equal(response.Data["events"]!["totalCount"]!.GetValue<int>(), aggregate["total"]!["events"]!.GetValue<int>());
        return aggregate["groups"]!.AsArray().Select(g => $"{g!["keys"]![0]!["value"]}: {g["events"]}").ToList();
    }
}
