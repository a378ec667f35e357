using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Claims;

/// <summary>
/// A service without the seed, holding a small graph of our own loaded through importGraph: strikes
/// that three Pentagon voices call a response (one calls them a retaliation), a depot whose function
/// militia officials claim and the PMF denies, a strike that is part of the strikes reporting its
/// own dead, a statement first made in a post that a news report relays, and places nested twice.
/// </summary>
public sealed class ClaimsGraph : IAsyncLifetime
{
    public const string Input = """
        {
          "places": [
            { "id": "place:iraq", "name": "Iraq", "kind": "COUNTRY", "precision": "COUNTRY" },
            { "id": "place:syria", "name": "Syria", "kind": "COUNTRY", "precision": "COUNTRY" },
            { "id": "place:border", "name": "The border region", "kind": "BORDER_AREA", "precision": "REGION",
              "location": { "latitude": 34.4, "longitude": 40.9 }, "locationSource": "gazetteer (approximate centroid)" },
            { "id": "place:depot", "name": "A depot", "kind": "SITE", "precision": "NEAR",
              "location": { "latitude": 34.5, "longitude": 40.8 }, "locationSource": "gazetteer (approximate)" } ],
          "organizations": [
            { "id": "org:pentagon", "name": "Pentagon", "kind": "MILITARY" },
            { "id": "org:pmf", "name": "Popular Mobilization Forces", "kind": "ARMED_GROUP" },
            { "id": "org:wire", "name": "A wire service", "kind": "MEDIA" } ],
          "persons": [
            { "id": "person:spokesman", "name": "A Spokesman", "roles": [ { "title": "press secretary", "organizationId": "org:pentagon", "since": "2021-01-20" } ] },
            { "id": "person:official", "name": "An Official" },
            { "id": "person:president", "name": "A President" } ],
          "events": [
            { "id": "event:strikes", "title": "Strikes on depots", "kind": "AIRSTRIKE", "date": { "start": "2021-06-27", "precision": "DAY" } },
            { "id": "event:depot-strike", "title": "The strike on the depot", "kind": "AIRSTRIKE", "date": { "start": "2021-06-27", "precision": "DAY" } },
            { "id": "event:drones", "title": "Drone attacks", "kind": "DRONE_ATTACK",
              "date": { "start": "2021-04-01", "end": "2021-06-26", "precision": "MONTH", "text": "since April", "extent": "PERIOD" } },
            { "id": "event:rockets", "title": "Rockets", "kind": "ROCKET_ATTACK", "date": { "start": "2021-06-26", "end": "2021-06-28", "precision": "DAYS" } } ],
          "sources": [
            { "id": "source:post", "title": "A post", "kind": "SOCIAL_MEDIA_POST", "publisherId": "org:pmf" },
            { "id": "source:report", "title": "A news report", "kind": "NEWS_REPORT", "publisherId": "org:wire", "relaysId": "source:post" } ],
          "statements": [
            { "id": "statement:spokesman", "text": "The strikes were defensive.", "stance": "DEFENDS", "speakerId": "person:spokesman",
              "aboutIds": [ "event:strikes" ], "sourceId": "source:report" },
            { "id": "statement:official", "text": "The strikes answered the drones; the president ordered them.", "stance": "ASSERTS",
              "speakerId": "person:official", "aboutIds": [ "event:strikes" ], "sourceId": "source:report" },
            { "id": "statement:pentagon", "text": "A Pentagon release on the strikes.", "stance": "DEFENDS", "onBehalfOfId": "org:pentagon",
              "speakerDescription": "a Pentagon release", "aboutIds": [ "event:strikes" ], "sourceId": "source:report" },
            { "id": "statement:officials", "text": "One strike hit a weapons storage facility; four fighters died.", "stance": "ASSERTS",
              "speakerDescription": "militia officials", "aboutIds": [ "event:strikes" ], "sourceId": "source:report",
              "casualtyReports": [ { "eventId": "event:strikes", "killedMin": 4, "killedMax": 4, "victims": "fighters", "victimCategory": "COMBATANTS" } ] },
            { "id": "statement:monitor", "text": "At least seven were killed.", "stance": "REPORTS", "speakerId": "org:wire",
              "aboutIds": [ "event:strikes" ], "sourceId": "source:report", "casualtyReports": [ { "eventId": "event:strikes", "killedMin": 7 } ] },
            { "id": "statement:pmf", "text": "Our men were at the depot, which held no weapons; two of them died.", "stance": "DENIES",
              "onBehalfOfId": "org:pmf", "speakerDescription": "a PMF statement", "aboutIds": [ "event:depot-strike" ],
              "sourceId": "source:report", "primarySourceId": "source:post", "placeId": "place:iraq",
              "casualtyReports": [ { "eventId": "event:depot-strike", "killedMin": 2, "killedMax": 2, "victimCategory": "COMBATANTS" } ] } ],
          "relations": [
            { "type": "LOCATED_IN", "fromId": "place:depot", "toId": "place:border" },
            { "type": "LOCATED_IN", "fromId": "place:border", "toId": "place:iraq" },
            { "type": "LOCATED_IN", "fromId": "place:border", "toId": "place:syria" },
            { "type": "MEMBER_OF", "fromId": "person:official", "toId": "org:pentagon" },
            { "type": "OCCURRED_IN", "fromId": "event:strikes", "toId": "place:depot" },
            { "type": "OCCURRED_IN", "fromId": "event:strikes", "toId": "place:syria" },
            { "type": "PART_OF", "fromId": "event:depot-strike", "toId": "event:strikes", "claimedByIds": [ "statement:pmf" ] },
            { "type": "CARRIED_OUT", "fromId": "org:pentagon", "toId": "event:strikes", "claimedByIds": [ "statement:spokesman" ] },
            { "type": "AUTHORIZED", "fromId": "person:president", "toId": "event:strikes", "claimedByIds": [ "statement:official" ] },
            { "type": "PRESENT_AT", "fromId": "org:pmf", "toId": "place:depot", "claimedByIds": [ "statement:pmf" ] },
            { "type": "RESPONSE_TO", "fromId": "event:strikes", "toId": "event:drones", "claimedByIds": [ "statement:pentagon" ],
              "claims": [ { "statementId": "statement:spokesman", "characterization": "defensive" },
                          { "statementId": "statement:official", "characterization": "in response to" } ] },
            { "type": "RETALIATION_FOR", "fromId": "event:strikes", "toId": "event:drones",
              "claims": [ { "statementId": "statement:official", "characterization": "retaliation" } ] } ],
          "facts": [
            { "subjectId": "place:depot", "property": "function", "value": "weapons storage",
              "claims": [ { "statementId": "statement:officials", "characterization": "weapons storage facility" },
                          { "statementId": "statement:pmf", "position": "DISPUTES", "characterization": "no weapons warehouses" } ] },
            { "subjectId": "place:depot", "property": "presence", "value": "PMF fighters", "claims": [ { "statementId": "statement:pmf" } ] },
            { "subjectId": "org:pmf", "property": "mission", "value": "operations against infiltration", "claims": [ { "statementId": "statement:pmf" } ] },
            { "subjectId": "event:drones", "property": "count", "value": "at least five", "claims": [ { "statementId": "statement:official" } ] } ]
        }
        """;

    public ConflictGraphApp App { get; } = ConflictGraphApp.With(new Dictionary<string, string?>
    {
        ["ConflictGraph:Seed:OnStartup"] = "false",
        ["ConflictGraph:Diagnostics:Cost"] = "true",
    });

    public JsonNode Imported { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var response = await App.PostGraphQLAsync(ImportMutation, new { input = JsonNode.Parse(Input) }, ConflictGraphApp.WriteKey);
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        Imported = response.Data!["importGraph"]!;
    }

    public const string ImportMutation =
        "mutation($input: GraphInput!) { importGraph(input: $input) { created relationsCreated relationsUpdated factsCreated factsUpdated } }";

    /// <summary>The data of a query that must succeed.</summary>
    public async Task<JsonNode> AskAsync(string query, object? variables = null)
    {
        var response = await App.PostGraphQLAsync(query, variables);
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        return response.Data!;
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
