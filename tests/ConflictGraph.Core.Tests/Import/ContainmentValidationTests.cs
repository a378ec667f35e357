using ConflictGraph.Core.Model;
using static ConflictGraph.Core.Tests.Import.Validation;

namespace ConflictGraph.Core.Tests.Import;

/// <summary>Issue 10: a relation from a node to itself, and nesting that leads back to where it started, are refused naming the ids.</summary>
public sealed class ContainmentValidationTests
{
    private const string Places = """
        "places": [ { "id": "place:iraq", "name": "Iraq", "kind": "COUNTRY" }, { "id": "place:syria", "name": "Syria", "kind": "COUNTRY" },
                    { "id": "place:baghdad", "name": "Baghdad", "kind": "CITY" } ]
        """;

    [Fact]
    public async Task ASelfLoopIsRefused() =>
        Assert.Equal("relations[0].toId: joins 'place:iraq' to itself; a relation needs two different nodes",
            await OnlyProblemAsync($$"""{ {{Places}}, "relations": [ { "type": "LOCATED_IN", "fromId": "place:iraq", "toId": "place:iraq" } ] }"""));

    [Fact]
    public async Task TwoPlacesInsideEachOtherAreRefusedBoth()
    {
        var problems = await ProblemsAsync($$"""
            { {{Places}}, "relations": [
              { "type": "LOCATED_IN", "fromId": "place:iraq", "toId": "place:syria" },
              { "type": "LOCATED_IN", "fromId": "place:syria", "toId": "place:iraq" } ] }
            """);

        Assert.Equal([
            "relations[0].toId: LOCATED_IN 'place:iraq' -> 'place:syria' closes a cycle: 'place:syria' already lies inside 'place:iraq' (place:syria -> place:iraq)",
            "relations[1].toId: LOCATED_IN 'place:syria' -> 'place:iraq' closes a cycle: 'place:iraq' already lies inside 'place:syria' (place:iraq -> place:syria)",
        ], problems);
    }

    [Fact]
    public async Task ACycleThroughTheStoreIsRefused()
    {
        Node[] stored = [new Place("place:iraq", "Iraq", [], null, PlaceKind.Country, null), new Place("place:baghdad", "Baghdad", [], null, PlaceKind.City, null)];
        var store = new RecordingStore(stored) { StoredRelations = [new Relation(RelationType.LocatedIn, "place:baghdad", "place:iraq", [], [])] };

        var problem = await OnlyProblemAsync("""{ "relations": [ { "type": "LOCATED_IN", "fromId": "place:iraq", "toId": "place:baghdad" } ] }""", store);

        Assert.Equal("relations[0].toId: LOCATED_IN 'place:iraq' -> 'place:baghdad' closes a cycle: 'place:baghdad' already lies inside 'place:iraq' (place:baghdad -> place:iraq)", problem);
    }

    [Fact]
    public async Task ANestingWithoutACycleIsAccepted() =>
        Assert.Empty(await ProblemsAsync($$"""
            { {{Places}}, "relations": [ { "type": "LOCATED_IN", "fromId": "place:baghdad", "toId": "place:iraq" } ] }
            """));
}
