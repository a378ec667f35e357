using ConflictGraph.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ConflictGraph.Api.Tests.Hostile;

/// <summary>
/// Issue 11's closing note: a query the old cost limit let through held a core for the whole 30-s deadline. With the
/// default limits it and its variants are refused before any store call, naming the limit, the figure and the remedy.
/// </summary>
public sealed class CostLimitHostileTests(ITestOutputHelper output) : IDisposable
{
    private readonly ConflictGraphApp app = ConflictGraphApp.With(new Dictionary<string, string?> { ["ConflictGraph:Diagnostics:Cost"] = "true" });

    private const string Issue = "{ actors(first: 100) { nodes { statements(first: 100) { nodes { about { id } speaker { id statements(first: 100) { nodes { id } } } } } } } }";

    public static TheoryData<string, string, string> Variants => new()
    {
        { "the issue's query", Issue, "1,100,202" },
        { "the same through fragments", "query { actors(first: 100) { nodes { ...A } } } fragment A on Actor { statements(first: 100) { nodes { about { id } speaker { ...B } } } } fragment B on Actor { id statements(first: 100) { nodes { id } } }", "1,100,202" },
        { "three aliases of it", "{ " + string.Join(' ', Enumerable.Range(0, 3).Select(i => $"a{i}: " + Issue[2..^2])) + " }", "3,300,606" },
        { "wider", "{ actors(first: 100) { nodes { statements(first: 100) { nodes { text about { id } speaker { id name statements(first: 100) { nodes { id text } } } } } } } }", "2,120,202" },
        { "deeper", "{ actors(first: 100) { nodes { statements(first: 100) { nodes { speaker { statements(first: 100) { nodes { speaker { statements(first: 100) { nodes { id } } } } } } } } } } }", "103,030,202" },
        { "100 ids instead of a page", "{ nodes(ids: [" + string.Join(", ", Enumerable.Range(0, 100).Select(i => $"\"org:o{i}\"")) + "]) { ... on Actor { statements(first: 100) { nodes { speaker { statements(first: 100) { nodes { id } } } } } } } }", "1,030,201" },
        { "two deep path searches", "{ a: paths(fromId: \"person:john-kirby\", toId: \"org:kataib-hezbollah\", maxDepth: 6) { length } b: paths(fromId: \"person:john-kirby\", toId: \"org:kataib-hezbollah\", maxDepth: 6) { length } }", "524,294" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task NestedPagesBeyondTheCostLimitAreRefusedBeforeAnyStoreCall(string label, string query, string figure)
    {
        var outcome = await HostileRequest.PostAsync(app, output, label, query);

        Assert.Equal(["QUERY_TOO_COMPLEX"], outcome.Codes);
        Assert.Null(outcome.Json!["data"]);
        Assert.Contains($"too complex: its estimated cost is {figure}, more than the 400,000 allowed (ConflictGraph:Limits:MaxComplexity)", outcome.FirstMessage);
        Assert.Contains("ask for a smaller `first`", outcome.FirstMessage);
        Assert.Equal(0, outcome.Json!["extensions"]!["cost"]!["storeCalls"]!.GetValue<int>());
    }

    [Fact]
    public async Task TheSameDocumentWithVariablesIsRefusedEveryTimeTheyMakeItCostly()
    {
        const string query = "query($n: Int!) { actors(first: $n) { nodes { statements(first: $n) { nodes { speaker { id statements(first: $n) { nodes { id } } } } } } } }";
        var small = await HostileRequest.PostAsync(app, output, "n = 2", query, new { n = 2 });
        Assert.Empty(small.Errors);

        var large = await HostileRequest.PostAsync(app, output, "n = 100", query, new { n = 100 });
        Assert.Equal(["QUERY_TOO_COMPLEX"], large.Codes);
        Assert.Equal(0, large.Json!["extensions"]!["cost"]!["storeCalls"]!.GetValue<int>());
    }

    public void Dispose() => app.Dispose();
}
