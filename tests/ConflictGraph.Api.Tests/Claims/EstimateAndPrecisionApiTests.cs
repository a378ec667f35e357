namespace ConflictGraph.Api.Tests.Claims;

/// <summary>Casualty estimates, precision of dates and places, roles, and codings, over HTTP.</summary>
public sealed class EstimateAndPrecisionApiTests(ClaimsGraph graph) : IClassFixture<ClaimsGraph>
{
    [Fact]
    public async Task TheStrikesGiveLowFourBestFourAnOpenHighAndShareTheirDeadWithThePart()
    {
        var data = await graph.AskAsync("""
            { strikes: node(id: "event:strikes") { ... on Event { casualties { killedMin killedMax killedLow killedBest killedHigh bestRule sharedWithRelated conflicting
                reports { victimCategory statement { id } } } } }
              part: node(id: "event:depot-strike") { ... on Event { casualties { killedLow killedBest killedHigh sharedWithRelated } } }
              drones: node(id: "event:drones") { ... on Event { casualties { killedLow killedBest killedHigh sharedWithRelated } } } }
            """);
        var strikes = data["strikes"]!["casualties"]!;
        Assert.Equal((4, 4), (strikes["killedLow"]!.GetValue<int>(), strikes["killedBest"]!.GetValue<int>()));
        Assert.Null(strikes["killedHigh"]);
        Assert.Equal(4, strikes["killedMin"]!.GetValue<int>());
        Assert.True(strikes["conflicting"]!.GetValue<bool>());
        Assert.True(strikes["sharedWithRelated"]!.GetValue<bool>());
        Assert.Contains("UCDP", strikes["bestRule"]!.GetValue<string>());
        Assert.Contains("COMBATANTS", strikes["reports"]!.AsArray().Select(r => r!["victimCategory"]?.GetValue<string>()));
        var part = data["part"]!["casualties"]!;
        Assert.Equal((2, 2, 2, true), (part["killedLow"]!.GetValue<int>(), part["killedBest"]!.GetValue<int>(), part["killedHigh"]!.GetValue<int>(), part["sharedWithRelated"]!.GetValue<bool>()));
        var drones = data["drones"]!["casualties"]!;
        Assert.Null(drones["killedLow"]);
        Assert.False(drones["sharedWithRelated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task EventsShowEveryPlaceWhoAuthorizedThemAndTheirCodings()
    {
        var data = await graph.AskAsync("""
            { node(id: "event:strikes") { ... on Event { place { id } places { id } authorizedBy { from { id } claimedBy { id } } codings { scheme code } } } }
            """);
        var strikes = data["node"]!;
        Assert.Equal(["place:depot", "place:syria"], strikes["places"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
        Assert.Equal("place:depot", strikes["place"]!["id"]!.GetValue<string>());
        Assert.Equal("person:president", strikes["authorizedBy"]![0]!["from"]!["id"]!.GetValue<string>());
        Assert.Equal("statement:official", strikes["authorizedBy"]![0]!["claimedBy"]![0]!["id"]!.GetValue<string>());
        var codes = strikes["codings"]!.AsArray().ToDictionary(c => c!["scheme"]!.GetValue<string>(), c => c!["code"]!.GetValue<string>());
        Assert.Equal("Explosions/Remote violence", codes["ACLED_EVENT_TYPE"]);
        Assert.Equal("Air/drone strike", codes["ACLED_SUB_EVENT_TYPE"]);
        Assert.Equal("195", codes["CAMEO"]);
        Assert.False(codes.ContainsKey("UCDP_TYPE_OF_VIOLENCE"));
    }

    [Fact]
    public async Task PlacesAndDatesSayHowPreciseTheyAre()
    {
        var data = await graph.AskAsync("""
            { border: node(id: "place:border") { ... on Place { parent { id } parents { id } precision locationSource location { latitude } } }
              drones: node(id: "event:drones") { ... on Event { date { start end precision extent text } } }
              rockets: node(id: "event:rockets") { ... on Event { date { precision extent } } } }
            """);
        var border = data["border"]!;
        Assert.Equal(["place:iraq", "place:syria"], border["parents"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
        Assert.Equal(("REGION", "gazetteer (approximate centroid)"), (border["precision"]!.GetValue<string>(), border["locationSource"]!.GetValue<string>()));
        Assert.Equal(("MONTH", "PERIOD"), (data["drones"]!["date"]!["precision"]!.GetValue<string>(), data["drones"]!["date"]!["extent"]!.GetValue<string>()));
        Assert.Equal(("DAYS", "MOMENT"), (data["rockets"]!["date"]!["precision"]!.GetValue<string>(), data["rockets"]!["date"]!["extent"]!.GetValue<string>()));
    }

    [Fact]
    public async Task TheCodingTableSaysWhyNoCodeFitsWhereNoneDoes()
    {
        var data = await graph.AskAsync("{ codingTable { subject value scheme version code label } }");
        var rows = data["codingTable"]!.AsArray();
        var ucdp = rows.Single(r => r!["value"]!.GetValue<string>() == "AIRSTRIKE" && r["scheme"]!.GetValue<string>() == "UCDP_TYPE_OF_VIOLENCE")!;
        Assert.Null(ucdp["code"]);
        Assert.Contains("who fought", ucdp["label"]!.GetValue<string>());
        Assert.Contains("23.1", ucdp["version"]!.GetValue<string>());
        Assert.Contains(rows, r => r!["subject"]!.GetValue<string>() == "STATEMENT" && r["code"]?.GetValue<string>() == "111");
    }
}
