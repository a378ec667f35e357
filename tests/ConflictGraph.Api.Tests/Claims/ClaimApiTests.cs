using System.Text.Json.Nodes;

namespace ConflictGraph.Api.Tests.Claims;

/// <summary>Claims with the speakers' words, responses, parties and statements' positions, over HTTP.</summary>
public sealed class ClaimApiTests(ClaimsGraph graph) : IClassFixture<ClaimsGraph>
{
    private static List<string> Strings(JsonNode? array, string field) => array!.AsArray().Select(n => n![field]!.GetValue<string>()).ToList();

    [Fact]
    public void ImportGraphCountsFactsBesideNodesAndRelations()
    {
        Assert.Equal(22, graph.Imported["created"]!.GetValue<int>());
        Assert.Equal(12, graph.Imported["relationsCreated"]!.GetValue<int>());
        Assert.Equal(4, graph.Imported["factsCreated"]!.GetValue<int>());
        Assert.Equal(0, graph.Imported["factsUpdated"]!.GetValue<int>());
    }

    [Fact]
    public async Task ARelationsClaimsCarryTheSpeakersOwnWords()
    {
        var data = await graph.AskAsync("""
            { relations(filter: { types: [RESPONSE_TO] }) { nodes { status claims { statement { id } position characterization } } } }
            """);
        var claims = data["relations"]!["nodes"]![0]!["claims"]!.AsArray();
        Assert.Equal(["statement:official", "statement:pentagon", "statement:spokesman"], claims.Select(c => c!["statement"]!["id"]!.GetValue<string>()));
        Assert.Equal(["in response to", null, "defensive"], claims.Select(c => c!["characterization"]?.GetValue<string>()));
        Assert.All(claims, c => Assert.Equal("CLAIMS", c!["position"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ResponsesListRetaliationsAndResponsesInTheSpeakersTermsWhileRetaliationsKeepTheirMeaning()
    {
        var data = await graph.AskAsync("""
            { responses(filter: { byActorId: "org:pentagon" }) { totalCount nodes { type claims { characterization } } }
              retaliations { totalCount nodes { claims { statement { id } characterization } } } }
            """);
        var responses = data["responses"]!["nodes"]!.AsArray();
        Assert.Equal(2, data["responses"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(["RESPONSE_TO", "RETALIATION_FOR"], Strings(responses, "type"));
        Assert.Equal(["in response to", null, "defensive"], responses[0]!["claims"]!.AsArray().Select(c => c!["characterization"]?.GetValue<string>()));
        var retaliation = Assert.Single(data["retaliations"]!["nodes"]!.AsArray())!;
        Assert.Equal("retaliation", retaliation["claims"]![0]!["characterization"]!.GetValue<string>());
        Assert.Equal(1, data["retaliations"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task ThreePentagonVoicesAreOneClaimingParty()
    {
        var data = await graph.AskAsync("""
            { relations(filter: { types: [RESPONSE_TO, PRESENT_AT] }) { nodes { type claimedBy { id } claimingParties { id name } } } }
            """);
        var byType = data["relations"]!["nodes"]!.AsArray().ToDictionary(r => r!["type"]!.GetValue<string>(), r => r!);
        Assert.Equal(3, byType["RESPONSE_TO"]["claimedBy"]!.AsArray().Count);
        Assert.Equal(["org:pentagon"], Strings(byType["RESPONSE_TO"]["claimingParties"], "id"));
        Assert.Equal(["org:pmf"], Strings(byType["PRESENT_AT"]["claimingParties"], "id"));
    }

    [Fact]
    public async Task AStatementListsItsPositionsOnRelationsAndFacts()
    {
        var data = await graph.AskAsync("""
            { node(id: "statement:pmf") { ... on Statement { claims { id } disputes { id }
                positions { position characterization relation { id } fact { id status } }
                primarySource { id kind } reportedIn { id kind relays { id } } place { id } codings { scheme code label version } } } }
            """);
        var pmf = data["node"]!;
        var positions = pmf["positions"]!.AsArray();
        Assert.Equal(["event:depot-strike-[PART_OF]->event:strikes", "org:pmf-[PRESENT_AT]->place:depot"],
            positions.Where(p => p!["relation"] is not null).Select(p => p!["relation"]!["id"]!.GetValue<string>()));
        var denial = positions.Single(p => p!["fact"]?["id"]?.GetValue<string>() == "place:depot/function=weapons storage")!;
        Assert.Equal(("DISPUTES", "no weapons warehouses", "DISPUTED"),
            (denial["position"]!.GetValue<string>(), denial["characterization"]!.GetValue<string>(), denial["fact"]!["status"]!.GetValue<string>()));
        Assert.Equal(5, positions.Count);
        Assert.Equal(2, pmf["claims"]!.AsArray().Count);
        Assert.Empty(pmf["disputes"]!.AsArray());
        Assert.Equal(("source:post", "SOCIAL_MEDIA_POST"), (pmf["primarySource"]!["id"]!.GetValue<string>(), pmf["primarySource"]!["kind"]!.GetValue<string>()));
        Assert.Equal("source:post", pmf["reportedIn"]!["relays"]!["id"]!.GetValue<string>());
        Assert.Equal("place:iraq", pmf["place"]!["id"]!.GetValue<string>());
        var cameo = pmf["codings"]!.AsArray().Single(c => c!["scheme"]!.GetValue<string>() == "CAMEO")!;
        Assert.Equal("016", cameo["code"]!.GetValue<string>());
        Assert.Contains("1.1b3", cameo["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnonymousStatementsAreFoundByTheFilter()
    {
        var data = await graph.AskAsync("""
            { anonymous: statements(filter: { anonymous: true }) { totalCount nodes { id speakerDescription anonymous } }
              named: statements(filter: { anonymous: false }) { totalCount } }
            """);
        Assert.Equal(["statement:officials", "statement:pentagon", "statement:pmf"], Strings(data["anonymous"]!["nodes"], "id").Order());
        Assert.All(data["anonymous"]!["nodes"]!.AsArray(), s => Assert.True(s!["anonymous"]!.GetValue<bool>()));
        Assert.Equal(3, data["named"]!["totalCount"]!.GetValue<int>());
    }
}
