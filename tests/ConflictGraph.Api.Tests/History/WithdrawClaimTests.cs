using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.History;

/// <summary>withdrawClaim over HTTP: the status follows, the log records it, and bad requests say what is wrong.</summary>
public sealed class WithdrawClaimTests : IDisposable
{
    private readonly ConflictGraphApp app = new();

    private Task<GraphQLResponse> WithdrawAsync(string arguments, string? key = ConflictGraphApp.WriteKey) =>
        app.PostGraphQLAsync($"mutation {{ withdrawClaim({arguments}) }}", key: key);

    private async Task<JsonNode> RelationAsync(string id) =>
        (await app.PostGraphQLAsync($$"""{ relations(first: 100) { nodes { id status claimedBy { id } history { kind statementId after } } } }""")).Data!["relations"]!["nodes"]!
        .AsArray().Single(r => r!["id"]!.GetValue<string>() == id)!;

    [Fact]
    public async Task WithdrawingEveryClaimLeavesTheRelationUnsourcedAndEachWithdrawalIsInItsHistory()
    {
        var before = (await app.PostGraphQLAsync("{ relations(first: 100) { nodes { id status claimedBy { id } disputedBy { id } } } }")).Data!["relations"]!["nodes"]!.AsArray()
            .First(r => r!["claimedBy"]!.AsArray().Count > 0 && r["disputedBy"]!.AsArray().Count == 0)!;
        var id = before["id"]!.GetValue<string>();
        foreach (var statement in before["claimedBy"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()))
            Assert.True((await WithdrawAsync($"statementId: \"{statement}\", relationId: \"{id}\"")).Data!["withdrawClaim"]!.GetValue<bool>());

        var after = await RelationAsync(id);
        Assert.Equal("UNSOURCED", after["status"]!.GetValue<string>());
        Assert.Empty(after["claimedBy"]!.AsArray());
        var withdrawn = after["history"]!.AsArray().Where(e => e!["kind"]!.GetValue<string>() == "CLAIM_WITHDRAWN").ToList();
        Assert.Equal(before["claimedBy"]!.AsArray().Count, withdrawn.Count);
        Assert.Equal("UNSOURCED", JsonNode.Parse(withdrawn[^1]!["after"]!.GetValue<string>())!["status"]!.GetValue<string>());

        var statementId = before["claimedBy"]![0]!["id"]!.GetValue<string>();
        Assert.False((await WithdrawAsync($"statementId: \"{statementId}\", relationId: \"{id}\"")).Data!["withdrawClaim"]!.GetValue<bool>());
    }

    [Fact]
    public async Task BadRequestsSayWhatIsWrongAndWithdrawNothing()
    {
        var id = (await app.PostGraphQLAsync("{ relations(first: 1, filter: { statuses: [UNCONTESTED] }) { nodes { id claimedBy { id } } } }")).Data!["relations"]!["nodes"]![0]!;
        var relationId = id["id"]!.GetValue<string>();
        var statementId = id["claimedBy"]![0]!["id"]!.GetValue<string>();

        var missing = await WithdrawAsync($"statementId: \"{statementId}\", relationId: \"event:nowhere-[KILLED]->person:nobody\"");
        Assert.Equal(["NOT_FOUND"], missing.Codes);
        Assert.Contains("event:nowhere-[KILLED]->person:nobody", missing.Errors[0]!["message"]!.GetValue<string>());
        var nobody = await WithdrawAsync($"statementId: \"statement:nobody\", relationId: \"{relationId}\"");
        Assert.Equal(["NOT_FOUND"], nobody.Codes);
        Assert.Contains("statement:nobody", nobody.Errors[0]!["message"]!.GetValue<string>());
        Assert.Equal(["BAD_USER_INPUT"], (await WithdrawAsync($"statementId: \"{statementId}\"")).Codes);
        Assert.Equal(["BAD_USER_INPUT"], (await WithdrawAsync($"statementId: \"{statementId}\", relationId: \"{relationId}\", factId: \"place:x/p=v\"")).Codes);
        Assert.Equal(["UNAUTHENTICATED"], (await WithdrawAsync($"statementId: \"{statementId}\", relationId: \"{relationId}\"", key: null)).Codes);

        Assert.Contains((await RelationAsync(relationId))["claimedBy"]!.AsArray(), s => s!["id"]!.GetValue<string>() == statementId);
    }

    public void Dispose() => app.Dispose();
}
