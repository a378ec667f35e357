using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ConflictGraph.Cli.Generate;
using ConflictGraph.Core.Import;

namespace ConflictGraph.Api.Tests.Analysis;

/// <summary>The seeded service with a generated graph of 1,500 events on top, as `conflictgraph generate` writes it.</summary>
public sealed class GeneratedApp() : ImportedGraphApp(new Dictionary<string, string?>())
{

    protected override GraphInput Graph() => GraphGenerator.Whole(new GenerationSettings(1_500, 11, EventsPerFile: 1_500));
}

/// <summary>
/// Every event of a generated graph, exported over HTTP: the CSV read as RFC 4180 and the GeoJSON
/// checked against RFC 7946's structure, feature by feature; and eventAggregate's groups held to
/// counts worked out here from the CSV rows alone (no store, no core rule).
/// </summary>
public sealed class GeneratedExportTests(GeneratedApp generated) : IClassFixture<GeneratedApp>
{
    private async Task<List<Dictionary<string, string>>> CsvRowsAsync()
    {
        using var response = await (await generated.App.ReadyClientAsync()).GetAsync("/export/events.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = ExportTests.ParseCsv(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes[3..]));
        var header = rows[0];
        Assert.All(rows, r => Assert.Equal(header.Count, r.Count));
        return rows.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    /// <summary>The groups eventAggregate gives for <paramref name="arguments"/>, each as "keys: events imprecise disputed".</summary>
    private async Task<(Dictionary<string, string> Groups, int Total)> AggregateAsync(string arguments)
    {
        var response = await generated.App.PostGraphQLAsync(
            $"{{ eventAggregate({arguments}, first: 100) {{ groups {{ keys {{ value }} events impreciseEvents disputedEvents }} total {{ events }} }} }}");
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        var aggregate = response.Data!["eventAggregate"]!;
        var groups = aggregate["groups"]!.AsArray().ToDictionary(
            g => string.Join(" | ", g!["keys"]!.AsArray().Select(k => k!["value"]!.GetValue<string>())),
            g => $"{g!["events"]} {g["impreciseEvents"]} {g["disputedEvents"]}");
        return (groups, aggregate["total"]!["events"]!.GetValue<int>());
    }

    /// <summary>
    /// The served groups are the largest of the counted ones (first: 100), each with the counted measures:
    /// every group served is counted alike, and none left out is larger than one served.
    /// </summary>
    private static void AssertSameGroups(Dictionary<string, (int Events, int Imprecise, int Disputed)> counted, Dictionary<string, string> served)
    {
        Assert.Equal(Math.Min(100, counted.Count), served.Count);
        foreach (var (key, line) in served)
        {
            Assert.True(counted.TryGetValue(key, out var c), $"group '{key}' is served but no CSV row has that key");
            Assert.Equal($"{key}: {c.Events} {c.Imprecise} {c.Disputed}", $"{key}: {line}");
        }
        var smallestServed = served.Keys.Min(k => counted[k].Events);
        Assert.All(counted.Where(c => !served.ContainsKey(c.Key)), c => Assert.True(c.Value.Events <= smallestServed, $"group '{c.Key}' ({c.Value.Events}) was left out"));
    }

    private static Dictionary<string, (int Events, int Imprecise, int Disputed)> Count(
        IEnumerable<Dictionary<string, string>> rows, Func<Dictionary<string, string>, IEnumerable<string>> keys, Func<Dictionary<string, string>, bool> imprecise) =>
        rows.SelectMany(r => keys(r).Distinct().Select(k => (Key: k, Row: r))).GroupBy(p => p.Key)
            .ToDictionary(g => g.Key, g => (g.Count(), g.Count(p => imprecise(p.Row)), g.Count(p => p.Row["disputed"] == "true")));

    private static string Month(string day) => day.Length == 0 ? "" : day[..7] + "-01";

    /// <summary>Undated, or ending in another month than it starts.</summary>
    private static bool ImpreciseByMonth(Dictionary<string, string> row) => row["date_start"].Length == 0 || Month(row["date_start"]) != Month(row["date_end"]);

    private static IEnumerable<string> Split(string cell) => cell.Length == 0 ? [""] : cell.Split("; ");

    [Fact]
    public async Task TheAggregateCountsWhatTheCsvExportOfTheSameGraphHolds()
    {
        var rows = await CsvRowsAsync();
        Assert.True(rows.Count > 1_500, $"{rows.Count} rows: the generated graph is not all there");
        Assert.Equal(rows.Count, rows.Select(r => r["event_id"]).Distinct().Count());

        var byMonthAndKind = await AggregateAsync("groupBy: [TIME, KIND], bucket: MONTH");
        Assert.Equal(rows.Count, byMonthAndKind.Total);
        AssertSameGroups(Count(rows, r => [$"{Month(r["date_start"])} | {r["kind"]}"], ImpreciseByMonth), byMonthAndKind.Groups);

        var byYear = await AggregateAsync("groupBy: [TIME], bucket: YEAR");
        AssertSameGroups(Count(rows, r => [r["date_start"].Length == 0 ? "" : r["date_start"][..4] + "-01-01"],
            r => r["date_start"].Length == 0 || r["date_start"][..4] != r["date_end"][..4]), byYear.Groups);

        // An event with two perpetrators counts for each.
        var byPerpetrator = await AggregateAsync("groupBy: [PERPETRATOR, ACLED_EVENT_TYPE]");
        AssertSameGroups(Count(rows, r => Split(r["perpetrator_ids"]).Select(p => $"{p} | {r["acled_event_type"]}"), ImpreciseByMonth), byPerpetrator.Groups);

        var byTarget = await AggregateAsync("groupBy: [TARGET], filter: { kinds: [AIRSTRIKE, ARMED_CLASH], from: \"2012-01-01\" }");
        var chosen = rows.Where(r => r["kind"] is "AIRSTRIKE" or "ARMED_CLASH" && (r["date_end"].Length > 0 && string.CompareOrdinal(r["date_end"], "2012-01-01") >= 0)).ToList();
        Assert.True(chosen.Count > 0, "the filter keeps nothing, so it proves nothing");
        Assert.Equal(chosen.Count, byTarget.Total);
        AssertSameGroups(Count(chosen, r => Split(r["target_ids"]), ImpreciseByMonth), byTarget.Groups);
    }

    [Fact]
    public async Task TheGeoJsonExportHasTheRfc7946StructureForEveryEvent()
    {
        var rows = await CsvRowsAsync();
        using var response = await (await generated.App.ReadyClientAsync()).GetAsync("/export/events.geojson");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        var collection = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("FeatureCollection", collection["type"]!.GetValue<string>());
        // RFC 7946 4: no "crs" member; coordinates are WGS 84 longitude, latitude.
        Assert.False(collection.ContainsKey("crs"));
        var features = collection["features"]!.AsArray();
        Assert.Equal(rows.Select(r => r["event_id"]), features.Select(f => f!["id"]!.GetValue<string>()));
        var problems = features.SelectMany((f, i) => FeatureProblems(f!.AsObject()).Select(p => $"features[{i}] ({f["id"]}): {p}")).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        // Features with a point agree with the CSV's coordinates.
        var located = rows.Zip(features).Where(p => p.First["latitude"].Length > 0).ToList();
        Assert.NotEmpty(located);
        Assert.All(located, p => Assert.Equal(
            $"{p.First["longitude"]} {p.First["latitude"]}",
            string.Join(" ", p.Second!["geometry"]!["coordinates"]!.AsArray().Select(c => c!.GetValue<double>().ToString("R", CultureInfo.InvariantCulture)))));
    }

    /// <summary>What RFC 7946 section 3.2 and 3.1.2 ask of a Feature with a Point or no geometry.</summary>
    private static IEnumerable<string> FeatureProblems(JsonObject feature)
    {
        if (feature["type"]?.GetValue<string>() != "Feature") yield return "type is not \"Feature\"";
        if (!feature.ContainsKey("geometry")) yield return "no geometry member (null is required when there is no location)";
        if (!feature.ContainsKey("properties")) yield return "no properties member";
        else if (feature["properties"] is { } properties && properties is not JsonObject) yield return "properties is neither an object nor null";
        if (feature["id"] is { } id && id.GetValueKind() is not (System.Text.Json.JsonValueKind.String or System.Text.Json.JsonValueKind.Number))
            yield return "id is neither a string nor a number";
        if (feature["geometry"] is not JsonObject geometry) yield break;
        if (geometry["type"]?.GetValue<string>() != "Point") { yield return $"geometry type {geometry["type"]} is not Point"; yield break; }
        if (geometry["coordinates"] is not JsonArray position || position.Count is < 2 or > 3 ||
            position.Any(c => c?.GetValueKind() != System.Text.Json.JsonValueKind.Number))
        {
            yield return "a Point's coordinates are not a position of 2 or 3 numbers";
            yield break;
        }
        var (longitude, latitude) = (position[0]!.GetValue<double>(), position[1]!.GetValue<double>());
        if (longitude is < -180 or > 180 || latitude is < -90 or > 90) yield return $"[{longitude}, {latitude}] is not [longitude, latitude] in range";
    }
}
