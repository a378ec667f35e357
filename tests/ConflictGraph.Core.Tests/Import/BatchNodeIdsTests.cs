using ConflictGraph.Core.Import;
using ConflictGraph.Core.Import.Sources;

namespace ConflictGraph.Core.Tests.Import;

/// <summary>The batch's id set, as validation fills it: exact membership and places, however many ids and whatever their letters.</summary>
public sealed class BatchNodeIdsTests
{
    [Fact]
    public async Task EveryIdOfALargeBatchIsFoundWithItsPlaceAndNoNearMissIs()
    {
        // About 2.4 MB of ids: more than one of the set's blocks.
        var ids = Enumerable.Range(0, 100_000).Select(i => $"person:p{i:D7}-somebody").ToList();
        var input = new GraphInput { Persons = ids.Select(id => new PersonInput { Id = id, Name = "P" }).ToList() };

        var validation = await GraphValidator.ValidateAsync(new InputSource(input), null, CancellationToken.None);

        Assert.Empty(validation.Problems);
        Assert.Equal(ids.Count, validation.NodeIds.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            Assert.True(validation.NodeIds.Contains(ids[i]), ids[i]);
            Assert.Equal(new ItemPlace(GraphSection.Persons, 0, i), validation.NodeIds.PlaceOf(ids[i]));
        }
        Assert.False(validation.NodeIds.Contains("person:p0000001-somebodY"));
        Assert.False(validation.NodeIds.Contains("person:p0000001-somebod"));
        Assert.False(validation.NodeIds.Contains("person:p0000001-somebody-"));
        Assert.False(validation.NodeIds.Contains(""));
        Assert.Null(validation.NodeIds.PlaceOf("person:p0100000-somebody"));
    }

    [Fact]
    public async Task IdsOutsideAsciiAreKeptExactly()
    {
        var input = new GraphInput
        {
            Places =
            [
                new PlaceInput { Id = "place:zürich", Name = "Zürich", Kind = "CITY" },
                new PlaceInput { Id = "place:zurich", Name = "Zurich", Kind = "CITY" },
                new PlaceInput { Id = "place:الموصل", Name = "Mosul", Kind = "CITY" },
            ],
        };

        var validation = await GraphValidator.ValidateAsync(new InputSource(input), null, CancellationToken.None);

        Assert.Empty(validation.Problems);
        Assert.Equal(new ItemPlace(GraphSection.Places, 0, 0), validation.NodeIds.PlaceOf("place:zürich"));
        Assert.Equal(new ItemPlace(GraphSection.Places, 0, 1), validation.NodeIds.PlaceOf("place:zurich"));
        Assert.Equal(new ItemPlace(GraphSection.Places, 0, 2), validation.NodeIds.PlaceOf("place:الموصل"));
        Assert.False(validation.NodeIds.Contains("place:zùrich"));
    }

    [Fact]
    public async Task ARepeatedIdKeepsItsFirstPlaceAndIsCountedOnce()
    {
        var input = new GraphInput
        {
            Persons = [new PersonInput { Id = "person:a", Name = "A" }, new PersonInput { Id = "person:b", Name = "B" }, new PersonInput { Id = "person:a", Name = "A again" }],
        };

        var validation = await GraphValidator.ValidateAsync(new InputSource(input), null, CancellationToken.None);

        Assert.Equal("persons[2].id: 'person:a' also used by persons[0]", Assert.Single(validation.Problems).ToString());
        Assert.Equal(2, validation.NodeIds.Count);
        Assert.Equal(new ItemPlace(GraphSection.Persons, 0, 0), validation.NodeIds.PlaceOf("person:a"));
    }
}
