using System.Text.Json;
using ConflictGraph.Core.Import;

namespace ConflictGraph.Api.Tests.Analysis;

/// <summary>
/// The seeded service plus a small invented country (Ruritania, with Graustark next door) whose events
/// exercise every dimension, bucket and measure: a month-long air campaign with a strike that is part of
/// it (both reporting dead), a strike whose title needs CSV quoting, rockets fired at a place in each
/// country with a disputed perpetrator, and an undated protest. Filtering on Ruritania keeps the seed out.
/// </summary>
public sealed class AnalysisApp() : ImportedGraphApp(new Dictionary<string, string?>
{
    ["ConflictGraph:Diagnostics:Cost"] = "true",
    // The data version read once, after the import, rather than every second: store calls counted in the report stay the reads' own.
    ["ConflictGraph:Caching:VersionCheckInterval"] = "01:00:00",
})
{

    public const string Ruritania = "{ placeId: \"place:ruritania\" }";

    private const string Json = """
        {
          "places": [
            { "id": "place:ruritania", "name": "Ruritania", "kind": "COUNTRY", "location": { "latitude": 45.0, "longitude": 20.0 }, "precision": "COUNTRY" },
            { "id": "place:ruritania-north", "name": "Northern Province", "kind": "REGION" },
            { "id": "place:strelsau", "name": "Strelsau", "kind": "CITY", "location": { "latitude": 45.5, "longitude": 20.5 }, "precision": "EXACT", "locationSource": "gazetteer" },
            { "id": "place:zenda-castle", "name": "Zenda Castle", "kind": "SITE" },
            { "id": "place:graustark", "name": "Graustark", "kind": "COUNTRY", "location": { "latitude": 40.0, "longitude": 25.0 }, "precision": "COUNTRY" },
            { "id": "place:graustark-border", "name": "Graustark border strip", "kind": "BORDER_AREA", "location": { "latitude": 40.1, "longitude": 25.1 }, "precision": "REGION" } ],
          "organizations": [
            { "id": "org:red-brigade", "name": "Red Brigade", "kind": "ARMED_GROUP" },
            { "id": "org:blue-army", "name": "Blue Army", "kind": "MILITARY", "countryId": "place:ruritania" } ],
          "events": [
            { "id": "event:agg-campaign", "title": "Air campaign over the north", "kind": "AIRSTRIKE", "date": { "start": "2024-03-01", "end": "2024-03-31", "precision": "MONTH", "extent": "PERIOD", "text": "throughout March" } },
            { "id": "event:agg-strike-1", "title": "Strike on \"Red\" depot, north", "kind": "AIRSTRIKE", "date": { "start": "2024-03-04", "precision": "DAY" } },
            { "id": "event:agg-strike-2", "title": "Strike on the castle", "kind": "AIRSTRIKE", "date": { "start": "2024-03-10", "precision": "DAY" } },
            { "id": "event:agg-rockets", "title": "Rockets across the border", "kind": "ROCKET_ATTACK", "date": { "start": "2024-04-02", "precision": "DAY" } },
            { "id": "event:agg-protest", "title": "=Protest in the capital", "kind": "PROTEST" } ],
          "statements": [
            { "id": "statement:agg-tally", "text": "Monitors counted the dead of the campaign.", "stance": "REPORTS", "speakerDescription": "a monitoring group",
              "aboutIds": ["event:agg-campaign", "event:agg-strike-2", "event:agg-strike-1"],
              "casualtyReports": [{ "eventId": "event:agg-campaign", "killedMin": 10, "killedMax": 12 }, { "eventId": "event:agg-strike-2", "killedMin": 4, "killedMax": 4 },
                                { "eventId": "event:agg-strike-1", "killedMin": 3 }] },
            { "id": "statement:agg-claim", "text": "The brigade said it fired the rockets.", "stance": "ASSERTS", "onBehalfOfId": "org:red-brigade", "aboutIds": ["event:agg-rockets"] },
            { "id": "statement:agg-denial", "text": "A brigade commander denied firing.", "stance": "DENIES", "speakerDescription": "a brigade commander", "aboutIds": ["event:agg-rockets"] } ],
          "relations": [
            { "type": "LOCATED_IN", "fromId": "place:ruritania-north", "toId": "place:ruritania" },
            { "type": "LOCATED_IN", "fromId": "place:strelsau", "toId": "place:ruritania-north" },
            { "type": "LOCATED_IN", "fromId": "place:zenda-castle", "toId": "place:ruritania-north" },
            { "type": "LOCATED_IN", "fromId": "place:graustark-border", "toId": "place:graustark" },
            { "type": "OCCURRED_IN", "fromId": "event:agg-campaign", "toId": "place:ruritania-north" },
            { "type": "OCCURRED_IN", "fromId": "event:agg-strike-1", "toId": "place:strelsau" },
            { "type": "OCCURRED_IN", "fromId": "event:agg-strike-2", "toId": "place:zenda-castle" },
            { "type": "OCCURRED_IN", "fromId": "event:agg-rockets", "toId": "place:strelsau" },
            { "type": "OCCURRED_IN", "fromId": "event:agg-rockets", "toId": "place:graustark-border" },
            { "type": "OCCURRED_IN", "fromId": "event:agg-protest", "toId": "place:ruritania" },
            { "type": "CARRIED_OUT", "fromId": "org:blue-army", "toId": "event:agg-campaign" },
            { "type": "CARRIED_OUT", "fromId": "org:blue-army", "toId": "event:agg-strike-1" },
            { "type": "CARRIED_OUT", "fromId": "org:blue-army", "toId": "event:agg-strike-2" },
            { "type": "CARRIED_OUT", "fromId": "org:red-brigade", "toId": "event:agg-rockets", "claimedByIds": ["statement:agg-claim"], "disputedByIds": ["statement:agg-denial"] },
            { "type": "TARGETED", "fromId": "event:agg-strike-1", "toId": "org:red-brigade" },
            { "type": "PART_OF", "fromId": "event:agg-strike-2", "toId": "event:agg-campaign" } ]
        }
        """;

    /// <summary>The graph in the seed files' format.</summary>
    protected override GraphInput Graph() => JsonSerializer.Deserialize<GraphInput>(Json, GraphJson.Read)!;
}
