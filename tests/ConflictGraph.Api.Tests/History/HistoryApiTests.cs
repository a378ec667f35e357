using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.History;

/// <summary>The change log over HTTP: who wrote what, batches, paging, relations' histories, deleted nodes.</summary>
public sealed class HistoryApiTests : IDisposable
{
    private const string NamedKey = "newsroom-secret-2f9c";
    private const string Entry = "cursor at kind targetId statementId batchId writer before after";

    private readonly ConflictGraphApp app = ConflictGraphApp.With(new Dictionary<string, string?> { ["ConflictGraph:Auth:NamedWriteKeys:newsroom"] = NamedKey });

    private async Task<JsonArray> HistoryOfAsync(string id) =>
        (await app.PostGraphQLAsync($$"""{ history(targetId: "{{id}}") { nodes { {{Entry}} } } }""")).Data!["history"]!["nodes"]!.AsArray();

    [Fact]
    public async Task AnImportReturnsItsBatchAndHistoryNamesTheKeyNeverTheKeyItself()
    {
        var response = await app.PostGraphQLAsync(
            """mutation { importGraph(input: { persons: [{ id: "person:new-analyst", name: "New Analyst" }] }) { created batchId } }""", key: NamedKey);
        var batchId = response.Data!["importGraph"]!["batchId"]!.GetValue<string>();

        var entry = Assert.Single(await HistoryOfAsync("person:new-analyst"))!;
        Assert.Equal(("NODE_CREATED", batchId, "newsroom"), (entry["kind"]!.GetValue<string>(), entry["batchId"]!.GetValue<string>(), entry["writer"]!.GetValue<string>()));
        Assert.Null(entry["before"]);
        Assert.Equal("New Analyst", JsonNode.Parse(entry["after"]!.GetValue<string>())!["name"]!.GetValue<string>());
        var whole = await app.PostGraphQLAsync($$"""{ history(first: 100) { nodes { {{Entry}} } } }""");
        Assert.DoesNotContain(NamedKey, whole.Body.ToJsonString());

        var again = await app.PostGraphQLAsync(
            """mutation { importGraph(input: { persons: [{ id: "person:new-analyst", name: "New Analyst" }] }) { unchanged batchId } }""", key: NamedKey);
        Assert.Null(again.Data!["importGraph"]!["batchId"]);
    }

    [Fact]
    public async Task AnUnnamedKeyIsRecordedByItsPlaceAndTheSeedAsSeed()
    {
        await app.PostGraphQLAsync("""mutation { importGraph(input: { persons: [{ id: "person:other", name: "Other" }] }) { created } }""", key: ConflictGraphApp.WriteKey);
        Assert.Equal("write-key-1", (await HistoryOfAsync("person:other"))[0]!["writer"]!.GetValue<string>());
        Assert.Equal("seed", (await HistoryOfAsync("person:john-kirby"))[0]!["writer"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheLogPagesOldestFirstWithItsTotalAndRefusesCursorsItDidNotIssue()
    {
        var first = (await app.PostGraphQLAsync("{ history(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { cursor kind } } } }")).Data!["history"]!;
        Assert.True(first["totalCount"]!.GetValue<int>() > 100);
        var edges = first["edges"]!.AsArray();
        Assert.Equal(3, edges.Count);
        Assert.All(edges, e => Assert.Equal(e!["cursor"]!.GetValue<string>(), e["node"]!["cursor"]!.GetValue<string>()));
        var after = first["pageInfo"]!["endCursor"]!.GetValue<string>();
        var second = (await app.PostGraphQLAsync($$"""{ history(first: 3, after: "{{after}}") { pageInfo { hasPreviousPage } nodes { cursor } } }""")).Data!["history"]!;
        Assert.True(second["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
        Assert.DoesNotContain(second["nodes"]!.AsArray(), n => edges.Any(e => e!["cursor"]!.GetValue<string>() == n!["cursor"]!.GetValue<string>()));

        var relationCursor = (await app.PostGraphQLAsync("{ relations(first: 1) { pageInfo { endCursor } } }")).Data!["relations"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        Assert.Equal(["BAD_USER_INPUT"], (await app.PostGraphQLAsync($$"""{ history(after: "{{relationCursor}}") { totalCount } }""")).Codes);
        Assert.Equal(["BAD_USER_INPUT"], (await app.PostGraphQLAsync("{ history(first: 1000) { totalCount } }")).Codes);
    }

    [Fact]
    public async Task ARelationListsItsClaimChangesAndADeletedNodesHistoryStaysReadable()
    {
        await app.PostGraphQLAsync("""
            mutation { importGraph(input: { statements: [{ id: "statement:analyst", text: "Kirby speaks for the Pentagon.", stance: ASSERTS, speakerDescription: "an analyst" }],
              relations: [{ type: MEMBER_OF, fromId: "person:john-kirby", toId: "org:pentagon", claimedByIds: ["statement:analyst"] }] }) { relationsUpdated } }
            """, key: NamedKey);
        var relation = await app.PostGraphQLAsync("""
            { relations(filter: { fromId: "person:john-kirby", types: [MEMBER_OF] }) { nodes { id history { kind statementId writer } } } }
            """);
        var history = relation.Data!["relations"]!["nodes"]![0]!["history"]!.AsArray();
        Assert.Equal(["RELATION_CREATED", "CLAIM_ADDED"], history.Select(e => e!["kind"]!.GetValue<string>()));
        Assert.Equal(("statement:analyst", "newsroom"), (history[1]!["statementId"]!.GetValue<string>(), history[1]!["writer"]!.GetValue<string>()));

        Assert.True((await app.PostGraphQLAsync("mutation { deleteNode(id: \"statement:analyst\") }", key: NamedKey)).Data!["deleteNode"]!.GetValue<bool>());
        var life = await HistoryOfAsync("statement:analyst");
        Assert.Equal(["NODE_CREATED", "NODE_DELETED"], life.Select(e => e!["kind"]!.GetValue<string>()));
        Assert.Null(life[1]!["after"]);
        Assert.Equal("Kirby speaks for the Pentagon.", JsonNode.Parse(life[1]!["before"]!.GetValue<string>())!["text"]!.GetValue<string>());
    }

    public void Dispose() => app.Dispose();
}
