using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Explorer;

/// <summary>What the seeded service says, asked over GraphQL, so the browser's findings are checked against the API and not against a copy.</summary>
public static class Seed
{
    public sealed record PlaceFacts(string Name, bool Located);

    public sealed record EventFacts(string Id, string Title, string Start, string End, string Extent, IReadOnlyList<PlaceFacts> Places, IReadOnlyList<string> Answers);

    public static async Task<IReadOnlyList<EventFacts>> EventsAsync(ConflictGraphApp app)
    {
        var response = await app.PostGraphQLAsync("""
            { events(first: 100) { nodes { id title date { start end extent } places { name location { latitude } }
              respondsTo { id } retaliationFor { id } } } }
            """);
        return response.Data!["events"]!["nodes"]!.AsArray().Select(e => new EventFacts(
            e!["id"]!.GetValue<string>(), e["title"]!.GetValue<string>(),
            e["date"]!["start"]!.GetValue<string>(), e["date"]!["end"]!.GetValue<string>(), e["date"]!["extent"]!.GetValue<string>(),
            e["places"]!.AsArray().Select(p => new PlaceFacts(p!["name"]!.GetValue<string>(), p["location"] is not null)).ToList(),
            [.. Ids(e["respondsTo"]), .. Ids(e["retaliationFor"])])).ToList();
    }

    public static async Task<IReadOnlyList<string>> NeighboursAsync(ConflictGraphApp app, string id)
    {
        var response = await app.PostGraphQLAsync("query($id: ID!) { node(id: $id) { ... on Organization { relations { from { id } to { id } } } } }", new { id });
        return response.Data!["node"]!["relations"]!.AsArray()
            .Select(r => r!["from"]!["id"]!.GetValue<string>() == id ? r["to"]!["id"]!.GetValue<string>() : r["from"]!["id"]!.GetValue<string>())
            .Distinct().ToList();
    }

    public sealed record ClaimFacts(bool Disputes, string Speaker, string? Characterization);

    public sealed record FactFacts(string Property, string Value, IReadOnlyList<ClaimFacts> Claims);

    /// <summary>The first disputed fact about a node, with its claims in the order the service gives them.</summary>
    public static async Task<FactFacts> DisputedFactAsync(ConflictGraphApp app, string subjectId)
    {
        var response = await app.PostGraphQLAsync("""
            query($id: ID!) { facts(filter: { subjectId: $id, statuses: [DISPUTED] }) { nodes { property value
              claims { position characterization statement { speaker { name } speakerDescription } } } } }
            """, new { id = subjectId });
        var fact = response.Data!["facts"]!["nodes"]![0]!;
        return new FactFacts(fact["property"]!.GetValue<string>(), fact["value"]!.GetValue<string>(), fact["claims"]!.AsArray().Select(c => new ClaimFacts(
            c!["position"]!.GetValue<string>() == "DISPUTES",
            (c["statement"]!["speaker"]?["name"] ?? c["statement"]!["speakerDescription"])!.GetValue<string>(),
            c["characterization"]?.GetValue<string>())).ToList());
    }

    /// <summary>Adds an organization with <paramref name="members"/> members, through importGraph with the write key.</summary>
    public static async Task AddHubAsync(ConflictGraphApp app, string hubId, int members)
    {
        var persons = Enumerable.Range(1, members).Select(n => new { id = $"person:explorer-test-member-{n:00}", name = $"Test member {n:00}" }).ToList();
        var input = new
        {
            organizations = new[] { new { id = hubId, name = "Large test coalition", kind = "OTHER" } },
            persons,
            relations = persons.Select(p => new { type = "MEMBER_OF", fromId = p.id, toId = hubId }).ToList(),
        };
        var response = await app.PostGraphQLAsync("mutation($input: GraphInput!) { importGraph(input: $input) { created } }", new { input }, ConflictGraphApp.WriteKey);
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
    }

    /// <summary>
    /// Adds a relation of the militia network that one test statement claims and another disputes,
    /// through importGraph with the write key. The seed itself disputes no relation: the report's one
    /// dispute is about what a site was used for, a fact.
    /// </summary>
    public static async Task AddDisputedRelationAsync(ConflictGraphApp app)
    {
        var input = new
        {
            organizations = new[] { new { id = "org:explorer-test-monitor", name = "Test monitor", kind = "NGO" } },
            places = new[] { new { id = "place:explorer-test-depot", name = "Test depot", kind = "SITE" } },
            sources = new[] { new { id = "source:explorer-test-report", title = "Explorer test report" } },
            statements = new object[]
            {
                new { id = "statement:explorer-test-claim", text = "Test claim: the militias used the test depot.", stance = "ASSERTS",
                      speakerId = "org:explorer-test-monitor", sourceId = "source:explorer-test-report" },
                new { id = "statement:explorer-test-denial", text = "Test denial: the militias never used the test depot.", stance = "DENIES",
                      speakerId = "org:popular-mobilization-forces", sourceId = "source:explorer-test-report" },
            },
            relations = new[]
            {
                new { type = "USED", fromId = "org:iran-backed-militias", toId = "place:explorer-test-depot",
                      claimedByIds = new[] { "statement:explorer-test-claim" }, disputedByIds = new[] { "statement:explorer-test-denial" } },
            },
        };
        var response = await app.PostGraphQLAsync("mutation($input: GraphInput!) { importGraph(input: $input) { created } }", new { input }, ConflictGraphApp.WriteKey);
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
    }

    private static IEnumerable<string> Ids(JsonNode? list) => list!.AsArray().Select(item => item!["id"]!.GetValue<string>());
}
