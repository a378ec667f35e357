using ConflictGraph.Api.Tests.Infrastructure;
using static ConflictGraph.Tests.SeedIds;

namespace ConflictGraph.Api.Tests.Questions;

/// <summary>
/// Where and when, no more precisely than the report says: questions 7, 9, 12, 13 and 14 of the
/// seed report, each one GraphQL query over HTTP against a freshly seeded service.
/// </summary>
public sealed class PlaceAndTimeQuestionsTests(ConflictGraphApp app) : IClassFixture<ConflictGraphApp>
{
    [Fact]
    public async Task Q7EventsInsideSyriaAndIraqAndTheStripStrikeInNeitherButOnTheBorder()
    {
        var data = await app.AskAsync("""
            { syria: node(id: "place:syria") { ... on Place { events(first: 50) { nodes { id } } } }
              iraq: node(id: "place:iraq") { ... on Place { events(first: 50) { nodes { id } } } }
              border: node(id: "place:iraq-syria-border-region") { ... on Place { precision parents { id } events(first: 50) { nodes { id } } } }
              strip: node(id: "place:iraq-syria-border-strip") { ... on Place { precision parents { id } } } }
            """);
        Assert.Equal([FebruaryStrikes, FirstStrike, JuneStrikes, Rockets, Artillery], data.At("syria.events.nodes").Each("id").Order(StringComparer.Ordinal));
        Assert.Equal(["event:2020-iraqi-parliament-resolution", "event:2020-soleimani-muhandis-killing", FebruaryRockets, DroneAttacks, JuneStrikes],
            data.At("iraq.events.nodes").Each("id").Order(StringComparer.Ordinal));
        Assert.Contains(SecondStrike, data.At("border.events.nodes").Each("id"));
        Assert.Equal(("REGION", 0), (data.Text("border.precision"), data.At("border.parents")!.AsArray().Count));
        Assert.Equal(("REGION", "place:iraq-syria-border-region"), (data.Text("strip.precision"), Assert.Single(data.At("strip.parents").Each("id"))));
    }

    [Fact]
    public async Task Q9KirbyIsConnectedToKataibHezbollahThroughTheDroneAttacksAndTheStrikes()
    {
        var data = await app.AskAsync("""
            { paths(fromId: "person:john-kirby", toId: "org:kataib-hezbollah", maxDepth: 6, first: 2) { length nodes { id } relations { type status claimedBy { speaker { name } } } } }
            """);
        var paths = data["paths"]!.AsArray();
        Assert.All(paths, p => Assert.Equal(5, p!["length"]!.GetValue<int>()));
        Assert.Equal([$"person:john-kirby org:pentagon org:us-military {DroneAttacks} org:iran-backed-militias org:kataib-hezbollah",
            $"person:john-kirby org:pentagon org:us-military {JuneStrikes} org:iran-backed-militias org:kataib-hezbollah"],
            paths.Select(p => string.Join(" ", p!["nodes"].Each("id"))));
        var viaStrikes = paths[1]!["relations"]!.AsArray();
        Assert.Equal(["MEMBER_OF", "PART_OF", "CARRIED_OUT", "TARGETED", "PART_OF"], viaStrikes.Each("type"));
        Assert.Equal(["Associated Press"], viaStrikes[0]!["claimedBy"].Each("speaker.name"));
        Assert.Equal("UNSOURCED", viaStrikes[1].Text("status"));
        Assert.Equal(["Associated Press"], viaStrikes[3]!["claimedBy"].Each("speaker.name"));
        Assert.Equal(["Pentagon"], viaStrikes[4]!["claimedBy"].Each("speaker.name"));
    }

    [Fact]
    public async Task Q12SoleimaniAndAlMuhandisWereKilledNearBaghdadAirportSometimeIn2020()
    {
        var data = await app.AskAsync("""
            { node(id: "place:near-baghdad-airport") { ... on Place { name precision locationSource parents { id }
                events { nodes { kind date { start end precision text } perpetrators { name } killed { name }
                  relations(types: [KILLED]) { claimedBy { speaker { name } } } } } } } }
            """);
        var place = data["node"]!;
        Assert.Equal(("NEAR", "place:iraq"), (place.Text("precision"), Assert.Single(place["parents"].Each("id"))));
        Assert.Contains("near", place.Text("locationSource"));
        var killing = Assert.Single(place.At("events.nodes")!.AsArray())!;
        Assert.Equal(["Abu Mahdi al-Muhandis", "Qassem Soleimani"], killing["killed"].Each("name").Order(StringComparer.Ordinal));
        Assert.Equal(("2020-01-01", "2020-12-31", "YEAR", "last year"),
            (killing.Text("date.start"), killing.Text("date.end"), killing.Text("date.precision"), killing.Text("date.text")));
        Assert.Equal(("DRONE_ATTACK", "United States"), (killing.Text("kind"), Assert.Single(killing["perpetrators"].Each("name"))));
        Assert.All(killing["relations"]!.AsArray(), r => Assert.Equal(["Associated Press"], r!["claimedBy"].Each("speaker.name")));
    }

    [Fact]
    public async Task Q13StatementsInDateOrderWithATimeOrMediumOnlyWhereTheReportGivesOne()
    {
        var data = await app.AskAsync("""
            { statements(first: 100) { totalCount nodes { id date { start end precision at } medium speaker { name } place { name } } } }
            """);
        var statements = data.At("statements.nodes")!.AsArray();
        Assert.Equal(data.At("statements.totalCount")!.GetValue<int>(), statements.Count);
        var starts = statements.Each("date.start");
        Assert.Equal(starts.Order(StringComparer.Ordinal), starts);
        Assert.All(statements, s => Assert.Null(s.At("date.at")));
        Assert.Equal(["statement:2021-02-joe-biden-authorized-warning", "statement:2021-02-joe-biden-impunity", "statement:2021-02-pentagon-february-retaliation",
            "statement:2021-02-united-states-february-facilities"], statements.Take(4).Select(s => s.Text("id")).Order(StringComparer.Ordinal));
        string? Medium(string id) => statements.Single("id", id).At("medium")?.GetValue<string>();
        Assert.Equal("SOCIAL_MEDIA", Medium("statement:2021-06-28-wayne-marotto-rocket-attack"));
        Assert.Equal("VIDEO", Medium("statement:2021-06-27-pentagon-strike-videos"));
        Assert.Equal("JOINT_STATEMENT", Medium("statement:2021-06-27-militias-vow-revenge"));
        Assert.Null(Medium("statement:2021-06-27-john-kirby-defensive-response"));
        Assert.Null(Medium("statement:2021-06-28-saeed-khatibzadeh-instability"));
        var blinken = statements.Single("id", "statement:2021-06-28-antony-blinken-self-defense");
        Assert.Equal(("PRESS_BRIEFING", "Rome", "2021-06-28", "DAY"), (blinken.Text("medium"), blinken.Text("place.name"), blinken.Text("date.start"), blinken.Text("date.precision")));
        var kirby = statements.Single("id", "statement:2021-06-27-john-kirby-defensive-response");
        Assert.Equal(("2021-06-27", "2021-06-28", "DAYS"), (kirby.Text("date.start"), kirby.Text("date.end"), kirby.Text("date.precision")));
    }

    [Fact]
    public async Task Q14EventsKnownOnlyToAMonthOrAYearAndTheOneSeriesThatLastedThroughItsRange()
    {
        var data = await app.AskAsync("{ events(first: 100) { nodes { id date { start end precision text extent } } } }");
        var events = data.At("events.nodes")!.AsArray();
        var vague = events.Where(e => e.Text("date.precision") != "DAY").Select(e => $"{e.Text("id")} {e.Text("date.precision")} {e.Text("date.start")}..{e.Text("date.end")}");
        Assert.Equal(["event:2020-iraqi-parliament-resolution YEAR 2020-01-01..2021-06-28", "event:2020-soleimani-muhandis-killing YEAR 2020-01-01..2020-12-31",
            $"{FebruaryRockets} MONTH 2021-02-01..2021-02-28", $"{FebruaryStrikes} MONTH 2021-02-01..2021-02-28", $"{DroneAttacks} MONTH 2021-04-01..2021-06-28"],
            vague.Order(StringComparer.Ordinal));
        var period = Assert.Single(events, e => e.Text("date.extent") == "PERIOD")!;
        Assert.Equal((DroneAttacks, "since April"), (period.Text("id"), period.Text("date.text")));
    }
}
