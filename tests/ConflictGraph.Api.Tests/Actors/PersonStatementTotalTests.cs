using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Actors;

/// <summary>
/// The actors page with each actor's statements and their totalCount over HTTP, while statements are written, re-attributed
/// and deleted and a speaker is deleted through the mutations: each person's total is the number of statements naming it
/// as speaker (kept by the SQLite store since schema 19), an organization's those it spoke, those spoken for it and its people's (its own voice since schema 23: statement:pst-5).
/// </summary>
public sealed class PersonStatementTotalTests
{
    private const string Setup = """
        mutation { importGraph(input: {
          persons: [{ id: "person:pst-a", name: "First speaker" }, { id: "person:pst-b", name: "Second speaker" }],
          organizations: [{ id: "org:pst", name: "A ministry", kind: GOVERNMENT }],
          statements: [
            { id: "statement:pst-1", text: "One.", stance: ASSERTS, speakerId: "person:pst-a", date: { start: "2024-01-01", precision: DAY } },
            { id: "statement:pst-2", text: "Two.", stance: DENIES, speakerId: "person:pst-a" },
            { id: "statement:pst-3", text: "Three.", stance: ASSERTS, speakerId: "person:pst-a", date: { start: "2024-02-01", precision: DAY } },
            { id: "statement:pst-4", text: "Four.", stance: ASSERTS, speakerId: "person:pst-b" },
            { id: "statement:pst-5", text: "Five.", stance: REPORTS, speakerId: "org:pst" },
            { id: "statement:pst-6", text: "Six.", stance: REPORTS, onBehalfOfId: "org:pst" } ] }) { created } }
        """;

    [Fact]
    public async Task APersonsStatementsTotalFollowsStatementsWrittenReattributedAndDeleted()
    {
        using var app = ConflictGraphApp.With(new Dictionary<string, string?> { ["ConflictGraph:Seed:OnStartup"] = "false" });
        await WriteAsync(app, Setup, "importGraph");
        Assert.Equal(["org:pst 2 statement:pst-5", "person:pst-a 3 statement:pst-1", "person:pst-b 1 statement:pst-4"], await ActorsAsync(app));

        // Re-attributed: the statement written again with another speaker.
        await WriteAsync(app, """
            mutation { importGraph(input: { statements: [
              { id: "statement:pst-1", text: "One.", stance: ASSERTS, speakerId: "person:pst-b", date: { start: "2024-01-01", precision: DAY } }] }) { created } }
            """, "importGraph");
        Assert.Equal(["org:pst 2 statement:pst-5", "person:pst-a 2 statement:pst-3", "person:pst-b 2 statement:pst-1"], await ActorsAsync(app));

        await WriteAsync(app, """mutation { deleteNode(id: "statement:pst-3") }""", "deleteNode");
        Assert.Equal(["org:pst 2 statement:pst-5", "person:pst-a 1 statement:pst-2", "person:pst-b 2 statement:pst-1"], await ActorsAsync(app));

        // The speaker deleted: its statements stay, without a speaker.
        await WriteAsync(app, """mutation { deleteNode(id: "person:pst-b") }""", "deleteNode");
        Assert.Equal(["org:pst 2 statement:pst-5", "person:pst-a 1 statement:pst-2"], await ActorsAsync(app));
    }

    private static async Task WriteAsync(ConflictGraphApp app, string mutation, string field)
    {
        var written = await app.PostGraphQLAsync(mutation, key: ConflictGraphApp.WriteKey);
        Assert.True(written.Errors.Count == 0 && written.Data?[field] is not null, written.Body.ToJsonString());
    }

    /// <summary>Each actor of the page as "id totalCount first-statement".</summary>
    private static async Task<List<string>> ActorsAsync(ConflictGraphApp app)
    {
        var response = await app.PostGraphQLAsync("{ actors(first: 20) { nodes { id statements(first: 1) { totalCount nodes { id } } } } }");
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        return response.Data!["actors"]!["nodes"]!.AsArray()
            .Select(a => $"{a!["id"]} {a["statements"]!["totalCount"]} {a["statements"]!["nodes"]!.AsArray().FirstOrDefault()?["id"]}").ToList();
    }
}
