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

    [SkippableFact]
    public async Task Q18AttacksPerMonthAndKindCountTheFirstStrikesDeadOnlyOnceInTheJuneStrikes()
    {
        var served = await app.AskAsync("""{ __type(name: "Query") { fields { name } } }""");
        Skip.IfNot(served.At("__type.fields")!.Each("name").Contains("eventAggregate"), "Query.eventAggregate is not served yet (the analytics part of the 2026-12 contract)");
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
}
