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

    private const string ClaimsGraph = """
        {
          "places": [ { "id": "place:depot", "name": "Depot", "kind": "SITE", "location": { "latitude": 34.4, "longitude": 40.9 },
                        "precision": "NEAR", "locationSource": "gazetteer (approximate)" } ],
          "events": [ { "id": "event:strike", "title": "Strike", "kind": "AIRSTRIKE", "date": { "start": "2021-06-25", "end": "2021-06-27", "precision": "DAYS" } },
                      { "id": "event:drones", "title": "Drones", "kind": "DRONE_ATTACK",
                        "date": { "start": "2021-04-01", "end": "2021-06-26", "precision": "MONTH", "extent": "PERIOD" } } ],
          "sources": [ { "id": "source:post", "title": "Post", "kind": "SOCIAL_MEDIA_POST" },
                       { "id": "source:report", "title": "Report", "kind": "NEWS_REPORT", "relaysId": "source:post" } ],
          "statements": [ { "id": "statement:us", "text": "T", "stance": "DEFENDS", "sourceId": "source:report", "primarySourceId": "source:post", "placeId": "place:depot",
                            "casualtyReports": [ { "eventId": "event:strike", "killedMin": 4, "victimCategory": "COMBATANTS" } ] },
                          { "id": "statement:pmf", "text": "T", "stance": "DENIES" } ],
          "relations": [ { "type": "RESPONSE_TO", "fromId": "event:strike", "toId": "event:drones", "claimedByIds": [ "statement:pmf" ],
                           "claims": [ { "statementId": "statement:us", "characterization": "defensive" } ] } ],
          "facts": [ { "subjectId": "place:depot", "property": "function", "value": "weapons storage",
                       "claims": [ { "statementId": "statement:us" }, { "statementId": "statement:pmf", "position": "DISPUTES", "characterization": "no warehouses" } ] } ]
        }
        """;

    [Fact]
    public async Task ClaimsFactsAndPrecisionRoundTripThroughTheFileFormat()
    {
        var input = GraphInputReader.Read(ClaimsGraph).Input;
        Assert.Empty(await GraphValidator.ValidateAsync(input, null, CancellationToken.None));
        var once = GraphExporter.ToJson(GraphInputMapper.FromBatch(GraphInputMapper.ToBatch(input)));
        var twice = GraphExporter.ToJson(GraphInputMapper.FromBatch(GraphInputMapper.ToBatch(GraphInputReader.Read(once).Input)));

        Assert.Equal(once, twice);
        Assert.Contains("\"characterization\": \"defensive\"", once);
        Assert.Contains("\"extent\": \"PERIOD\"", once);
        Assert.Contains("\"relaysId\": \"source:post\"", once);
        Assert.Contains("\"victimCategory\": \"COMBATANTS\"", once);
        Assert.DoesNotContain("MOMENT", once);
        var batch = GraphInputMapper.ToBatch(GraphInputReader.Read(once).Input);
        Assert.Equal(ClaimStatus.Disputed, Assert.Single(batch.Facts).Status);
        Assert.Equal(["statement:pmf", "statement:us"], Assert.Single(batch.Relations).ClaimedBy);
    }

    [Fact]
    public void OneRelationOrFactMapsAsTheBatchMergesItAlone()
    {
        var relation = new RelationInput
        {
            Type = "RESPONSE_TO", FromId = "event:strike", ToId = "event:drones",
            ClaimedByIds = ["statement:b", "statement:a", "statement:b"], DisputedByIds = ["statement:a", ""],
            Claims = [new ClaimInput { StatementId = "statement:c", Characterization = "  defensive " }, new ClaimInput { StatementId = "statement:b", Position = "DISPUTES" }],
        };
        var fact = new FactInput
        {
            SubjectId = "place:depot", Property = " function ", Value = " weapons  storage ",
            Claims = [new ClaimInput { StatementId = "statement:a" }, new ClaimInput { StatementId = "statement:a", Characterization = "stores" }],
        };

        var alone = GraphInputMapper.ToRelation(relation);
        var merged = Assert.Single(GraphInputMapper.MergeRelations([relation]));

        Assert.Equal(merged.Id, alone.Id);
        Assert.Equal(merged.Claims, alone.Claims);
        Assert.Equal(["statement:b", "statement:a", "statement:c"], alone.Claims.Select(c => c.StatementId));
        Assert.Equal(Assert.Single(GraphInputMapper.MergeFacts([fact])).Claims, GraphInputMapper.ToFact(fact).Claims);
        Assert.Equal("weapons  storage", GraphInputMapper.ToFact(fact).Value);
    }

    [Fact]
    public void DatesAreWrittenWithFourDigitYears() =>
        Assert.Equal(["0033-04-03", "2021-06-27", "9999-12-31"],
            new[] { new DateOnly(33, 4, 3), new DateOnly(2021, 6, 27), DateOnly.MaxValue }.Select(InputText.FormatDate));
}
