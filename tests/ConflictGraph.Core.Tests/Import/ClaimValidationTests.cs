using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using static ConflictGraph.Core.Tests.Import.Validation;

namespace ConflictGraph.Core.Tests.Import;

public sealed class ClaimValidationTests
{
    private const string Nodes = """
        "organizations": [ { "id": "org:pmf", "name": "PMF", "kind": "ARMED_GROUP" } ],
        "places": [ { "id": "place:depot", "name": "Depot", "kind": "SITE" } ],
        "events": [ { "id": "event:strike", "title": "Strike", "kind": "AIRSTRIKE" }, { "id": "event:drones", "title": "Drones", "kind": "DRONE_ATTACK" } ],
        "statements": [ { "id": "statement:us", "text": "T", "stance": "DEFENDS" }, { "id": "statement:pmf", "text": "T", "stance": "DENIES" } ]
        """;

    private static string Relation(string claims) =>
        $$"""{ {{Nodes}}, "relations": [ { "type": "RESPONSE_TO", "fromId": "event:strike", "toId": "event:drones", {{claims}} } ] }""";

    private static string Facts(string facts) => $$"""{ {{Nodes}}, "facts": [ {{facts}} ] }""";

    [Fact]
    public async Task AClaimOnAnUnknownStatementIsNamedAtItsPath() =>
        Assert.Equal("relations[0].claims[1].statementId: no node 'statement:gone' in the batch or the store",
            await OnlyProblemAsync(Relation("""
                "claims": [ { "statementId": "statement:us", "characterization": "defensive" }, { "statementId": "statement:gone" } ]
                """)));

    [Fact]
    public async Task AClaimComesFromAStatement() =>
        Assert.Equal("facts[0].claims[0].statementId: 'org:pmf' is an ORGANIZATION, not a STATEMENT",
            await OnlyProblemAsync(Facts("""{ "subjectId": "place:depot", "property": "function", "value": "depot", "claims": [ { "statementId": "org:pmf" } ] }""")));

    [Fact]
    public async Task AFactAboutAnUnknownOrFactlessSubjectIsRefused() =>
        Assert.Equal(
            ["facts[0].subjectId: no node 'place:gone' in the batch or the store",
             "facts[1].subjectId: 'statement:us' is a STATEMENT, not a PERSON, an ORGANIZATION, a PLACE or an EVENT"],
            await ProblemsAsync(Facts("""
                { "subjectId": "place:gone", "property": "function", "value": "depot", "claims": [ { "statementId": "statement:us" } ] },
                { "subjectId": "statement:us", "property": "tone", "value": "angry", "claims": [ { "statementId": "statement:pmf" } ] }
                """)));

    [Fact]
    public async Task AFactNeedsAPropertyAValueAndAClaim() =>
        Assert.Equal(
            ["facts[0].property: 'Site Function' is not a property name (lower-case letters, digits, '-' and '_', starting with a letter, e.g. 'function')",
             "facts[0].claims: a fact needs at least one claim: the graph states no fact in its own voice, only what statements claim or dispute",
             "facts[1].value: required",
             "facts[1].claims: a fact needs at least one claim: the graph states no fact in its own voice, only what statements claim or dispute"],
            await ProblemsAsync(Facts("""
                { "subjectId": "place:depot", "property": "Site Function", "value": "depot" },
                { "subjectId": "place:depot", "property": "function", "value": " ", "claims": [] }
                """)));

    [Fact]
    public async Task AStatementCannotClaimAndDisputeOneRelationAcrossIdListsAndClaims() =>
        Assert.Equal("relations[0].claims[0]: 'statement:us' also claims this relation (relations[0].claimedByIds[0])",
            await OnlyProblemAsync(Relation("""
                "claimedByIds": [ "statement:us" ], "claims": [ { "statementId": "statement:us", "position": "DISPUTES" } ]
                """)));

    [Fact]
    public async Task AStatementCannotClaimAndDisputeOneFactInTwoCopies() =>
        Assert.Equal("facts[1].claims[0]: 'statement:pmf' also disputes this fact (facts[0].claims[0])",
            await OnlyProblemAsync(Facts("""
                { "subjectId": "place:depot", "property": "function", "value": "weapons storage", "claims": [ { "statementId": "statement:pmf", "position": "DISPUTES" } ] },
                { "subjectId": "place:depot", "property": "function", "value": " weapons storage", "claims": [ { "statementId": "statement:pmf" } ] }
                """)));

    [Fact]
    public async Task OneStatementGivesOneCharacterization() =>
        Assert.Equal(
            "relations[0].claims[1]: 'statement:us' characterizes this relation as 'defensive' at relations[0].claims[0] and as 'retaliation' here; one statement gives one characterization",
            await OnlyProblemAsync(Relation("""
                "claims": [ { "statementId": "statement:us", "characterization": "defensive" }, { "statementId": "statement:us", "characterization": "retaliation" } ]
                """)));

    [Fact]
    public async Task ACharacterizationIsAShortPhraseOnOneLine() =>
        Assert.Equal(
            ["relations[0].claims[0].characterization: is empty; leave it out when the speaker gave no word of their own",
             $"relations[0].claims[1].characterization: is 91 characters long; a characterization is the speaker's own word or short phrase (at most 80), the statement's text holds the rest",
             "relations[0].claims[2].position: 'DENIES' is not a ClaimPosition (one of CLAIMS, DISPUTES)"],
            await ProblemsAsync(Relation($$"""
                "claims": [ { "statementId": "statement:us", "characterization": "  " },
                            { "statementId": "statement:pmf", "characterization": "{{new string('x', 91)}}" },
                            { "statementId": "statement:pmf", "position": "DENIES" } ]
                """)));

    [Fact]
    public void AnIdListCannotCarryACharacterization()
    {
        var read = GraphInputReader.Read(Relation("""
            "claimedByIds": [ { "statementId": "statement:us", "characterization": "defensive" } ]
            """));
        var problem = Assert.Single(read.Problems).ToString();
        Assert.Contains("$.relations[0].claimedByIds[0]", problem);
        Assert.Contains("claimedByIds and disputedByIds hold ids only; a claim with a position or a characterization goes in claims", problem);
    }

    [Fact]
    public async Task APeriodNeedsAnEnd() =>
        Assert.Equal(
            ["events[0].date.end: required for a PERIOD, which lasts from start to end (a MOMENT may leave it out)",
             "events[1].date.extent: 'SERIES' is not a DateExtent (one of MOMENT, PERIOD)"],
            await ProblemsAsync("""
            { "events": [
                { "id": "event:a", "title": "A", "kind": "DRONE_ATTACK", "date": { "start": "2021-04-01", "precision": "MONTH", "extent": "PERIOD" } },
                { "id": "event:b", "title": "B", "kind": "DRONE_ATTACK", "date": { "start": "2021-04-01", "precision": "WEEK", "extent": "SERIES" } } ] }
            """));

    [Fact]
    public async Task SourcesAndPlacesAreCheckedForWhatTheyClaimAboutThemselves() =>
        Assert.Equal(
            ["places[0].precision: 'ROUGH' is not a LocationPrecision (one of EXACT, NEAR, ADMIN2, ADMIN1, REGION, COUNTRY)",
             "places[0].locationSource: says where the coordinates come from, but the place has no location",
             "sources[0].kind: 'TWEET' is not a SourceKind (one of NEWS_REPORT, OFFICIAL_RELEASE, SOCIAL_MEDIA_POST, VIDEO, MONITOR_REPORT, OTHER)",
             "sources[0].relaysId: a source cannot relay itself",
             "statements[0].primarySourceId: is the reporting source (sourceId); give it only when the statement was first made elsewhere",
             "statements[0].casualtyReports[0].victimCategory: 'MILITIA' is not a VictimCategory (one of CIVILIANS, COMBATANTS, SECURITY_FORCES, CONTRACTORS, UNKNOWN)",
             "statements[0].placeId: 'source:post' is a SOURCE, not a PLACE"],
            await ProblemsAsync("""
            { "places": [ { "id": "place:x", "name": "X", "kind": "SITE", "precision": "ROUGH", "locationSource": "gazetteer" } ],
              "events": [ { "id": "event:e", "title": "E", "kind": "AIRSTRIKE" } ],
              "sources": [ { "id": "source:post", "title": "Post", "kind": "TWEET", "relaysId": "source:post" } ],
              "statements": [ { "id": "statement:s", "text": "T", "stance": "ASSERTS", "sourceId": "source:post", "primarySourceId": "source:post",
                                "placeId": "source:post", "casualtyReports": [ { "eventId": "event:e", "killedMin": 1, "victimCategory": "MILITIA" } ] } ] }
            """));

    [Fact]
    public async Task IdListsAndClaimsMergeIntoOneClaimPerStatement()
    {
        var read = GraphInputReader.Read($$"""
            { {{Nodes}}, "relations": [
                { "type": "RESPONSE_TO", "fromId": "event:strike", "toId": "event:drones", "claimedByIds": [ "statement:us" ] },
                { "type": "RESPONSE_TO", "fromId": "event:strike", "toId": "event:drones",
                  "claims": [ { "statementId": "statement:us", "characterization": "defensive" }, { "statementId": "statement:pmf", "position": "DISPUTES" } ] } ],
              "facts": [ { "subjectId": "place:depot", "property": " function ", "value": "weapons storage", "claims": [ { "statementId": "statement:us" } ] },
                         { "subjectId": "place:depot", "property": "function", "value": "weapons storage ",
                           "claims": [ { "statementId": "statement:pmf", "position": "DISPUTES", "characterization": "no warehouses" } ] } ] }
            """);
        Assert.Empty(await GraphValidator.ValidateAsync(read.Input, new RecordingStore(), CancellationToken.None));
        var batch = GraphInputMapper.ToBatch(read.Input);
        var relation = Assert.Single(batch.Relations);
        Assert.Equal([new Claim("statement:us", ClaimPosition.Claims, "defensive"), new Claim("statement:pmf", ClaimPosition.Disputes)], relation.Claims);
        var fact = Assert.Single(batch.Facts);
        Assert.Equal("place:depot/function=weapons storage", fact.Id);
        Assert.Equal(ClaimStatus.Disputed, fact.Status);
    }
}
