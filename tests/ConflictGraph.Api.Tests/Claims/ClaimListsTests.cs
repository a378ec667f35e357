using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Claims;

/// <summary>
/// Over HTTP, a page of retaliations whose relations have claims and disputes, claims alone, disputes alone or none:
/// each relation's claimedBy and disputedBy list its own statements in claim order (each with its speaker), and a
/// relation without any answers empty lists.
/// </summary>
public sealed class ClaimListsTests
{
    private const string Setup = """
        mutation { importGraph(input: {
          persons: [{ id: "person:cl-a", name: "First speaker" }, { id: "person:cl-b", name: "Second speaker" }],
          events: [
            { id: "event:cl-1", title: "One", kind: AIRSTRIKE, date: { start: "2024-01-01", precision: DAY } },
            { id: "event:cl-2", title: "Two", kind: AIRSTRIKE, date: { start: "2024-01-02", precision: DAY } },
            { id: "event:cl-3", title: "Three", kind: AIRSTRIKE, date: { start: "2024-01-03", precision: DAY } },
            { id: "event:cl-4", title: "Four", kind: AIRSTRIKE, date: { start: "2024-01-04", precision: DAY } },
            { id: "event:cl-5", title: "Five", kind: AIRSTRIKE, date: { start: "2024-01-05", precision: DAY } } ],
          statements: [
            { id: "statement:cl-1", text: "One.", stance: ASSERTS, speakerId: "person:cl-a" },
            { id: "statement:cl-2", text: "Two.", stance: DENIES, speakerId: "person:cl-b" },
            { id: "statement:cl-3", text: "Three.", stance: ASSERTS } ],
          relations: [
            { type: RETALIATION_FOR, fromId: "event:cl-2", toId: "event:cl-1", claims: [
              { statementId: "statement:cl-3", characterization: "retaliation" },
              { statementId: "statement:cl-2", position: DISPUTES },
              { statementId: "statement:cl-1", characterization: "retaliation" } ] },
            { type: RETALIATION_FOR, fromId: "event:cl-3", toId: "event:cl-2" },
            { type: RETALIATION_FOR, fromId: "event:cl-4", toId: "event:cl-3", disputedByIds: ["statement:cl-1", "statement:cl-2"] },
            { type: RETALIATION_FOR, fromId: "event:cl-5", toId: "event:cl-4", claims: [{ statementId: "statement:cl-2", characterization: "retaliation" }] } ] }) { created } }
        """;

    [Fact]
    public async Task EachRelationListsItsOwnClaimsAndDisputesAndOneWithoutListsNone()
    {
        using var app = ConflictGraphApp.With(new Dictionary<string, string?>
        {
            ["ConflictGraph:Seed:OnStartup"] = "false",
            ["ConflictGraph:Caching:StoreReads"] = "false",
        });
        var written = await app.PostGraphQLAsync(Setup, key: ConflictGraphApp.WriteKey);
        Assert.True(written.Errors.Count == 0 && written.Data?["importGraph"] is not null, written.Body.ToJsonString());

        var response = await app.PostGraphQLAsync("""
            { retaliations(first: 10) { nodes { from { id } status claimedBy { id speaker { id } } disputedBy { id speaker { id } } } } }
            """);
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        var relations = response.Data!["retaliations"]!["nodes"]!.AsArray().Select(r =>
            $"{r!["from"]!["id"]} {r["status"]} claimed [{Listed(r["claimedBy"]!)}] disputed [{Listed(r["disputedBy"]!)}]").ToList();
        Assert.Equal(
        [
            "event:cl-2 DISPUTED claimed [statement:cl-1 by person:cl-a, statement:cl-3 by none] disputed [statement:cl-2 by person:cl-b]",
            "event:cl-3 UNSOURCED claimed [] disputed []",
            "event:cl-4 DENIED claimed [] disputed [statement:cl-1 by person:cl-a, statement:cl-2 by person:cl-b]",
            "event:cl-5 UNCONTESTED claimed [statement:cl-2 by person:cl-b] disputed []",
        ], relations);
    }

    private static string Listed(System.Text.Json.Nodes.JsonNode list) =>
        string.Join(", ", list.AsArray().Select(s => $"{s!["id"]} by {s["speaker"]?["id"]?.ToString() ?? "none"}"));
}
