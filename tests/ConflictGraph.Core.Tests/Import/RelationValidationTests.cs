using ConflictGraph.Core.Import;
using static ConflictGraph.Core.Tests.Import.Validation;

namespace ConflictGraph.Core.Tests.Import;

public sealed class RelationValidationTests
{
    private const string Nodes = """
        "persons": [ { "id": "person:kirby", "name": "John Kirby" } ],
        "organizations": [ { "id": "org:kh", "name": "Kata'ib Hezbollah", "kind": "ARMED_GROUP" } ],
        "places": [ { "id": "place:syria", "name": "Syria", "kind": "COUNTRY" } ],
        "events": [ { "id": "event:strike", "title": "Strike", "kind": "AIRSTRIKE" },
                    { "id": "event:drones", "title": "Drones", "kind": "DRONE_ATTACK" } ],
        "statements": [ { "id": "statement:us", "text": "T", "stance": "ASSERTS" },
                        { "id": "statement:iraq", "text": "T", "stance": "DENIES" } ]
        """;

    [Fact]
    public async Task AnUnknownRelationTypeListsTheTypes() =>
        Assert.Equal(
            "relations[0].type: 'ATTACKED' is not a RelationType (one of CARRIED_OUT, TARGETED, OCCURRED_IN, RETALIATION_FOR, " +
            "RESPONSE_TO, PART_OF, KILLED, MEMBER_OF, BACKED_BY, USED, LOCATED_IN, BASED_IN, AUTHORIZED, PRESENT_AT, ASSOCIATED_WITH)",
            await OnlyProblemAsync($$"""{ {{Nodes}}, "relations": [ { "type": "ATTACKED", "fromId": "org:kh", "toId": "event:drones" } ] }"""));

    [Fact]
    public async Task ARelationJoinsOnlyTheKindsItsTypeAllows() =>
        Assert.Equal("relations[0].toId: OCCURRED_IN cannot end at a PERSON (allowed: PLACE)",
            await OnlyProblemAsync($$"""{ {{Nodes}}, "relations": [ { "type": "OCCURRED_IN", "fromId": "event:strike", "toId": "person:kirby" } ] }"""));

    [Fact]
    public async Task ClaimsComeFromStatements() =>
        Assert.Equal("relations[0].claimedByIds[0]: 'person:kirby' is a PERSON, not a STATEMENT",
            await OnlyProblemAsync($$"""
            { {{Nodes}}, "relations": [ { "type": "OCCURRED_IN", "fromId": "event:strike", "toId": "place:syria", "claimedByIds": [ "person:kirby" ] } ] }
            """));

    [Fact]
    public async Task AStatementCannotBothClaimAndDisputeOneRelation() =>
        Assert.Equal("relations[1].disputedByIds[0]: 'statement:us' also claims this relation (relations[0].claimedByIds[0])",
            await OnlyProblemAsync($$"""
            { {{Nodes}}, "relations": [
                { "type": "RETALIATION_FOR", "fromId": "event:strike", "toId": "event:drones", "claimedByIds": [ "statement:us" ] },
                { "type": "RETALIATION_FOR", "fromId": "event:strike", "toId": "event:drones", "disputedByIds": [ "statement:us" ] } ] }
            """));

    [Fact]
    public async Task RelationsNeedBothEnds() =>
        Assert.Equal(["relations[0].fromId: required", "relations[0].toId: required"],
            await ProblemsAsync($$"""{ {{Nodes}}, "relations": [ { "type": "KILLED" } ] }"""));

    [Fact]
    public async Task DuplicateRelationsMergeTheirClaims()
    {
        var read = GraphInputReader.Read($$"""
            { {{Nodes}}, "relations": [
                { "type": "RETALIATION_FOR", "fromId": "event:strike", "toId": "event:drones", "claimedByIds": [ "statement:us" ] },
                { "type": "RETALIATION_FOR", "fromId": "event:strike", "toId": "event:drones", "disputedByIds": [ "statement:iraq" ] },
                { "type": "RETALIATION_FOR", "fromId": "event:strike", "toId": "event:drones", "claimedByIds": [ "statement:us" ] } ] }
            """);

        Assert.Empty(await GraphValidator.ValidateAsync(read.Input, new RecordingStore(), CancellationToken.None));
        var relation = Assert.Single(GraphInputMapper.ToBatch(read.Input).Relations);
        Assert.Equal(["statement:us"], relation.ClaimedBy);
        Assert.Equal(["statement:iraq"], relation.DisputedBy);
    }

    [Fact]
    public async Task EveryProblemIsReportedAtOnce()
    {
        var problems = await ProblemsAsync("""
            { "persons": [ { "id": "person:a" } ],
              "events": [ { "id": "event:a", "title": "A", "kind": "AIRSTRKE", "date": { "start": "2021-06-27", "end": "2021-06-01", "precision": "DAY" } } ],
              "relations": [ { "type": "CARRIED_OUT", "fromId": "person:a", "toId": "event:b" },
                             { "type": "KILLED", "fromId": "event:a", "toId": "person:a", "claimedByIds": [ "statement:none" ] } ] }
            """);

        Assert.Equal(
            ["persons[0].name: required",
             "events[0].kind: 'AIRSTRKE' is not an EventKind (one of AIRSTRIKE, ROCKET_ATTACK, DRONE_ATTACK, ARTILLERY_FIRE, TARGETED_KILLING, GROUND_ATTACK, ARMED_CLASH, PROTEST, POLITICAL, OTHER)",
             "events[0].date.end: before start",
             "relations[0].toId: no node 'event:b' in the batch or the store",
             "relations[1].claimedByIds[0]: no node 'statement:none' in the batch or the store"],
            problems);
    }
}
