using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using static ConflictGraph.Core.Tests.Import.Validation;

namespace ConflictGraph.Core.Tests.Import;

public sealed class ReferenceValidationTests
{
    private static readonly Person Kirby = new("person:john-kirby", "John Kirby", [], null, []);
    private static readonly Place Syria = new("place:syria", "Syria", [], null, PlaceKind.Country, null);

    [Fact]
    public async Task ARelationToAnUnknownNodeNamesIt() =>
        Assert.Equal("relations[0].toId: no node 'place:x' in the batch or the store", await OnlyProblemAsync("""
            { "events": [ { "id": "event:a", "title": "A", "kind": "AIRSTRIKE" } ],
              "relations": [ { "type": "OCCURRED_IN", "fromId": "event:a", "toId": "place:x" } ] }
            """));

    [Fact]
    public async Task AReferenceToTheWrongKindSaysWhichKindsWouldDo() =>
        Assert.Equal("statements[0].speakerId: 'place:syria' is a PLACE, not a PERSON or an ORGANIZATION",
            await OnlyProblemAsync("""
            { "places": [ { "id": "place:syria", "name": "Syria", "kind": "COUNTRY" } ],
              "statements": [ { "id": "statement:a", "text": "T", "stance": "ASSERTS", "speakerId": "place:syria" } ] }
            """));

    [Fact]
    public async Task EveryReferenceFieldIsChecked() =>
        Assert.Equal(
            ["persons[0].roles[0].organizationId: no node 'org:pentagon' in the batch or the store",
             "organizations[0].countryId: no node 'place:iraq' in the batch or the store",
             "sources[0].publisherId: no node 'org:ap' in the batch or the store",
             "statements[0].onBehalfOfId: 'person:a' is a PERSON, not an ORGANIZATION",
             "statements[0].sourceId: no node 'source:x' in the batch or the store",
             "statements[0].aboutIds[0]: no node 'event:x' in the batch or the store",
             "statements[0].casualtyReports[0].eventId: 'person:a' is a PERSON, not an EVENT"],
            await ProblemsAsync("""
            { "persons": [ { "id": "person:a", "name": "A", "roles": [ { "title": "Press secretary", "organizationId": "org:pentagon" } ] } ],
              "organizations": [ { "id": "org:kh", "name": "KH", "kind": "ARMED_GROUP", "countryId": "place:iraq" } ],
              "sources": [ { "id": "source:ap", "title": "AP", "publisherId": "org:ap" } ],
              "statements": [ { "id": "statement:a", "text": "T", "stance": "ASSERTS", "onBehalfOfId": "person:a", "sourceId": "source:x",
                                "aboutIds": [ "event:x" ], "casualtyReports": [ { "eventId": "person:a", "killedMin": 1 } ] } ] }
            """));

    [Fact]
    public async Task NodesOutsideTheBatchAreFoundInTheStoreWithOneLookup()
    {
        var store = new RecordingStore(Kirby, Syria);

        var problems = await ProblemsAsync("""
            { "events": [ { "id": "event:a", "title": "A", "kind": "AIRSTRIKE" } ],
              "statements": [ { "id": "statement:a", "text": "T", "stance": "ASSERTS", "speakerId": "person:john-kirby",
                                "aboutIds": [ "event:a", "place:syria", "org:gone" ] } ],
              "relations": [ { "type": "OCCURRED_IN", "fromId": "event:a", "toId": "place:syria", "claimedByIds": [ "statement:a" ] },
                             { "type": "TARGETED", "fromId": "event:a", "toId": "person:john-kirby" } ] }
            """, store);

        Assert.Equal(["statements[0].aboutIds[2]: no node 'org:gone' in the batch or the store"], problems);
        var lookup = Assert.Single(store.Lookups);
        Assert.Equal(["org:gone", "person:john-kirby", "place:syria"], lookup.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task KindsFromTheStoreAreCheckedToo() =>
        Assert.Equal("relations[0].fromId: CARRIED_OUT cannot start at a PLACE (allowed: PERSON, ORGANIZATION)",
            await OnlyProblemAsync("""
            { "events": [ { "id": "event:a", "title": "A", "kind": "AIRSTRIKE" } ],
              "relations": [ { "type": "CARRIED_OUT", "fromId": "place:syria", "toId": "event:a" } ] }
            """, new RecordingStore(Syria)));

    [Fact]
    public async Task WithoutAStoreOnlyTheBatchCounts()
    {
        var read = GraphInputReader.Read("""{ "statements": [ { "id": "statement:a", "text": "T", "stance": "ASSERTS", "speakerId": "person:x" } ] }""");

        var problems = await GraphValidator.ValidateAsync(read.Input, null, CancellationToken.None);

        Assert.Equal("statements[0].speakerId: no node 'person:x' in the batch", Assert.Single(problems).ToString());
    }
}
