using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Claims;

/// <summary>What a client gets wrong about claims and facts comes back as BAD_USER_INPUT naming the JSON path, and nothing is written.</summary>
public sealed class ClaimErrorsApiTests(ClaimsGraph graph) : IClassFixture<ClaimsGraph>
{
    private async Task<List<string>> RefusedAsync(string input)
    {
        var response = await graph.App.PostGraphQLAsync(ClaimsGraph.ImportMutation, new { input = JsonNode.Parse(input) }, ConflictGraphApp.WriteKey);
        Assert.NotEmpty(response.Errors);
        Assert.All(response.Codes, code => Assert.Equal("BAD_USER_INPUT", code));
        return response.Errors.Select(e => e!["message"]!.GetValue<string>()).ToList();
    }

    [Fact]
    public async Task EveryProblemWithClaimsAndFactsIsNamedAtItsPathAndNothingIsWritten()
    {
        var messages = await RefusedAsync("""
            { "events": [ { "id": "event:new", "title": "New", "kind": "AIRSTRIKE", "date": { "start": "2021-05-01", "precision": "MONTH", "extent": "PERIOD" } } ],
              "relations": [ { "type": "RESPONSE_TO", "fromId": "event:strikes", "toId": "event:drones",
                               "claimedByIds": [ "statement:pmf" ], "claims": [ { "statementId": "statement:pmf", "position": "DISPUTES" },
                                                                                { "statementId": "statement:gone", "characterization": "retaliation" } ] } ],
              "facts": [ { "subjectId": "place:nowhere", "property": "function", "value": "depot", "claims": [ { "statementId": "statement:pmf" } ] },
                         { "subjectId": "place:depot", "property": "function", "value": "depot" } ] }
            """);
        Assert.Equal(
            ["events[0].date.end: required for a PERIOD, which lasts from start to end (a MOMENT may leave it out)",
             "relations[0].claims[0]: 'statement:pmf' also claims this relation (relations[0].claimedByIds[0])",
             "facts[1].claims: a fact needs at least one claim: the graph states no fact in its own voice, only what statements claim or dispute",
             "relations[0].claims[1].statementId: no node 'statement:gone' in the batch or the store",
             "facts[0].subjectId: no node 'place:nowhere' in the batch or the store"],
            messages);
        var data = await graph.AskAsync("{ node(id: \"event:new\") { id } facts(filter: { property: \"function\" }) { totalCount } }");
        Assert.Null(data["node"]);
        Assert.Equal(1, data["facts"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task AFactListThatAsksTooMuchOrFromABadCursorIsRefused()
    {
        var tooMany = await graph.App.PostGraphQLAsync("{ facts(first: 1000) { totalCount } }");
        Assert.Equal("BAD_USER_INPUT", Assert.Single(tooMany.Codes));
        Assert.Contains("first: 1000 is more than the maximum page size", tooMany.Errors[0]!["message"]!.GetValue<string>());
        var badCursor = await graph.App.PostGraphQLAsync("{ facts(after: \"not-ours\") { totalCount } }");
        Assert.Equal("BAD_USER_INPUT", Assert.Single(badCursor.Codes));
    }

    [Fact]
    public async Task AnUnknownPositionOrStatusIsAGraphQLValidationError()
    {
        var response = await graph.App.PostGraphQLAsync("{ facts(filter: { statuses: [DOUBTED] }) { totalCount } }");
        Assert.NotEmpty(response.Errors);
        Assert.Null(response.Data?["facts"]);
    }
}
