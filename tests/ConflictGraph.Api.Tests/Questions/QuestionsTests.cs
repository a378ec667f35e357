using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Questions;

/// <summary>
/// Every question of shared/QUESTIONS.md as one GraphQL query over HTTP on a freshly seeded
/// service, asserting the answer and its provenance: which statement, by whom, reported where.
/// </summary>
public sealed class QuestionsTests(ConflictGraphApp app) : IClassFixture<ConflictGraphApp>
{
    private const string Report = "source:ap-2021-06-28-us-strikes-iraq-syria";

    private async Task<JsonNode> AskAsync(string query, object? variables = null)
    {
        var response = await app.PostGraphQLAsync(query, variables);
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        return response.Data!;
    }

    private static IEnumerable<string> Strings(JsonNode? array, Func<JsonNode, string?> pick) =>
        array!.AsArray().Select(n => pick(n!)!).ToList();

    [Fact]
    public async Task Q1WhoRetaliatedAgainstWhatAndWhoClaimsSo()
    {
        var data = await AskAsync("""
            { retaliations { totalCount nodes { from { id ... on Event { perpetrators { name } } } to { id }
                claimedBy { id speaker { name } reportedIn { id } } } } }
            """);
        Assert.Equal(2, data["retaliations"]!["totalCount"]!.GetValue<int>());
        var june = data["retaliations"]!["nodes"]!.AsArray().Single(r => r!["from"]!["id"]!.GetValue<string>() == "event:2021-06-27-us-airstrikes")!;
        Assert.Equal("event:2021-04-militia-drone-attacks", june["to"]!["id"]!.GetValue<string>());
        Assert.Contains("John Kirby", Strings(june["claimedBy"], c => c["speaker"]?["name"]?.GetValue<string>()));
        Assert.All(june["claimedBy"]!.AsArray(), c => Assert.Equal(Report, c!["reportedIn"]!["id"]!.GetValue<string>()));
        var february = data["retaliations"]!["nodes"]!.AsArray().Single(r => r != june)!;
        Assert.Equal("event:2021-02-rocket-attack-iraq", february["to"]!["id"]!.GetValue<string>());
        Assert.Equal("Pentagon", february["claimedBy"]![0]!["speaker"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Q2WhatHappenedInSyriaOnJune28AndHowItWasAnswered()
    {
        var data = await AskAsync("""
            { events(filter: { placeId: "place:syria", from: "2021-06-28", to: "2021-06-28" }) { nodes { id kind perpetrators { name }
                date { at } respondedBy { from { id ... on Event { perpetrators { name } } } claimedBy { speaker { name } medium } } } } }
            """);
        var events = data["events"]!["nodes"]!.AsArray();
        var rocket = events.Single(e => e!["kind"]!.GetValue<string>() == "ROCKET_ATTACK")!;
        Assert.Empty(rocket["perpetrators"]!.AsArray());
        Assert.Equal("2021-06-28T19:44:00+03:00", rocket["date"]!["at"]!.GetValue<string>());
        var answer = rocket["respondedBy"]![0]!;
        Assert.Equal("event:2021-06-28-us-artillery-fire", answer["from"]!["id"]!.GetValue<string>());
        Assert.Equal("U.S. forces in Syria", answer["from"]!["perpetrators"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("Wayne Marotto", answer["claimedBy"]![0]!["speaker"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Q3TheCasualtyFiguresOfTheJune27StrikesConflict()
    {
        var data = await AskAsync("""
            { node(id: "event:2021-06-27-us-airstrikes") { ... on Event { casualties { conflicting killedMin killedMax
                reports { killedMin killedMax victims statement { anonymous speakerDescription speaker { name } reportedIn { id } } } } } } }
            """);
        var casualties = data["node"]!["casualties"]!;
        Assert.True(casualties["conflicting"]!.GetValue<bool>());
        Assert.Equal(4, casualties["killedMin"]!.GetValue<int>());
        Assert.Null(casualties["killedMax"]);
        var reports = casualties["reports"]!.AsArray();
        var observatory = reports.Single(r => r!["statement"]!["speaker"] is not null)!;
        Assert.Equal(("Syrian Observatory for Human Rights", 7), (observatory["statement"]!["speaker"]!["name"]!.GetValue<string>(), observatory["killedMin"]!.GetValue<int>()));
        Assert.Null(observatory["killedMax"]);
        var officials = reports.Single(r => r!["statement"]!["anonymous"]!.GetValue<bool>())!;
        Assert.Equal((4, 4), (officials["killedMin"]!.GetValue<int>(), officials["killedMax"]!.GetValue<int>()));
        Assert.Contains("militia officials", officials["statement"]!["speakerDescription"]!.GetValue<string>());
    }

    [Fact]
    public async Task Q4WhoCondemnedAccusedAndDefended()
    {
        var data = await AskAsync("""
            { condemned: statements(filter: { aboutId: "event:2021-06-27-us-airstrikes", stances: [CONDEMNS] }) { nodes { speaker { name } text } }
              accused: statements(filter: { aboutId: "org:united-states", stances: [ACCUSES] }) { nodes { speaker { name } onBehalfOf { name } } }
              defended: statements(filter: { aboutId: "event:2021-06-27-us-airstrikes", stances: [DEFENDS] }) { nodes { speaker { name } reportedIn { id } } } }
            """);
        Assert.Equal(["Iraqi military"], Strings(data["condemned"]!["nodes"], n => n["speaker"]!["name"]!.GetValue<string>()).Distinct());
        Assert.Equal(["Saeed Khatibzadeh"], Strings(data["accused"]!["nodes"], n => n["speaker"]!["name"]!.GetValue<string>()));
        Assert.Equal(["Antony Blinken", "John Kirby"], Strings(data["defended"]!["nodes"], n => n["speaker"]!["name"]!.GetValue<string>()).Distinct().Order());
    }

    [Fact]
    public async Task Q5DisputedClaimsAndWhoDisputesThem()
    {
        var data = await AskAsync("{ disputes { nodes { type status from { id } to { id } claimedBy { speaker { name } } disputedBy { speaker { name } text } } } }");
        var disputes = data["disputes"]!["nodes"]!.AsArray();
        Assert.NotEmpty(disputes);
        Assert.All(disputes, d =>
        {
            Assert.Equal("USED", d!["type"]!.GetValue<string>());
            Assert.Equal("DISPUTED", d["status"]!.GetValue<string>());
            Assert.Equal("Popular Mobilization Forces", d["disputedBy"]![0]!["speaker"]!["name"]!.GetValue<string>());
        });
        Assert.Contains(disputes, d => d!["to"]!["id"]!.GetValue<string>() == "place:weapons-storage-facility-syria");
    }

    [Fact]
    public async Task Q6IranBackedGroupsAndWhoSaysSo()
    {
        var data = await AskAsync("""
            { relations(filter: { types: [BACKED_BY], toId: "org:iran" }) { nodes { from { id ... on Organization { name } } claimedBy { speaker { name } } } } }
            """);
        var backed = data["relations"]!["nodes"]!.AsArray();
        Assert.Equal(["org:iran-backed-militias", "org:kataib-hezbollah", "org:kataib-sayyid-al-shuhada"], Strings(backed, b => b["from"]!["id"]!.GetValue<string>()).Order());
        Assert.All(backed, b => Assert.Contains("Pentagon", Strings(b!["claimedBy"], c => c["speaker"]!["name"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Q7EventsInsideSyriaAndInsideIraq()
    {
        var data = await AskAsync("""
            { syria: node(id: "place:syria") { ... on Place { events(first: 50) { nodes { id } } } }
              iraq: node(id: "place:iraq") { ... on Place { events(first: 50) { nodes { id } } } } }
            """);
        var syria = Strings(data["syria"]!["events"]!["nodes"], e => e["id"]!.GetValue<string>()).ToList();
        var iraq = Strings(data["iraq"]!["events"]!["nodes"], e => e["id"]!.GetValue<string>()).ToList();
        Assert.Contains("event:2021-06-28-rocket-attack-us-forces-syria", syria);
        Assert.Contains("event:2021-06-27-strike-weapons-storage-syria", syria);
        Assert.DoesNotContain("event:2020-soleimani-muhandis-killing", syria);
        Assert.Contains("event:2020-soleimani-muhandis-killing", iraq);
        Assert.Contains("event:2021-06-27-strike-facility-iraq", iraq);
        Assert.DoesNotContain("event:2021-06-28-us-artillery-fire", iraq);
    }

    [Fact]
    public async Task Q8TheChainThatLedToTheArtilleryFire()
    {
        var data = await AskAsync("""
            { node(id: "event:2021-06-28-us-artillery-fire") { ... on Event { escalation(direction: BACKWARD) { type from { id } to { id } claimedBy { speaker { name } } } } } }
            """);
        var link = Assert.Single(data["node"]!["escalation"]!.AsArray())!;
        Assert.Equal(("RESPONSE_TO", "event:2021-06-28-rocket-attack-us-forces-syria"), (link["type"]!.GetValue<string>(), link["to"]!["id"]!.GetValue<string>()));
        Assert.Equal("Wayne Marotto", link["claimedBy"]![0]!["speaker"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Q9HowKirbyIsConnectedToKataibHezbollah()
    {
        var data = await AskAsync("""
            { paths(fromId: "person:john-kirby", toId: "org:kataib-hezbollah", maxDepth: 4) { length nodes { id } relations { type claimedBy { id } } } }
            """);
        var shortest = data["paths"]![0]!;
        Assert.True(shortest["length"]!.GetValue<int>() <= 4);
        var nodes = Strings(shortest["nodes"], n => n["id"]!.GetValue<string>()).ToList();
        Assert.Equal(("person:john-kirby", "org:kataib-hezbollah"), (nodes[0], nodes[^1]));
    }

    [Fact]
    public async Task Q10WhatUnnamedOfficialsSaid()
    {
        var data = await AskAsync("{ statements(first: 100) { nodes { anonymous speakerDescription text onBehalfOf { name } } } }");
        var anonymous = data["statements"]!["nodes"]!.AsArray().Where(s => s!["anonymous"]!.GetValue<bool>()).ToList();
        Assert.Equal(2, anonymous.Count);
        Assert.All(anonymous, s => Assert.False(string.IsNullOrWhiteSpace(s!["speakerDescription"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Q11StruckFacilitiesWhereAndWhatFor()
    {
        var data = await AskAsync("""
            { node(id: "event:2021-06-27-us-airstrikes") { ... on Event { subEvents { targets { id ... on Place { name kind parent { parent { name } }
                relations(types: [USED], direction: INCOMING) { from { id } status claimedBy { text } disputedBy { speaker { name } } } } } } } } }
            """);
        var sites = data["node"]!["subEvents"]!.AsArray().SelectMany(e => e!["targets"]!.AsArray())
            .Where(t => t!["kind"]?.GetValue<string>() == "SITE").ToList();
        Assert.Equal(3, sites.Count);
        Assert.Equal(2, sites.Count(s => s!["parent"]!["parent"]!["name"]!.GetValue<string>() == "Syria"));
        Assert.All(sites, s => Assert.NotEmpty(s!["relations"]!.AsArray()));
    }

    [Fact]
    public async Task Q12WhoWasKilledNearBaghdadAirportAndWhen()
    {
        var data = await AskAsync("""
            { node(id: "place:baghdad-airport") { ... on Place { events { nodes { date { start end precision text } killed { name } } } } } }
            """);
        var killing = Assert.Single(data["node"]!["events"]!["nodes"]!.AsArray())!;
        Assert.Equal(["Abu Mahdi al-Muhandis", "Qassem Soleimani"], Strings(killing["killed"], k => k["name"]!.GetValue<string>()).Order());
        Assert.Equal(("2020-01-01", "2020-12-31", "YEAR"),
            (killing["date"]!["start"]!.GetValue<string>(), killing["date"]!["end"]!.GetValue<string>(), killing["date"]!["precision"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Q13WhatEachSpeakerSaidInDateOrder()
    {
        var data = await AskAsync("{ statements(first: 100) { totalCount nodes { date { start } medium speaker { name } text } } }");
        var statements = data["statements"]!["nodes"]!.AsArray();
        Assert.Equal(data["statements"]!["totalCount"]!.GetValue<int>(), statements.Count);
        var starts = Strings(statements, s => s["date"]!["start"]!.GetValue<string>()).ToList();
        Assert.Equal(starts.Order(StringComparer.Ordinal), starts);
        Assert.All(statements, s => Assert.NotNull(s!["medium"]));
    }

    [Fact]
    public async Task Q14EventsKnownOnlyToAMonthOrAYear()
    {
        var data = await AskAsync("{ events(first: 100) { nodes { id date { start end precision text } } } }");
        var vague = data["events"]!["nodes"]!.AsArray().Where(e => e!["date"]!["precision"]!.GetValue<string>() != "DAY").ToList();
        Assert.Equal(5, vague.Count);
        var drones = vague.Single(e => e!["id"]!.GetValue<string>() == "event:2021-04-militia-drone-attacks")!["date"]!;
        Assert.Equal(("2021-04-01", "2021-06-27", "MONTH", "since April"),
            (drones["start"]!.GetValue<string>(), drones["end"]!.GetValue<string>(), drones["precision"]!.GetValue<string>(), drones["text"]!.GetValue<string>()));
    }
}
