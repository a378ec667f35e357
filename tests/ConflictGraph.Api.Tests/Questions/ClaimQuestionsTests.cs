using ConflictGraph.Api.Tests.Infrastructure;
using static ConflictGraph.Tests.SeedIds;

namespace ConflictGraph.Api.Tests.Questions;

/// <summary>
/// Who says what, who disputes it, and through which voice: questions 4, 5, 6, 10, 11, 16 and 17
/// of the seed report, each one GraphQL query over HTTP against a freshly seeded service.
/// </summary>
public sealed class ClaimQuestionsTests(ConflictGraphApp app) : IClassFixture<ConflictGraphApp>
{
    private const string FunctionFields = "facts(property: \"function\") { value status claims { position characterization statement { id anonymous speaker { name } speakerDescription } } }";

    [Fact]
    public async Task Q4TheIraqiMilitaryCondemnedIranAccusedTheUsAndKirbyAndBlinkenDefendedTheStrikes()
    {
        var data = await app.AskAsync($$"""
            { condemned: statements(filter: { aboutId: "{{JuneStrikes}}", stances: [CONDEMNS] }) { nodes { speaker { name } text } }
              accused: statements(filter: { aboutId: "org:united-states", stances: [ACCUSES] }) { nodes { speaker { name } onBehalfOf { name } date { start precision } } }
              defended: statements(filter: { aboutId: "{{JuneStrikes}}", stances: [DEFENDS] }) { nodes { speaker { name } onBehalfOf { name } } } }
            """);
        Assert.Equal(["Iraqi military"], data.At("condemned.nodes").Each("speaker.name"));
        var accused = Assert.Single(data.At("accused.nodes")!.AsArray())!;
        Assert.Equal(("Saeed Khatibzadeh", "Iranian foreign ministry", "2021-06-28", "DAY"),
            (accused.Text("speaker.name"), accused.Text("onBehalfOf.name"), accused.Text("date.start"), accused.Text("date.precision")));
        Assert.Equal(["Antony Blinken", "John Kirby"], data.At("defended.nodes").Each("speaker.name").Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Q5ThePmfDeniedWeaponsWarehousesConcededItsMenWereThereAndMilitiaOfficialsSaidTheOpposite()
    {
        var data = await app.AskAsync("""
            { facts(filter: { statuses: [DISPUTED, DENIED] }, first: 50) { totalCount nodes { subject { id } property value status
                claims { position characterization statement { id anonymous speaker { name } speakerDescription } } } }
              disputes { totalCount }
              pmf: node(id: "statement:2021-06-27-pmf-missions-no-weapons") { ... on Statement { speaker { name } stance
                positions { position characterization relation { type to { id } } fact { subject { id } property value } } } } }
            """);
        Assert.Equal(0, data.At("disputes.totalCount")!.GetValue<int>());
        var disputed = data.At("facts.nodes")!.AsArray();
        Assert.Equal(["place:first-strike-facility-syria", "place:struck-facility-iraq", "place:struck-facility-syria-a", "place:struck-facility-syria-b"],
            disputed.Select(f => f.Text("subject.id")).Order(StringComparer.Ordinal));
        Assert.All(disputed, f => Assert.Equal(("function", "weapons storage", "DISPUTED"), (f.Text("property"), f.Text("value"), f.Text("status"))));
        Assert.All(disputed, f => Assert.Equal(["Popular Mobilization Forces|presence of weapons warehouses"], f!["claims"].Claims("DISPUTES")));
        var militia = Assert.Single(disputed.Single(f => f.Text("subject.id") == "place:first-strike-facility-syria")!["claims"].Claims("CLAIMS"));
        Assert.StartsWith("two Iraqi militia officials", militia);
        Assert.EndsWith("|weapons storage facility", militia);
        Assert.Equal(["John Kirby|operational and weapons storage facilities"], disputed.Single(f => f.Text("subject.id") == "place:struck-facility-iraq")!["claims"].Claims("CLAIMS"));

        var positions = data.At("pmf.positions")!.AsArray();
        var conceded = positions.Where(p => p.Text("position") == "CLAIMS").ToList();
        Assert.All(conceded, p => Assert.Equal(("PRESENT_AT", "its men, on missions against IS infiltration"), (p.Text("relation.type"), p.Text("characterization"))));
        Assert.Equal(5, conceded.Count);
        Assert.Equal(4, positions.Count(p => p.Text("position") == "DISPUTES" && p.Text("fact.value") == "weapons storage"));
    }

    [Fact]
    public async Task Q11TheStruckFacilitiesWhereTheyLieAndWhatEachSpeakerSaidTheyWereFor()
    {
        var data = await app.AskAsync($$"""
            { node(id: "{{JuneStrikes}}") { ... on Event {
                targets { id ... on Place { precision location { latitude } parents { id }
                  relations(types: [USED], direction: INCOMING) { from { id } claims { statement { speaker { name } } } }
                  {{FunctionFields}} } }
                subEvents { id places { id parents { id } {{FunctionFields}} } }
                facts(property: "target-function") { value claims { characterization statement { speaker { name } medium primarySource { kind } } } } } } }
            """);
        var sites = data.At("node.targets")!.AsArray().Where(t => t!["id"]!.GetValue<string>().StartsWith("place:")).ToList();
        Assert.Equal(["place:struck-facility-iraq", "place:struck-facility-syria-a", "place:struck-facility-syria-b"], sites.Select(s => s.Text("id")).Order(StringComparer.Ordinal));
        Assert.All(sites, s => Assert.Equal(("REGION", (string?)null), (s.Text("precision"), s.At("location")?.ToJsonString())));
        Assert.Equal(["place:iraq", "place:iraq-syria-border-region"], sites.Single(s => s.Text("id") == "place:struck-facility-iraq")!["parents"].Each("id").Order(StringComparer.Ordinal));
        Assert.Equal(["place:iraq-syria-border-region", "place:syria"], sites.Single(s => s.Text("id") == "place:struck-facility-syria-a")!["parents"].Each("id").Order(StringComparer.Ordinal));
        foreach (var site in sites)
        {
            var functions = site!["facts"]!.AsArray();
            Assert.Equal(["launching drone attacks on U.S. forces in Iraq", "operations", "supporting drone strikes in Iraq", "weapons storage"],
                functions.Each("value").Order(StringComparer.Ordinal));
            Assert.Equal("DISPUTED", functions.Single("value", "weapons storage").Text("status"));
            // Supporting drone strikes inside Iraq (the Pentagon) is not launching attacks on U.S. troops (Kirby): two values, one speaker each.
            Assert.Equal(["John Kirby|to launch unmanned aerial vehicle attacks"], functions.Single("value", "launching drone attacks on U.S. forces in Iraq")["claims"].Claims());
            Assert.Equal(["Pentagon|to support drone strikes inside Iraq"], functions.Single("value", "supporting drone strikes in Iraq")["claims"].Claims());
            Assert.Equal(["Jessica McNulty", "John Kirby", "Pentagon"], site["relations"]!.AsArray().SelectMany(r => r!["claims"].Each("statement.speaker.name")).Order(StringComparer.Ordinal));
        }
        var first = data.At("node.subEvents")!.Single("id", FirstStrike);
        var storage = Assert.Single(first["places"]!.AsArray())!;
        Assert.Equal(("place:first-strike-facility-syria", "place:syria"), (storage.Text("id"), Assert.Single(storage["parents"].Each("id"))));
        Assert.Equal("DISPUTED", Assert.Single(storage["facts"]!.AsArray())!.Text("status"));
        var strip = Assert.Single(data.At("node.subEvents")!.Single("id", SecondStrike)["places"]!.AsArray())!;
        Assert.Equal(("place:iraq-syria-border-strip", "place:iraq-syria-border-region"), (strip.Text("id"), Assert.Single(strip["parents"].Each("id"))));
        var center = Assert.Single(data.At("node.facts")!.AsArray())!;
        Assert.Equal(("coordination center", "Pentagon", "VIDEO", "VIDEO"), (center.Text("claims.0.characterization"), center.Text("claims.0.statement.speaker.name"),
            center.Text("claims.0.statement.medium"), center.Text("claims.0.statement.primarySource.kind")));
    }
}
