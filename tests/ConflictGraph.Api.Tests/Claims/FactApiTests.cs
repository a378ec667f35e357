using System.Text.Json.Nodes;

namespace ConflictGraph.Api.Tests.Claims;

/// <summary>Facts on every node kind that carries them, and the facts list, over HTTP.</summary>
public sealed class FactApiTests(ClaimsGraph graph) : IClassFixture<ClaimsGraph>
{
    [Fact]
    public async Task AFactShowsWhoClaimsItWhoDisputesItInTheirWordsAndItsStatus()
    {
        var data = await graph.AskAsync("""
            { node(id: "place:depot") { ... on Place { facts(property: "function") { id subject { id } property value status
                claims { statement { id speakerDescription } position characterization } claimedBy { id } disputedBy { id } } } } }
            """);
        var fact = Assert.Single(data["node"]!["facts"]!.AsArray())!;
        Assert.Equal("place:depot/function=weapons storage", fact["id"]!.GetValue<string>());
        Assert.Equal(("place:depot", "function", "weapons storage", "DISPUTED"),
            (fact["subject"]!["id"]!.GetValue<string>(), fact["property"]!.GetValue<string>(), fact["value"]!.GetValue<string>(), fact["status"]!.GetValue<string>()));
        Assert.Equal("statement:officials", fact["claimedBy"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("statement:pmf", fact["disputedBy"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(["weapons storage facility", "no weapons warehouses"], fact["claims"]!.AsArray().Select(c => c!["characterization"]!.GetValue<string>()));
    }

    [Fact]
    public async Task EventsPlacesPersonsAndOrganizationsCarryFacts()
    {
        var data = await graph.AskAsync("""
            { depot: node(id: "place:depot") { ... on Place { facts { property } } }
              drones: node(id: "event:drones") { ... on Event { facts { value } } }
              pmf: node(id: "org:pmf") { ... on Actor { facts { property value } } }
              official: node(id: "person:official") { ... on Person { facts { id } } } }
            """);
        Assert.Equal(["function", "presence"], data["depot"]!["facts"]!.AsArray().Select(f => f!["property"]!.GetValue<string>()));
        Assert.Equal("at least five", data["drones"]!["facts"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("mission", data["pmf"]!["facts"]![0]!["property"]!.GetValue<string>());
        Assert.Empty(data["official"]!["facts"]!.AsArray());
    }

    [Fact]
    public async Task DisputedFactsAreAsEasyToFindAsDisputedRelations()
    {
        var data = await graph.AskAsync("""
            { facts(filter: { statuses: [DISPUTED, DENIED] }) { totalCount nodes { id disputedBy { onBehalfOf { name } } } }
              byPmf: facts(filter: { claimedById: "org:pmf" }) { totalCount }
              depot: facts(filter: { subjectId: "place:depot", property: "presence" }) { nodes { value } } }
            """);
        Assert.Equal(1, data["facts"]!["totalCount"]!.GetValue<int>());
        Assert.Equal("Popular Mobilization Forces", data["facts"]!["nodes"]![0]!["disputedBy"]![0]!["onBehalfOf"]!["name"]!.GetValue<string>());
        Assert.Equal(2, data["byPmf"]!["totalCount"]!.GetValue<int>());
        Assert.Equal("PMF fighters", data["depot"]!["nodes"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task FactsPageWithCursors()
    {
        var first = await graph.AskAsync("{ facts(first: 3) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }");
        Assert.Equal(4, first["facts"]!["totalCount"]!.GetValue<int>());
        Assert.True(first["facts"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        var after = first["facts"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var rest = await graph.AskAsync("query($after: String) { facts(first: 3, after: $after) { nodes { id } pageInfo { hasNextPage hasPreviousPage } } }", new { after });
        Assert.Equal(["place:depot/presence=PMF fighters"], rest["facts"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
        Assert.False(rest["facts"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
    }
}
