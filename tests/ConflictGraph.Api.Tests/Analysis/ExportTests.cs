using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Analysis;

/// <summary>The CSV and GeoJSON event exports over HTTP, on the Ruritania events, and their refusals.</summary>
public sealed class ExportTests(AnalysisApp analysis) : IClassFixture<AnalysisApp>
{
    private const string InRuritania = "placeId=place:ruritania";

    private async Task<HttpResponseMessage> GetAsync(string path) => await (await analysis.App.ReadyClientAsync()).GetAsync(path);

    /// <summary>Rows of an RFC 4180 document (quoted fields may hold commas, quotes and line breaks).</summary>
    public static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') (field, i) = (field.Append('"'), i + 1);
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') (row, field) = (Add(row, field), new StringBuilder());
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                rows.Add(Add(row, field));
                (row, field, i) = (new List<string>(), new StringBuilder(), i + 1);
            }
            else field.Append(c);
        }
        Assert.True(row.Count == 0 && field.Length == 0, "the document does not end with CRLF");
        return rows;

        static List<string> Add(List<string> row, StringBuilder field)
        {
            row.Add(field.ToString());
            return row;
        }
    }

    [Fact]
    public async Task TheCsvHasAHeaderAndOneRowPerEventQuotedAsRfc4180()
    {
        using var response = await GetAsync($"/export/events.csv?{InRuritania}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("events.csv", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = ParseCsv(Encoding.UTF8.GetString(bytes[3..]));
        var header = rows[0];
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.Equal(header.Count, r.Count));
        Dictionary<string, string> Row(string id) => header.Zip(rows.Single(r => r[0] == id)).ToDictionary(p => p.First, p => p.Second);

        var strike = Row("event:agg-strike-1");
        Assert.Equal("Strike on \"Red\" depot, north", strike["title"]);
        Assert.Equal(("2024-03-04", "2024-03-04", "DAY", "MOMENT"), (strike["date_start"], strike["date_end"], strike["date_precision"], strike["date_extent"]));
        Assert.Equal(("Explosions/Remote violence", "Air/drone strike", "195"), (strike["acled_event_type"], strike["acled_sub_event_type"], strike["cameo"]));
        Assert.Equal(("place:strelsau", "45.5", "20.5", "EXACT"), (strike["location_place_id"], strike["latitude"], strike["longitude"], strike["location_precision"]));
        Assert.Equal(("org:blue-army", "Blue Army", "UNSOURCED"), (strike["perpetrator_ids"], strike["perpetrator_names"], strike["perpetrator_statuses"]));
        Assert.Equal(("3", "3", "", "false"), (strike["killed_low"], strike["killed_best"], strike["killed_high"], strike["disputed"]));

        var rockets = Row("event:agg-rockets");
        Assert.Equal(("place:graustark-border; place:strelsau", "Graustark border strip; Strelsau", "BORDER_AREA; CITY"),
            (rockets["place_ids"], rockets["place_names"], rockets["place_kinds"]));
        Assert.Equal(("DISPUTED", "true"), (rockets["perpetrator_statuses"], rockets["disputed"]));
        Assert.Equal(("event:agg-campaign", "4", "4", "4"), (Row("event:agg-strike-2")["part_of"], Row("event:agg-strike-2")["killed_low"], Row("event:agg-strike-2")["killed_best"], Row("event:agg-strike-2")["killed_high"]));
        // Text a spreadsheet would run as a formula is shown as text; the undated event is there with empty dates.
        var protest = Row("event:agg-protest");
        Assert.Equal(("'=Protest in the capital", "", ""), (protest["title"], protest["date_start"], protest["acled_sub_event_type"]));
        // Dated events by start date, the undated last.
        Assert.Equal(["event:agg-campaign", "event:agg-strike-1", "event:agg-strike-2", "event:agg-rockets", "event:agg-protest"], rows.Skip(1).Select(r => r[0]));
    }

    [Fact]
    public async Task TheGeoJsonIsAFeatureCollectionWithLongitudeFirstAndKeepsEventsWithoutCoordinates()
    {
        using var response = await GetAsync($"/export/events.geojson?{InRuritania}&kinds=AIRSTRIKE,ROCKET_ATTACK");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        var collection = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("FeatureCollection", collection["type"]!.GetValue<string>());
        Assert.Equal(["type", "features"], collection.AsObject().Select(p => p.Key));
        var features = collection["features"]!.AsArray();
        Assert.Equal(4, features.Count);
        Assert.All(features, f => Assert.Equal(["type", "id", "geometry", "properties"], f!.AsObject().Select(p => p.Key)));
        JsonNode Feature(string id) => features.Single(f => f!["id"]!.GetValue<string>() == id)!;

        // Rockets: the first of its places by id with coordinates is the border strip at 40.1 N, 25.1 E.
        var rockets = Feature("event:agg-rockets");
        Assert.Equal("Point", rockets["geometry"]!["type"]!.GetValue<string>());
        Assert.Equal([25.1, 40.1], rockets["geometry"]!["coordinates"]!.AsArray().Select(c => c!.GetValue<double>()));
        Assert.Equal(2, rockets["properties"]!["places"]!.AsArray().Count);
        Assert.Equal("DISPUTED", rockets["properties"]!["perpetrators"]![0]!["status"]!.GetValue<string>());
        Assert.True(rockets["properties"]!["disputed"]!.GetValue<bool>());
        // The castle has no coordinates: the strike is there, with geometry null.
        var castle = Feature("event:agg-strike-2");
        Assert.Null(castle["geometry"]);
        Assert.True(castle.AsObject().ContainsKey("geometry"));
        Assert.Equal("Zenda Castle", castle["properties"]!["places"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(["event:agg-campaign"], castle["properties"]!["part_of"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal("Explosions/Remote violence", castle["properties"]!["codings"]!["ACLED_EVENT_TYPE"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheFilterParametersNarrowTheExportAsTheyNarrowTheEventList()
    {
        var listed = await analysis.App.PostGraphQLAsync(
            "{ events(filter: { placeId: \"place:ruritania\", from: \"2024-03-05\", to: \"2024-12-31\", perpetratorId: \"org:blue-army\" }) { nodes { id } } }");
        using var response = await GetAsync("/export/events.csv?placeId=place:ruritania&from=2024-03-05&to=2024-12-31&perpetratorId=org:blue-army");
        var rows = ParseCsv((await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
        Assert.Equal(listed.Data!["events"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).Order(), rows.Skip(1).Select(r => r[0]).Order());
        Assert.Equal(["event:agg-campaign", "event:agg-strike-2"], rows.Skip(1).Select(r => r[0]));
    }

    [Theory]
    [InlineData("/export/events.csv?kinds=AIRSTRIKE,BOMBING", "kinds: 'BOMBING' is not an EventKind")]
    [InlineData("/export/events.geojson?from=March", "from: 'March' is not a date; give it as YYYY-MM-DD")]
    [InlineData("/export/events.csv?country=place:ruritania", "unknown query parameter 'country'")]
    [InlineData("/export/events.csv?placeId=a&placeId=b", "placeId: given 2 times; give it once")]
    [InlineData("/export/events.csv?text=a+b+c+d+e+f+g+h+i+j+k+l+m+n+o+p+q+r+s+t+u+v+w+x+y+z+aa+bb+cc+dd+ee+ff+gg", "text: the search text has 33 words")]
    public async Task BadParametersAre400NamingTheParameter(string path, string message)
    {
        using var response = await GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!;
        Assert.Equal("BAD_USER_INPUT", error["extensions"]!["code"]!.GetValue<string>());
        Assert.StartsWith(message, error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExportsNeedAReadKeyWhenReadsDo()
    {
        using var app = ConflictGraphApp.With(new Dictionary<string, string?> { ["ConflictGraph:Auth:ReadKeys:0"] = "reader" });
        var client = await app.ReadyClientAsync();
        foreach (var path in new[] { "/export/events.csv", "/export/events.geojson", "/export/graph.graphml?id=place:syria" })
        {
            using var refused = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("UNAUTHENTICATED", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
            using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "reader") } };
            using var allowed = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
    }
}
