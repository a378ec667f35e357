using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Actors;

/// <summary>
/// Over HTTP, the SQLite store's first statement pages whose text is made once and kept (the statements about a node, a
/// speaker's, an organization's, each with or without its total): one person both speaks and is spoken about, so the
/// pages differ only in which node they name and how; asked in turn and in both orders, each keeps its own statements.
/// </summary>
public sealed class StatementPageTextsTests
{
    private const string Setup = """
        mutation { importGraph(input: {
          persons: [{ id: "person:spt-a", name: "Spoken of and speaking" }, { id: "person:spt-b", name: "Another speaker" }],
          organizations: [{ id: "org:spt", name: "A ministry", kind: GOVERNMENT }],
          statements: [
            { id: "statement:spt-1", text: "One.", stance: ASSERTS, speakerId: "person:spt-a", date: { start: "2024-01-01", precision: DAY } },
            { id: "statement:spt-2", text: "Two.", stance: DENIES, speakerId: "person:spt-a", date: { start: "2024-01-02", precision: DAY } },
            { id: "statement:spt-3", text: "Three.", stance: ASSERTS, speakerId: "person:spt-a", onBehalfOfId: "org:spt", date: { start: "2024-01-03", precision: DAY } },
            { id: "statement:spt-4", text: "Four.", stance: REPORTS, speakerId: "person:spt-b", aboutIds: ["person:spt-a"], date: { start: "2024-01-04", precision: DAY } },
            { id: "statement:spt-5", text: "Five.", stance: REPORTS, speakerId: "person:spt-b", aboutIds: ["person:spt-a"], date: { start: "2024-01-05", precision: DAY } },
            { id: "statement:spt-6", text: "Six.", stance: ACCUSES, onBehalfOfId: "org:spt", aboutIds: ["person:spt-a"], date: { start: "2024-01-06", precision: DAY } },
            { id: "statement:spt-7", text: "Seven.", stance: ACCUSES, speakerId: "person:spt-b", onBehalfOfId: "org:spt", date: { start: "2024-01-07", precision: DAY } } ] }) { created } }
        """;

    /// <summary>Each page as its total (or "-" when not asked) and its statements' numbers.</summary>
    private static readonly (string Field, string Expected)[] Pages =
    [
        ("""about: statements(first: 2, filter: { aboutId: "person:spt-a" }) { totalCount nodes { id } }""", "3: 4 5"),
        ("""aboutNoTotal: statements(first: 2, filter: { aboutId: "person:spt-a" }) { nodes { id } }""", "-: 4 5"),
        ("""spoken: statements(first: 2, filter: { speakerId: "person:spt-a" }) { totalCount nodes { id } }""", "3: 1 2"),
        ("""spokenNoTotal: statements(first: 2, filter: { speakerId: "person:spt-a" }) { nodes { id } }""", "-: 1 2"),
        ("""forOrganization: statements(first: 2, filter: { organizationId: "org:spt" }) { totalCount nodes { id } }""", "3: 3 6"),
        ("""forOrganizationNoTotal: statements(first: 2, filter: { organizationId: "org:spt" }) { nodes { id } }""", "-: 3 6"),
        ("""otherSpeaker: statements(first: 2, filter: { speakerId: "person:spt-b" }) { totalCount nodes { id } }""", "3: 4 5"),
    ];

    [Fact]
    public async Task FirstStatementPagesNamingOneNodeInDifferentWaysKeepTheirOwnStatementsInEitherOrder()
    {
        using var app = ConflictGraphApp.With(new Dictionary<string, string?>
        {
            ["ConflictGraph:Seed:OnStartup"] = "false",
            ["ConflictGraph:Caching:StoreReads"] = "false",
        });
        var written = await app.PostGraphQLAsync(Setup, key: ConflictGraphApp.WriteKey);
        Assert.True(written.Errors.Count == 0 && written.Data?["importGraph"] is not null, written.Body.ToJsonString());

        // One page a request, forwards then backwards, twice: whichever shape's text was made first, every page has its own.
        for (var round = 0; round < 2; round++)
            foreach (var (field, expected) in round == 0 ? Pages : Pages.Reverse())
                Assert.Equal($"{field.Split(':')[0]} {expected}", await PageAsync(app, field));

        // The actors' own statements fields, pages of the same shapes read in one request.
        var response = await app.PostGraphQLAsync("""
            { actors(first: 10) { nodes { id statements(first: 2) { totalCount nodes { id } } } } }
            """);
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        var actors = response.Data!["actors"]!["nodes"]!.AsArray()
            .Select(a => $"{a!["id"]} {Described(a["statements"]!)}").ToList();
        Assert.Equal(["org:spt 3: 3 6", "person:spt-a 3: 1 2", "person:spt-b 3: 4 5"], actors);
    }

    private static async Task<string> PageAsync(ConflictGraphApp app, string field)
    {
        var response = await app.PostGraphQLAsync($"{{ {field} }}");
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        var alias = field.Split(':')[0];
        return $"{alias} {Described(response.Data![alias]!)}";
    }

    private static string Described(System.Text.Json.Nodes.JsonNode page) =>
        $"{page["totalCount"]?.ToString() ?? "-"}: " +
        string.Join(' ', page["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()["statement:spt-".Length..]));
}
