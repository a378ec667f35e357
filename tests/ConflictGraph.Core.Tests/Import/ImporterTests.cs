using ConflictGraph.Core.Import;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Core.Tests.Import;

public sealed class ImporterTests
{
    [Fact]
    public async Task AnInvalidInputWritesNothing()
    {
        var store = new RecordingStore();
        var input = GraphInputReader.Read("""{ "persons": [ { "id": "person:a" } ] }""").Input;

        var error = await Assert.ThrowsAsync<GraphValidationException>(() => GraphImporter.ImportAsync(input, store, null, CancellationToken.None));

        Assert.Equal("persons[0].name: required", Assert.Single(error.Problems).ToString());
        Assert.Empty(store.Writes);
    }

    [Fact]
    public async Task AValidInputIsWrittenInOneBatch()
    {
        var store = new RecordingStore();
        var input = GraphInputReader.Read("""
            { "persons": [ { "id": "person:a", "name": "A" } ], "organizations": [ { "id": "org:b", "name": "B", "kind": "MILITARY" } ],
              "relations": [ { "type": "MEMBER_OF", "fromId": "person:a", "toId": "org:b" } ] }
            """).Input;

        var result = await GraphImporter.ImportAsync(input, store, null, CancellationToken.None);

        Assert.Equal((2, 1), (result.Created, result.RelationsCreated));
        Assert.Equal(3, Assert.Single(store.Writes).Count);
    }

    [Fact]
    public async Task ANodeDeletedDuringTheImportBecomesAValidationProblem()
    {
        var store = new RecordingStore(new ConflictGraph.Core.Model.Place("place:x", "X", [], null, ConflictGraph.Core.Model.PlaceKind.City, null))
        {
            FailWritesWith = new MissingReferenceException("place:x was deleted"),
        };
        var input = GraphInputReader.Read("""{ "organizations": [ { "id": "org:b", "name": "B", "kind": "MILITARY", "countryId": "place:x" } ] }""").Input;

        var error = await Assert.ThrowsAsync<GraphValidationException>(() => GraphImporter.ImportAsync(input, store, null, CancellationToken.None));

        Assert.Equal("batch: place:x was deleted", Assert.Single(error.Problems).ToString());
    }
}
