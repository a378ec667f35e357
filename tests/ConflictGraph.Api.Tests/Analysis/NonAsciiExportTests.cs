using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConflictGraph.Core.Import;

namespace ConflictGraph.Api.Tests.Analysis;

/// <summary>
/// The seeded service plus an event whose place, perpetrator and target have ids with letters beyond ASCII
/// (ids allow any letter): the export finds the nodes an event links to by their ids' UTF-8 bytes.
/// </summary>
public sealed class NonAsciiApp() : ImportedGraphApp(new Dictionary<string, string?>())
{

    private const string Json = """
        {
          "places": [
            { "id": "place:łódź", "name": "Łódź", "kind": "CITY", "location": { "latitude": 51.77, "longitude": 19.46 }, "precision": "EXACT" },
            { "id": "place:łódź-old-town", "name": "Old Town", "kind": "SITE" } ],
          "organizations": [
            { "id": "org:ħizb-ñ", "name": "Ħizb Ñ", "kind": "ARMED_GROUP" },
            { "id": "org:ħizb-ö", "name": "Ħizb Ö", "kind": "ARMED_GROUP" } ],
          "persons": [ { "id": "person:ñandú", "name": "Ñandú" } ],
          "events": [
            { "id": "event:ünicode-raid", "title": "Raid in Łódź", "kind": "GROUND_ATTACK", "date": { "start": "2024-05-06", "precision": "DAY" } } ],
          "relations": [
            { "type": "OCCURRED_IN", "fromId": "event:ünicode-raid", "toId": "place:łódź-old-town" },
            { "type": "OCCURRED_IN", "fromId": "event:ünicode-raid", "toId": "place:łódź" },
            { "type": "CARRIED_OUT", "fromId": "org:ħizb-ö", "toId": "event:ünicode-raid" },
            { "type": "CARRIED_OUT", "fromId": "org:ħizb-ñ", "toId": "event:ünicode-raid" },
            { "type": "TARGETED", "fromId": "event:ünicode-raid", "toId": "person:ñandú" } ]
        }
        """;

    protected override GraphInput Graph() => JsonSerializer.Deserialize<GraphInput>(Json, GraphJson.Read)!;
}

public sealed class NonAsciiExportTests(NonAsciiApp app) : IClassFixture<NonAsciiApp>
{
    [Fact]
    public async Task LinkedNodesWithIdsBeyondAsciiExportWithTheirNamesInIdOrder()
    {
        var client = await app.App.ReadyClientAsync();
        var bytes = await client.GetByteArrayAsync("/export/events.csv?kinds=GROUND_ATTACK&from=2024-05-06&to=2024-05-06");
        var rows = ExportTests.ParseCsv(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes[3..]));
        var raid = rows[0].Zip(rows.Single(r => r[0] == "event:ünicode-raid")).ToDictionary(p => p.First, p => p.Second);
        Assert.Equal(("place:łódź; place:łódź-old-town", "Łódź; Old Town", "place:łódź"), (raid["place_ids"], raid["place_names"], raid["location_place_id"]));
        Assert.Equal(("org:ħizb-ñ; org:ħizb-ö", "Ħizb Ñ; Ħizb Ö"), (raid["perpetrator_ids"], raid["perpetrator_names"]));
        Assert.Equal(("person:ñandú", "Ñandú"), (raid["target_ids"], raid["target_names"]));

        var features = JsonNode.Parse(await client.GetStringAsync("/export/events.geojson?kinds=GROUND_ATTACK&from=2024-05-06&to=2024-05-06"))!["features"]!.AsArray();
        var properties = features.Single(f => f!["id"]!.GetValue<string>() == "event:ünicode-raid")!["properties"]!;
        Assert.Equal(["Ħizb Ñ", "Ħizb Ö"], properties["perpetrators"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.Equal("PERSON", properties["targets"]![0]!["kind"]!.GetValue<string>());
        Assert.Equal([19.46, 51.77], features.Single(f => f!["id"]!.GetValue<string>() == "event:ünicode-raid")!["geometry"]!["coordinates"]!.AsArray().Select(c => c!.GetValue<double>()));
    }
}
