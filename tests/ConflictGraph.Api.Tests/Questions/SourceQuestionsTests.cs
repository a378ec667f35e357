using ConflictGraph.Api.Tests.Infrastructure;
using static ConflictGraph.Tests.SeedIds;

namespace ConflictGraph.Api.Tests.Questions;

/// <summary>
/// Whose voice each claim is in: questions 6, 10, 16 and 17 of the seed report, each one GraphQL
/// query over HTTP against a freshly seeded service.
/// </summary>
public sealed class SourceQuestionsTests(ConflictGraphApp app) : IClassFixture<ConflictGraphApp>
{
    [Fact]
    public async Task Q6IranBackedGroupsAccordingToUsVoicesAndTheReporterNeverTheMilitiasThemselves()
    {
        var data = await app.AskAsync("""
            { relations(filter: { types: [BACKED_BY], toId: "org:iran" }) { nodes { from { id }
                claims { characterization statement { speaker { name } } } claimingParties { name } } } }
            """);
        var backed = data.At("relations.nodes")!;
        Assert.Equal(["org:iran-backed-militias", "org:kataib-hezbollah", "org:kataib-sayyid-al-shuhada"], backed.Each("from.id").Order(StringComparer.Ordinal));
        var network = backed.Single("from.id", "org:iran-backed-militias");
        Assert.Equal(["Associated Press|Iran-backed", "Jessica McNulty|Iran-backed", "Joe Biden|its support of militia groups", "Pentagon|Iran-backed", "United States|Iranian-backed"],
            network["claims"].Claims().Order(StringComparer.Ordinal));
        Assert.Equal(["Associated Press", "Biden administration", "Pentagon", "United States"], network["claimingParties"].Each("name").Order(StringComparer.Ordinal));
        Assert.Equal(["Pentagon|Iran-backed"], backed.Single("from.id", "org:kataib-hezbollah")["claims"].Claims());
    }

    [Fact]
    public async Task Q10OnlyTwoMilitiaOfficialsSpeakUnnamedAndTheReporterNarratesInItsOwnName()
    {
        var data = await app.AskAsync("""
            { anonymous: statements(filter: { anonymous: true }) { totalCount nodes { speakerDescription text medium place { name } } }
              narrated: statements(filter: { speakerId: "org:associated-press" }, first: 50) { totalCount nodes { id anonymous stance } } }
            """);
        var officials = Assert.Single(data.At("anonymous.nodes")!.AsArray())!;
        Assert.StartsWith("two Iraqi militia officials", officials.Text("speakerDescription"));
        Assert.Equal(("INTERVIEW", "Baghdad"), (officials.Text("medium"), officials.Text("place.name")));
        var narrated = data.At("narrated.nodes")!.AsArray();
        Assert.Contains(narrated, s => s.Text("id") == "statement:2021-06-28-ap-drone-worries");
        Assert.All(narrated, s => Assert.Equal((false, "REPORTS"), (s!["anonymous"]!.GetValue<bool>(), s.Text("stance"))));
    }

    [Fact]
    public async Task Q16ThreePentagonVoicesAreOnePartyAndTheResponseHasTwo()
    {
        var data = await app.AskAsync($$"""
            { node(id: "{{JuneStrikes}}") { ... on Event { relations(direction: BOTH) { type from { id } to { id }
                claims { statement { speaker { name } } } claimingParties { name } } } } }
            """);
        var relations = data.At("node.relations")!.AsArray();
        string Key(System.Text.Json.Nodes.JsonNode? r) => $"{r.Text("type")} {r.Text("from.id")} {r.Text("to.id")}";
        List<string?> Parties(string key) => relations.Single(r => Key(r) == key)!["claimingParties"].Each("name");
        Assert.Equal(["Jessica McNulty", "John Kirby"], relations.Single(r => Key(r) == $"TARGETED {JuneStrikes} place:struck-facility-iraq")!["claims"].Each("statement.speaker.name").Order(StringComparer.Ordinal));
        Assert.Equal(["Pentagon"], Parties($"TARGETED {JuneStrikes} place:struck-facility-iraq"));
        Assert.Equal(["Pentagon"], Parties($"CARRIED_OUT org:us-military {JuneStrikes}"));
        Assert.Equal(["Pentagon", "U.S. Department of State"], Parties($"RESPONSE_TO {JuneStrikes} {DroneAttacks}").Order(StringComparer.Ordinal));
        Assert.Equal(["Associated Press"], Parties($"CARRIED_OUT org:us-air-force {JuneStrikes}"));
    }

    [Fact]
    public async Task Q17FiveStatementsComeFromTweetsVideosAndStatementsTheNewsReportRelays()
    {
        var data = await app.AskAsync("""
            { statements(first: 100) { totalCount nodes { id primarySource { id kind title } reportedIn { id kind } } }
              sources { nodes { id kind relays { id } } } }
            """);
        var statements = data.At("statements.nodes")!.AsArray();
        Assert.Equal(data.At("statements.totalCount")!.GetValue<int>(), statements.Count);
        Assert.All(statements, s => Assert.Equal((Report, "NEWS_REPORT"), (s.Text("reportedIn.id"), s.Text("reportedIn.kind"))));
        var relayed = statements.Where(s => s!["primarySource"] is not null).Select(s => $"{s.Text("id")} {s.Text("primarySource.kind")}").Order(StringComparer.Ordinal);
        Assert.Equal(["statement:2021-06-27-militias-vow-revenge OTHER", "statement:2021-06-27-pentagon-strike-videos VIDEO",
            "statement:2021-06-27-sohr-seven-killed MONITOR_REPORT", "statement:2021-06-28-wayne-marotto-artillery-response SOCIAL_MEDIA_POST",
            "statement:2021-06-28-wayne-marotto-rocket-attack SOCIAL_MEDIA_POST"], relayed);
        Assert.All(data.At("sources.nodes")!.AsArray(), s => Assert.Null(s!["relays"]));
    }
    [Fact]
    public async Task APostTheReportRelaysCarriesItsStatementAndTheReportStillDoes()
    {
        var data = await app.AskAsync($$"""
            { tweet: node(id: "source:marotto-2021-06-28-rocket-attack-tweet") { ... on Source { statements { totalCount nodes { id } } } }
              byTweet: statements(filter: { sourceId: "source:marotto-2021-06-28-artillery-tweet" }) { totalCount nodes { id } }
              video: statements(filter: { sourceId: "source:pentagon-2021-06-strike-videos", aboutId: "{{JuneStrikes}}" }) { nodes { id } }
              report: statements(filter: { sourceId: "{{Report}}" }, first: 100) { totalCount nodes { id } }
              all: statements { totalCount } }
            """);
        Assert.Equal(["statement:2021-06-28-wayne-marotto-rocket-attack"], data.At("tweet.statements.nodes").Each("id"));
        Assert.Equal(1, data.At("tweet.statements.totalCount")!.GetValue<int>());
        Assert.Equal(["statement:2021-06-28-wayne-marotto-artillery-response"], data.At("byTweet.nodes").Each("id"));
        Assert.Equal(1, data.At("byTweet.totalCount")!.GetValue<int>());
        Assert.Equal(["statement:2021-06-27-pentagon-strike-videos"], data.At("video.nodes").Each("id"));
        // The report still carries every statement, the relayed ones among them, each once.
        var reported = data.At("report.nodes").Each("id");
        Assert.Equal(data.At("all.totalCount")!.GetValue<int>(), data.At("report.totalCount")!.GetValue<int>());
        Assert.Equal(reported.Count, reported.Distinct().Count());
        Assert.Contains("statement:2021-06-28-wayne-marotto-rocket-attack", reported);
    }
}
