using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;
using static ConflictGraph.Tests.SeedIds;

namespace ConflictGraph.Api.Tests.Questions;

/// <summary>
/// How many were killed, by whose count, never adding the same dead twice: questions 3 and 18 of
/// the seed report, each one GraphQL query over HTTP against a freshly seeded service.
/// </summary>
public sealed class CasualtyQuestionsTests(ConflictGraphApp app) : IClassFixture<ConflictGraphApp>
{
    private const string Estimates = "killedLow killedBest killedHigh sharedWithRelated";

    [Fact]
    public async Task Q3TheJuneStrikesKilledAtLeastFourByTheMilitiasCountAndAtLeastSevenByTheObservatorys()
    {
        var data = await app.AskAsync($$"""
            { node(id: "{{JuneStrikes}}") { ... on Event { casualties { conflicting killedMin killedMax {{Estimates}} bestRule
                reports { killedMin killedMax victims victimCategory statement { anonymous speakerDescription speaker { name } primarySource { kind } reportedIn { id } } } }
                subEvents { id casualties { {{Estimates}} reports { statement { id } } } } } } }
            """);
        var casualties = data.At("node.casualties")!;
        Assert.True(casualties["conflicting"]!.GetValue<bool>());
        Assert.Equal((4, 4, (int?)null, true), (casualties["killedLow"]!.GetValue<int>(), casualties["killedBest"]!.GetValue<int>(),
            casualties["killedHigh"]?.GetValue<int>(), casualties["sharedWithRelated"]!.GetValue<bool>()));
        Assert.Contains("lowest figure", casualties.Text("bestRule"));
        var reports = casualties["reports"]!.AsArray();
        var observatory = reports.Single("statement.speaker.name", "Syrian Observatory for Human Rights");
        Assert.Equal((7, (int?)null, "COMBATANTS", "MONITOR_REPORT"), (observatory["killedMin"]!.GetValue<int>(), observatory["killedMax"]?.GetValue<int>(),
            observatory.Text("victimCategory"), observatory.Text("statement.primarySource.kind")));
        var officials = Assert.Single(reports, r => r.At("statement.anonymous")!.GetValue<bool>())!;
        Assert.Equal((4, 4, "COMBATANTS"), (officials["killedMin"]!.GetValue<int>(), officials["killedMax"]!.GetValue<int>(), officials.Text("victimCategory")));
        Assert.StartsWith("two Iraqi militia officials", officials.Text("statement.speakerDescription"));

        var first = data.At("node.subEvents")!.Single("id", FirstStrike)["casualties"]!;
        Assert.Equal((4, 4, 4, true), (first["killedLow"]!.GetValue<int>(), first["killedBest"]!.GetValue<int>(), first["killedHigh"]!.GetValue<int>(), first["sharedWithRelated"]!.GetValue<bool>()));
        var second = data.At("node.subEvents")!.Single("id", SecondStrike)["casualties"]!;
        Assert.Equal(((int?)null, false), (second["killedLow"]?.GetValue<int>(), second["sharedWithRelated"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Q18AttacksPerMonthAndKindCountTheFirstStrikesDeadOnlyOnceInTheJuneStrikes()
    {
        var data = await app.AskAsync("""
            { eventAggregate(groupBy: [TIME, KIND], bucket: MONTH) { groups { keys { dimension value } events impreciseEvents killedLow killedBest killedHigh }
                total { events impreciseEvents killedLow killedBest killedHigh } } }
            """);
        var groups = data.At("eventAggregate.groups")!.AsArray().ToDictionary(g => string.Join(" ", g!["keys"]!.AsArray().Select(k => k.Text("value"))));
        string Row(string key) => $"{groups[key]!["events"]} {groups[key]!["impreciseEvents"]} {groups[key]!["killedLow"]?.ToJsonString() ?? "-"} {groups[key]!["killedBest"]?.ToJsonString() ?? "-"} {groups[key]!["killedHigh"]?.ToJsonString() ?? "-"}";
        Assert.Equal("3 0 4 4 -", Row("2021-06-01 AIRSTRIKE"));
        Assert.Equal("1 0 0 0 0", Row("2021-06-01 ROCKET_ATTACK"));
        Assert.Equal("1 0 - - -", Row("2021-06-01 ARTILLERY_FIRE"));
        Assert.Equal("1 1 - - -", Row("2021-04-01 DRONE_ATTACK"));
        Assert.Equal("1 0 1 1 1", Row("2021-02-01 ROCKET_ATTACK"));
        Assert.Equal("1 0 - - -", Row("2021-02-01 AIRSTRIKE"));
        Assert.Equal("1 1 2 2 -", Row("2020-01-01 DRONE_ATTACK"));
        var total = data.At("eventAggregate.total")!;
        Assert.Equal((10, 7, 7, (int?)null), (total["events"]!.GetValue<int>(), total["killedLow"]!.GetValue<int>(), total["killedBest"]!.GetValue<int>(), total["killedHigh"]?.GetValue<int>()));
    }
    [Fact]
    public async Task Q18PerCountryTheJuneStrikesCountInSyriaAndInIraqOnceInTheTotalAndTheBorderStripInNeither()
    {
        var data = await app.AskAsync("""
            { eventAggregate(groupBy: [PLACE, TIME, KIND], bucket: MONTH, placeLevel: COUNTRY) {
                groups { keys { value } events impreciseEvents killedLow killedBest killedHigh } total { events killedLow killedBest killedHigh } } }
            """);
        string Line(JsonNode? g) => $"{string.Join(" ", g!["keys"]!.AsArray().Select(k => k.Text("value") is "" ? "(none)" : k.Text("value")))}: " +
                                    $"{g["events"]} {g["impreciseEvents"]} {g["killedLow"]?.ToJsonString() ?? "-"} {g["killedBest"]?.ToJsonString() ?? "-"} {g["killedHigh"]?.ToJsonString() ?? "-"}";
        // The strikes hit sites in Syria and in Iraq: a group each. In Syria the first strike is part of them, so its four dead
        // are theirs and are not added again. The strike on the border strip lies in no country. Largest groups first, then by key.
        Assert.Equal(
        [
            "place:syria 2021-06-01 AIRSTRIKE: 2 0 4 4 -",
            "(none) 2021-06-01 AIRSTRIKE: 1 0 - - -",
            "place:iraq 2020-01-01 DRONE_ATTACK: 1 1 2 2 -",
            "place:iraq 2020-01-01 POLITICAL: 1 1 - - -",
            "place:iraq 2021-02-01 ROCKET_ATTACK: 1 0 1 1 1",
            "place:iraq 2021-04-01 DRONE_ATTACK: 1 1 - - -",
            "place:iraq 2021-06-01 AIRSTRIKE: 1 0 4 4 -",
            "place:syria 2021-02-01 AIRSTRIKE: 1 0 - - -",
            "place:syria 2021-06-01 ARTILLERY_FIRE: 1 0 - - -",
            "place:syria 2021-06-01 ROCKET_ATTACK: 1 0 0 0 0",
        ], data.At("eventAggregate.groups")!.AsArray().Select(Line));
        Assert.Equal("10 7 7 -", $"{data.At("eventAggregate.total.events")} {data.At("eventAggregate.total.killedLow")} {data.At("eventAggregate.total.killedBest")} {data.At("eventAggregate.total.killedHigh")?.ToJsonString() ?? "-"}");
    }
}
