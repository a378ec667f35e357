using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Tests.Import;

public sealed class MapperTests
{
    private const string Graph = """
        {
          "persons": [ { "id": "person:kirby", "name": "John Kirby", "aliases": [ "Kirby" ],
                         "roles": [ { "title": "Pentagon press secretary", "organizationId": "org:dod", "since": "2021-01-20" } ] } ],
          "organizations": [ { "id": "org:dod", "name": "Department of Defense", "kind": "GOVERNMENT", "countryId": "place:us" } ],
          "places": [ { "id": "place:us", "name": "United States", "kind": "COUNTRY", "location": { "latitude": 38.8719, "longitude": -77.0563 } } ],
          "events": [ { "id": "event:strike", "title": "Strikes", "kind": "AIRSTRIKE", "description": "Two countries",
                        "date": { "start": "2021-06-27", "precision": "DAY", "at": "2021-06-27T21:30:00-04:00", "text": "Sunday" } },
                      { "id": "event:drones", "title": "Drone attacks", "kind": "DRONE_ATTACK",
                        "date": { "start": "2021-04-01", "end": "2021-06-26", "precision": "MONTH", "text": "since April" } } ],
          "sources": [ { "id": "source:ap", "title": "AP report", "url": "https://apnews.com/x", "publishedAt": "2021-06-28" } ],
          "statements": [ { "id": "statement:kirby", "text": "The strikes answered drone attacks.", "stance": "DEFENDS", "medium": "PRESS_RELEASE",
                            "speakerId": "person:kirby", "onBehalfOfId": "org:dod", "aboutIds": [ "event:strike" ], "sourceId": "source:ap",
                            "date": { "start": "2021-06-27", "precision": "DAY" },
                            "casualtyReports": [ { "eventId": "event:strike", "killedMin": 4, "victims": "militiamen" } ] } ],
          "relations": [ { "type": "RETALIATION_FOR", "fromId": "event:strike", "toId": "event:drones", "claimedByIds": [ "statement:kirby" ] },
                         { "type": "CARRIED_OUT", "fromId": "org:dod", "toId": "event:strike" } ]
        }
        """;

    [Fact]
    public void AnEndlessDateEndsWhereItStarts()
    {
        var batch = GraphInputMapper.ToBatch(GraphInputReader.Read(Graph).Input);

        var strike = batch.Nodes.OfType<Event>().Single(e => e.Id == "event:strike");
        Assert.Equal(new DateOnly(2021, 6, 27), strike.Date!.End);
        Assert.Equal(new DateTimeOffset(2021, 6, 27, 21, 30, 0, TimeSpan.FromHours(-4)), strike.Date.At);
        Assert.Empty(batch.Nodes.OfType<Organization>().Single().Aliases);
    }

    [Fact]
    public async Task TheExampleGraphIsValid() =>
        Assert.Empty(await GraphValidator.ValidateAsync(GraphInputReader.Read(Graph).Input, null, CancellationToken.None));

    [Fact]
    public void MappingBackAndForthGivesTheSameFile()
    {
        var once = GraphExporter.ToJson(GraphInputMapper.FromBatch(GraphInputMapper.ToBatch(GraphInputReader.Read(Graph).Input)));
        var twice = GraphExporter.ToJson(GraphInputMapper.FromBatch(GraphInputMapper.ToBatch(GraphInputReader.Read(once).Input)));

        Assert.Equal(once, twice);
        Assert.Contains("\"end\": \"2021-06-27\"", once);
        Assert.Contains("\"at\": \"2021-06-27T21:30:00-04:00\"", once);
        Assert.Contains("\"kind\": \"DRONE_ATTACK\"", once);
        Assert.DoesNotContain("null", once);
    }
}
