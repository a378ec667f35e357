using System.Net;
using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Transport;

/// <summary>Writes need a configured key; validation problems come back naming their path; nothing half-written.</summary>
public sealed class WriteAccessTests : IDisposable
{
    private const string NewPerson = """
        mutation { importGraph(input: { persons: [{ id: "person:new-analyst", name: "New Analyst" }] }) { created updated unchanged } }
        """;

    private readonly ConflictGraphApp app = new();

    private async Task<int> NodeCountAsync() =>
        (await app.PostGraphQLAsync("{ stats { nodes } }")).Data!["stats"]!["nodes"]!.GetValue<int>();

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task WritingWithoutAValidKeyIsUnauthenticatedAndWritesNothing(string? key)
    {
        var before = await NodeCountAsync();
        var response = await app.PostGraphQLAsync(NewPerson, key: key);
        Assert.Equal(["UNAUTHENTICATED"], response.Codes);
        var delete = await app.PostGraphQLAsync("mutation { deleteNode(id: \"person:john-kirby\") }", key: key);
        Assert.Equal(["UNAUTHENTICATED"], delete.Codes);
        Assert.Equal(before, await NodeCountAsync());
    }

    [Fact]
    public async Task AWriteKeyImportsAndTheSameImportAgainChangesNothing()
    {
        var first = await app.PostGraphQLAsync(NewPerson, key: ConflictGraphApp.WriteKey);
        Assert.Empty(first.Errors);
        Assert.Equal(1, first.Data!["importGraph"]!["created"]!.GetValue<int>());
        var again = await app.PostGraphQLAsync(NewPerson, key: ConflictGraphApp.WriteKey);
        Assert.Equal((0, 1), (again.Data!["importGraph"]!["created"]!.GetValue<int>(), again.Data!["importGraph"]!["unchanged"]!.GetValue<int>()));
        var found = await app.PostGraphQLAsync("{ node(id: \"person:new-analyst\") { ... on Person { name } } }");
        Assert.Equal("New Analyst", found.Data!["node"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task ValidationProblemsAreBadUserInputNamingPathAndIdAndNothingIsWritten()
    {
        var before = await NodeCountAsync();
        var response = await app.PostGraphQLAsync("""
            mutation { importGraph(input: {
              persons: [{ id: "person:half", name: "Half" }],
              relations: [{ type: MEMBER_OF, fromId: "person:half", toId: "org:nowhere" }, { type: OCCURRED_IN, fromId: "person:half", toId: "place:syria" }] }) { created } }
            """, key: ConflictGraphApp.WriteKey);
        Assert.All(response.Codes, code => Assert.Equal("BAD_USER_INPUT", code));
        var messages = response.Errors.Select(e => e!["message"]!.GetValue<string>()).ToList();
        Assert.Contains(messages, m => m.StartsWith("relations[0].toId") && m.Contains("org:nowhere"));
        Assert.Contains(messages, m => m.StartsWith("relations[1].fromId"));
        Assert.Equal(before, await NodeCountAsync());
    }

    [Fact]
    public async Task GivingAStoredNodeAnotherKindIsBadUserInputAndNothingIsWritten()
    {
        var before = await NodeCountAsync();
        var response = await app.PostGraphQLAsync("""
            mutation { importGraph(input: {
              persons: [{ id: "person:newcomer", name: "Newcomer" }],
              organizations: [{ id: "org:other", name: "Other", kind: OTHER }, { id: "person:john-kirby", name: "Kirby Group", kind: OTHER }] }) { created } }
            """, key: ConflictGraphApp.WriteKey);
        Assert.Equal(["BAD_USER_INPUT"], response.Codes);
        var message = response.Errors[0]!["message"]!.GetValue<string>();
        Assert.StartsWith("organizations[1].id: node 'person:john-kirby' is stored as PERSON", message);
        Assert.Equal(before, await NodeCountAsync());
        var kirby = await app.PostGraphQLAsync("{ node(id: \"person:john-kirby\") { __typename } }");
        Assert.Equal("Person", kirby.Data!["node"]!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeletingANodeRemovesItAndItsRelations()
    {
        var response = await app.PostGraphQLAsync("mutation { deleteNode(id: \"person:john-kirby\") }", key: ConflictGraphApp.WriteKey);
        Assert.True(response.Data!["deleteNode"]!.GetValue<bool>());
        var gone = await app.PostGraphQLAsync("{ node(id: \"person:john-kirby\") { id } org: node(id: \"org:pentagon\") { ... on Organization { members { id } } } }");
        Assert.Null(gone.Data!["node"]);
        Assert.DoesNotContain(gone.Data!["org"]!["members"]!.AsArray(), m => m!["id"]!.GetValue<string>() == "person:john-kirby");
        var again = await app.PostGraphQLAsync("mutation { deleteNode(id: \"person:john-kirby\") }", key: ConflictGraphApp.WriteKey);
        Assert.False(again.Data!["deleteNode"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ReadKeysWhenConfiguredCloseReadsToEveryoneElse()
    {
        using var closed = ConflictGraphApp.With(new Dictionary<string, string?> { ["ConflictGraph:Auth:ReadKeys:0"] = "reader" });
        var anonymous = await closed.PostGraphQLAsync("{ stats { nodes } }");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Equal(["UNAUTHENTICATED"], anonymous.Codes);
        Assert.Empty((await closed.PostGraphQLAsync("{ stats { nodes } }", key: "reader")).Errors);
        Assert.Empty((await closed.PostGraphQLAsync("{ stats { nodes } }", key: ConflictGraphApp.WriteKey)).Errors);
    }

    public void Dispose() => app.Dispose();
}
