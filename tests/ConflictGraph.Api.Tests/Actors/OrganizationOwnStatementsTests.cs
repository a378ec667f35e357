using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Actors;

/// <summary>
/// An organization's statements over HTTP on the seeded graph, read as the contract says them (Actor.statements: "as speaker
/// or as the organization spoken for"; the lead's rule adds its people, by a MEMBER_OF relation or a role there): for every
/// seeded organization, the statements whose speakerId or onBehalfOfId is the organization or whose speaker is one of its
/// people, taken from seed/statements.json, actors.json and relations.json here, not from any store's rule. Its statements
/// field, walked page by page, finds that set, and each page's totalCount is its size; the statements filter by organization
/// finds the same; the relations it claims are those claimed (not disputed) by statements it spoke or that were spoken for it.
/// A statement an organization speaks, then stops speaking, then loses, moves its statements at every step, cache on or off.
/// </summary>
public sealed class OrganizationOwnStatementsTests
{
    private static readonly JsonArray Statements = Seed("statements.json", "statements");
    private static readonly JsonObject Actors = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(ConflictGraphApp.RepoRoot, "seed", "actors.json")))!;
    private static readonly JsonArray Relations = Seed("relations.json", "relations");

    private static JsonArray Seed(string file, string list) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(ConflictGraphApp.RepoRoot, "seed", file)))![list]!.AsArray();

    private static string? Text(JsonNode? node, string field) => node?[field]?.GetValue<string>();

    private static IReadOnlyList<string> Organizations => Actors["organizations"]!.AsArray().Select(o => Text(o, "id")!).ToList();

    /// <summary>The organization's people: MEMBER_OF relations into it, and persons holding a role there.</summary>
    private static HashSet<string> People(string organization) =>
    [
        .. Relations.Where(r => Text(r, "type") == "MEMBER_OF" && Text(r, "toId") == organization).Select(r => Text(r, "fromId")!),
        .. Actors["persons"]!.AsArray()
            .Where(p => p!["roles"]?.AsArray().Any(role => Text(role, "organizationId") == organization) == true).Select(p => Text(p, "id")!),
    ];

    /// <summary>The statements the organization spoke, that were spoken for it, or that its people spoke.</summary>
    private static List<string> Expected(string organization)
    {
        var people = People(organization);
        return Statements.Where(s => Text(s, "speakerId") == organization || Text(s, "onBehalfOfId") == organization ||
                                     Text(s, "speakerId") is { } speaker && people.Contains(speaker))
            .Select(s => Text(s, "id")!).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The relations with a claim (none in the seed disputes) by a statement the organization spoke or that was spoken for it.</summary>
    private static List<string> ExpectedClaimed(string organization)
    {
        var own = Statements.Where(s => Text(s, "speakerId") == organization || Text(s, "onBehalfOfId") == organization)
            .Select(s => Text(s, "id")!).ToHashSet();
        return Relations.Where(r => r!["claims"]?.AsArray().Any(c => own.Contains(Text(c, "statementId")!) && c!["position"] is null) == true)
            .Select(r => $"{Text(r, "type")} {Text(r, "fromId")} {Text(r, "toId")}").Order(StringComparer.Ordinal).ToList();
    }

    [Theory]
    [InlineData("org:associated-press", 11, 0)]
    [InlineData("org:pentagon", 3, 6)]
    [InlineData("org:iran-backed-militias", 1, 0)]
    public async Task AnOrganizationsStatementsHoldWhatItSpokeItselfBesideWhatWasSpokenForIt(string organization, int spoken, int others)
    {
        using var app = ConflictGraphApp.With(new Dictionary<string, string?> { ["ConflictGraph:Caching:StoreReads"] = "false" });
        var expected = Expected(organization);
        Assert.Equal(spoken, Statements.Count(s => Text(s, "speakerId") == organization));
        Assert.Equal(spoken + others, expected.Count);
        Assert.Equal(expected, await WalkAsync(app, OrganizationPage(organization)));
        Assert.Equal(expected, await WalkAsync(app, FilterPage(organization)));
        if (organization == "org:pentagon") Assert.Contains("statement:2021-02-pentagon-february-retaliation", expected);
    }

    [Fact]
    public async Task EverySeededOrganizationsStatementsFilterAndClaimedRelationsAreTheSeedsByTheRule()
    {
        using var app = ConflictGraphApp.With(new Dictionary<string, string?> { ["ConflictGraph:Caching:StoreReads"] = "false" });
        Assert.True(Organizations.Count > 10);
        foreach (var organization in Organizations)
        {
            var expected = Expected(organization);
            Assert.Equal(expected, await WalkAsync(app, OrganizationPage(organization)));
            Assert.Equal(expected, await WalkAsync(app, FilterPage(organization)));
            Assert.Equal(ExpectedClaimed(organization), await ClaimedAsync(app, organization));
        }
        // The organizations whose own voice the rule adds are some of those checked: the test sees the difference.
        Assert.Contains(Organizations, o => Statements.Any(s => Text(s, "speakerId") == o && Text(s, "onBehalfOfId") != o));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AStatementAnOrganizationSpeaksThenStopsSpeakingThenLosesMovesItsStatementsAtEveryStep(bool cached)
    {
        using var app = ConflictGraphApp.With(new Dictionary<string, string?> { ["ConflictGraph:Caching:StoreReads"] = cached ? "true" : "false" });
        const string organization = "org:iran-backed-militias", statement = "statement:oos-own";
        var before = Expected(organization);
        // Read first, so a cached page is there for the writes to leave stale if they did not touch it.
        Assert.Equal(before, await WalkAsync(app, OrganizationPage(organization)));
        Assert.Equal(before, await WalkAsync(app, FilterPage(organization)));

        await WriteAsync(app, $$"""
            mutation { importGraph(input: { statements: [
              { id: "{{statement}}", text: "Said by the organization.", stance: DENIES, speakerId: "{{organization}}", date: { start: "2021-06-29", precision: DAY } }] }) { created } }
            """, "importGraph");
        var spoken = before.Append(statement).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(spoken, await WalkAsync(app, OrganizationPage(organization)));
        Assert.Equal(spoken, await WalkAsync(app, FilterPage(organization)));

        // Its speaker changed to a person of no organization: it is no longer the organization's.
        await WriteAsync(app, $$"""
            mutation { importGraph(input: { persons: [{ id: "person:oos-outsider", name: "An outsider" }], statements: [
              { id: "{{statement}}", text: "Said by the organization.", stance: DENIES, speakerId: "person:oos-outsider", date: { start: "2021-06-29", precision: DAY } }] }) { created } }
            """, "importGraph");
        Assert.Equal(before, await WalkAsync(app, OrganizationPage(organization)));
        Assert.Equal(before, await WalkAsync(app, FilterPage(organization)));

        // Back to the organization, then deleted.
        await WriteAsync(app, $$"""
            mutation { importGraph(input: { statements: [
              { id: "{{statement}}", text: "Said by the organization.", stance: DENIES, speakerId: "{{organization}}", date: { start: "2021-06-29", precision: DAY } }] }) { created } }
            """, "importGraph");
        Assert.Equal(spoken, await WalkAsync(app, OrganizationPage(organization)));
        await WriteAsync(app, $$"""mutation { deleteNode(id: "{{statement}}") }""", "deleteNode");
        Assert.Equal(before, await WalkAsync(app, OrganizationPage(organization)));
        Assert.Equal(before, await WalkAsync(app, FilterPage(organization)));

        // A new organization and a statement it speaks, in one write: it is the organization's.
        await WriteAsync(app, """
            mutation { importGraph(input: { statements: [
              { id: "statement:oos-new", text: "Said by a new organization.", stance: ASSERTS, speakerId: "org:oos-new", date: { start: "2021-06-30", precision: DAY } }],
              organizations: [{ id: "org:oos-new", name: "A new organization", kind: ARMED_GROUP }] }) { created } }
            """, "importGraph");
        Assert.Equal(["statement:oos-new"], await WalkAsync(app, OrganizationPage("org:oos-new")));
        Assert.Equal(["statement:oos-new"], await WalkAsync(app, FilterPage("org:oos-new")));
    }

    private static string OrganizationPage(string organization) =>
        $$"""node(id: "{{organization}}") { ... on Organization { statements(first: 3, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } }""";

    private static string FilterPage(string organization) =>
        $$"""statements(first: 3, after: $after, filter: { organizationId: "{{organization}}" }) { totalCount nodes { id } pageInfo { hasNextPage endCursor } }""";

    /// <summary>Walks every page of the field, each page's totalCount the walk's size; the statements' ids in id order.</summary>
    private static async Task<List<string>> WalkAsync(ConflictGraphApp app, string field)
    {
        var ids = new List<string>();
        var totals = new List<int>();
        string? after = null;
        for (var page = 0; page < 100; page++)
        {
            var response = await app.PostGraphQLAsync($"query ($after: String) {{ {field} }}", new { after });
            Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
            var connection = response.Data!["node"]?["statements"] ?? response.Data["statements"]!;
            ids.AddRange(connection["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
            totals.Add(connection["totalCount"]!.GetValue<int>());
            if (!connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = connection["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
        Assert.All(totals, total => Assert.Equal(ids.Count, total));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        return ids.Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<List<string>> ClaimedAsync(ConflictGraphApp app, string organization)
    {
        var response = await app.PostGraphQLAsync(
            $$"""{ relations(first: 100, filter: { claimedById: "{{organization}}" }) { totalCount nodes { type from { id } to { id } } } }""");
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        var nodes = response.Data!["relations"]!["nodes"]!.AsArray();
        Assert.Equal(nodes.Count, response.Data["relations"]!["totalCount"]!.GetValue<int>());
        return nodes.Select(r => $"{r!["type"]} {r["from"]!["id"]} {r["to"]!["id"]}").Order(StringComparer.Ordinal).ToList();
    }

    private static async Task WriteAsync(ConflictGraphApp app, string mutation, string field)
    {
        var written = await app.PostGraphQLAsync(mutation, key: ConflictGraphApp.WriteKey);
        Assert.True(written.Errors.Count == 0 && written.Data?[field] is not null, written.Body.ToJsonString());
    }
}
