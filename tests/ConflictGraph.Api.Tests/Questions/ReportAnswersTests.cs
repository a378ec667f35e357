using ConflictGraph.Api.Tests.Infrastructure;
using static ConflictGraph.Api.Tests.Questions.SeedAnswers;
using static ConflictGraph.Tests.SeedIds;

namespace ConflictGraph.Api.Tests.Questions;

/// <summary>
/// A careful reader's questions about the seed report beyond the eighteen of QUESTIONS.md, each one GraphQL query over
/// HTTP against a freshly seeded service, each answered as the report answers it: the speaker's words and no more, a
/// place's location claimed by who gives it, a search that finds the report's own words, and an id or window that names
/// nothing refused by name rather than answered with an empty list.
/// </summary>
public sealed class ReportAnswersTests(ConflictGraphApp app) : IClassFixture<ConflictGraphApp>
{
    [Fact]
    public async Task ThePentagonSaidTheFacilitiesSupportedDroneStrikesAndOnlyKirbySaidTheyLaunchedAttacksOnUsTroops()
    {
        var data = await app.AskAsync("""
            { node(id: "place:struck-facility-iraq") { ... on Place { facts(property: "function") { value claims { characterization statement { speaker { name } } } } } } }
            """);
        var functions = data.At("node.facts")!;
        Assert.Equal(["John Kirby|to launch unmanned aerial vehicle attacks"], functions.Single("value", "launching drone attacks on U.S. forces in Iraq")["claims"].Claims());
        Assert.Equal(["Pentagon|to support drone strikes inside Iraq"], functions.Single("value", "supporting drone strikes in Iraq")["claims"].Claims());
    }

    [Fact]
    public async Task TheMilitiaOfficialsCountedFourMilitiamenWithoutSayingWhoseTheyWere()
    {
        var data = await app.AskAsync("""
            { node(id: "statement:2021-06-27-militia-officials-four-killed") { ... on Statement { casualtyReports { event { id } killedMin killedMax victims } } } }
            """);
        var reports = data.At("node.casualtyReports")!.AsArray();
        Assert.Equal(2, reports.Count);
        Assert.All(reports, r => Assert.Equal((4, 4), (r!["killedMin"]!.GetValue<int>(), r["killedMax"]!.GetValue<int>())));
        Assert.All(reports, r => Assert.DoesNotContain("Iraqi", r.Text("victims")));
        Assert.Equal("militiamen", reports.Single("event.id", JuneStrikes).Text("victims"));
    }

    [Fact]
    public async Task TheSitesHousingUsPersonnelLieInIraqByMcNultysAndTheReportersWordsNotTheGraphs()
    {
        var data = await app.AskAsync($$"""
            { relations(filter: { types: [LOCATED_IN], fromId: "place:us-bases-iraq" }) { nodes { to { id } status {{ClaimFields}} } } }
            """);
        var located = Assert.Single(data.At("relations.nodes")!.AsArray())!;
        Assert.Equal(("place:iraq", "UNCONTESTED"), (located.Text("to.id"), located.Text("status")));
        Assert.Equal(["Associated Press|U.S. military bases in Iraq", "Jessica McNulty|facilities housing U.S. personnel in Iraq"],
            located["claims"].Claims().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task McNultysEachStrikeHitItsTargetIsAmongTheClaimsThatTheStrikesHitKirbysFacilities()
    {
        var data = await app.AskAsync($$"""
            { node(id: "{{JuneStrikes}}") { ... on Event { relations(types: [OCCURRED_IN], direction: OUTGOING) { to { id } {{ClaimFields}} } } } }
            """);
        var occurred = data.At("node.relations")!;
        foreach (var site in new[] { "place:struck-facility-syria-a", "place:struck-facility-syria-b", "place:struck-facility-iraq" })
            Assert.Equal(["Jessica McNulty|each strike hit its intended target", "John Kirby|"], occurred.Single("to.id", site)["claims"].Claims().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheReporterSaysTheTroopsCameUnderRocketFireAndTheFebruaryStrikesWereAimedAtFacilitiesNotThatAnythingWasHit()
    {
        var data = await app.AskAsync("""
            { rockets: node(id: "statement:2021-06-28-ap-rocket-attack") { ... on Statement { text } }
              february: node(id: "statement:2021-06-28-ap-second-action-under-biden") { ... on Statement { text } } }
            """);
        Assert.DoesNotMatch(@"\bhit\b", data.Text("rockets.text"));
        Assert.DoesNotMatch(@"\bhit\b", data.Text("february.text"));
    }

    [Theory]
    [InlineData("F-15", "statement:2021-06-28-ap-june-strikes")]
    [InlineData("instability", "statement:2021-06-28-saeed-khatibzadeh-instability")]
    [InlineData("infiltration", PmfStatement)]
    [InlineData("vowed revenge", "statement:2021-06-27-militias-vow-revenge")]
    [InlineData("militiamen killed", "statement:2021-06-27-sohr-seven-killed")]
    public async Task ASearchInTheReportsOwnWordsFindsTheStatementThatSaysIt(string words, string statement)
    {
        var data = await app.AskAsync("query($text: String!) { search(text: $text, kinds: [STATEMENT], first: 5) { node { id } } }", new { text = words });
        var hits = data["search"].Each("node.id");
        Assert.Contains(statement, hits);
        // The paragraphs a statement cites are not its words: "F-15" does not find what rests on paragraph 15.
        if (words == "F-15") Assert.Equal([statement], hits);
    }

    [Theory]
    [InlineData("""{ events(filter: { placeId: "place:atlantis" }) { totalCount } }""", "NOT_FOUND", "filter.placeId", "place:atlantis")]
    [InlineData("""{ events(filter: { placeId: "person:john-kirby" }) { totalCount } }""", "BAD_USER_INPUT", "filter.placeId", "PERSON")]
    [InlineData("""{ events(filter: { from: "2021-07-01", to: "2021-06-01" }) { totalCount } }""", "BAD_USER_INPUT", "filter.from", "2021-06-01")]
    [InlineData("""{ statements(filter: { speakerId: "person:nobody" }) { totalCount } }""", "NOT_FOUND", "filter.speakerId", "person:nobody")]
    [InlineData("""{ statements(filter: { sourceId: "org:associated-press" }) { totalCount } }""", "BAD_USER_INPUT", "filter.sourceId", "ORGANIZATION")]
    [InlineData("""{ relations(filter: { toId: "org:nowhere" }) { totalCount } }""", "NOT_FOUND", "filter.toId", "org:nowhere")]
    [InlineData("""{ retaliations(filter: { byActorId: "place:syria" }) { totalCount } }""", "BAD_USER_INPUT", "filter.byActorId", "PLACE")]
    [InlineData("""{ facts(filter: { subjectId: "place:nowhere" }) { totalCount } }""", "NOT_FOUND", "filter.subjectId", "place:nowhere")]
    [InlineData("""{ places(filter: { withinId: "event:2021-06-27-us-airstrikes" }) { totalCount } }""", "BAD_USER_INPUT", "filter.withinId", "EVENT")]
    [InlineData("""{ paths(fromId: "person:nobody", toId: "org:kataib-hezbollah") { length } }""", "NOT_FOUND", "fromId", "person:nobody")]
    [InlineData("""{ statements(filter: { organizationId: "person:john-kirby" }) { totalCount } }""", "BAD_USER_INPUT", "filter.organizationId", "PERSON")]
    [InlineData("""{ statements(filter: { organizationId: "org:nowhere" }) { totalCount } }""", "NOT_FOUND", "filter.organizationId", "org:nowhere")]
    [InlineData("""{ relations(filter: { claimedById: "person:nobody" }) { totalCount } }""", "NOT_FOUND", "filter.claimedById", "person:nobody")]
    [InlineData("""{ relations(filter: { claimedById: "place:syria" }) { totalCount } }""", "BAD_USER_INPUT", "filter.claimedById", "PLACE")]
    [InlineData("""{ facts(filter: { claimedById: "org:nowhere" }) { totalCount } }""", "NOT_FOUND", "filter.claimedById", "org:nowhere")]
    [InlineData("""{ eventAggregate(filter: { placeId: "place:atlantis" }, groupBy: []) { total { events } } }""", "NOT_FOUND", "filter.placeId", "place:atlantis")]
    [InlineData("""{ eventAggregate(filter: { perpetratorId: "place:syria" }, groupBy: [TIME]) { total { events } } }""", "BAD_USER_INPUT", "filter.perpetratorId", "PLACE")]
    [InlineData("""{ eventAggregate(filter: { from: "2021-07-01", to: "2021-06-01" }, groupBy: []) { total { events } } }""", "BAD_USER_INPUT", "filter.from", "2021-06-01")]
    public async Task AnIdOrWindowThatCanMatchNothingIsRefusedByNameNotAnsweredWithAnEmptyList(string query, string code, string field, string named)
    {
        var response = await app.PostGraphQLAsync(query);
        var error = Assert.Single(response.Errors)!;
        Assert.Equal(code, error["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains(field, error["message"]!.GetValue<string>());
        Assert.Contains(named, error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task AKnownIdThatMatchesNothingIsStillAnEmptyAnswerNotAnError()
    {
        var data = await app.AskAsync("""
            { spoke: statements(filter: { speakerId: "person:qassem-soleimani" }) { totalCount }
              far: paths(fromId: "person:john-kirby", toId: "org:kataib-hezbollah", maxDepth: 2) { length }
              struck: eventAggregate(filter: { perpetratorId: "person:qassem-soleimani" }, groupBy: []) { total { events } }
              claimed: relations(filter: { claimedById: "org:iran" }) { totalCount } }
            """);
        Assert.Equal(0, data.At("spoke.totalCount")!.GetValue<int>());
        Assert.Empty(data["far"]!.AsArray());
        Assert.Equal(0, data.At("struck.total.events")!.GetValue<int>());
        Assert.Equal(0, data.At("claimed.totalCount")!.GetValue<int>());
    }
}
