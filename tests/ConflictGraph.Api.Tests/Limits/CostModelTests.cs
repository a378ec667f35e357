using System.Globalization;
using System.Text.RegularExpressions;
using ConflictGraph.Api.Limits;
using ConflictGraph.Api.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Tests.Limits;

/// <summary>
/// The estimate the service prices documents with (GraphQL.NET's analyzer with <see cref="CostModel"/>), read from the
/// refusal of a service whose limit is 1: the same code path every request takes.
/// </summary>
public sealed partial class CostModelTests : IDisposable
{
    private readonly ConflictGraphApp app = ConflictGraphApp.With(new Dictionary<string, string?> { ["ConflictGraph:Limits:MaxComplexity"] = "1" });

    [Theory]
    // Nested pages multiply: 100 actors x 100 statements x 100 of each speaker's statements.
    [InlineData("{ actors(first: 100) { nodes { statements(first: 100) { nodes { about { id } speaker { id statements(first: 100) { nodes { id } } } } } } } }", 1_100_202)]
    [InlineData("query { actors(first: 100) { nodes { ...A } } } fragment A on Actor { statements(first: 100) { nodes { about { id } speaker { ...B } } } } fragment B on Actor { id statements(first: 100) { nodes { id } } }", 1_100_202)]
    // A list without `first` counts 5: 1 + 1 + 2 x (1 + 5 x 1).
    [InlineData("{ events(first: 2) { nodes { perpetrators { id } } } }", 14)]
    // A connection's default page is its `first`: 1 + 1 + 20 x 1.
    [InlineData("{ actors { nodes { id } } }", 22)]
    // nodes(ids:) is as long as its ids: 1 + 3 x 1.
    [InlineData("{ nodes(ids: [\"a\", \"b\", \"c\"]) { id } }", 4)]
    // A path search costs 8 to the power of its depth, its `first` paths each their selection: 8^6 + 3 x 1.
    [InlineData("{ paths(fromId: \"a\", toId: \"b\", maxDepth: 6) { length } }", 262_147)]
    // A total the store keeps (an organization's statements) costs 10 for each parent: 1 + 1 + 20 x (1 + 1 + 10 + 1 + 5 x 1).
    [InlineData("{ actors(first: 20) { nodes { id ... on Organization { statements(first: 5) { totalCount nodes { id } } } } } }", 362)]
    // Any other total is a count the store makes for each parent: 1,000 each. 1 + 1 + 20 x (1 + 1 + 1,000 + 1 + 5 x 1): the
    // harness's speakers (an actor may be a person, whose total is counted), a person's, a place's.
    [InlineData("{ actors(first: 20) { nodes { id statements(first: 5) { totalCount nodes { id } } } } }", 20_162)]
    [InlineData("{ actors(first: 20) { nodes { id ... on Person { statements(first: 5) { totalCount nodes { id } } } } } }", 20_162)]
    [InlineData("{ actors(first: 20) { nodes { id mentionedIn(first: 5) { totalCount nodes { id } } } } }", 20_162)]
    [InlineData("{ places(first: 20) { nodes { id events(first: 5) { totalCount nodes { id } } } } }", 20_162)]
    // 100 events x 5 perpetrators x (a total + 20 events): 1 + 1 + 100 x (1 + 1 + 5 x (1 + 1 + 1,000 + 1 + 20 x 1)).
    [InlineData("{ events(first: 100) { nodes { id perpetrators { id carriedOut(first: 20) { totalCount nodes { id } } } } } }", 511_702)]
    // A top-level total once: 1 + 1,000.
    [InlineData("{ events { totalCount } }", 1_001)]
    public async Task TheEstimateCountsEveryFieldOnceForEachItemOfTheListsAboveIt(string query, long expected) =>
        Assert.Equal(expected, await EstimateAsync(query));

    [Fact]
    public async Task TheIdsOfNodesAndTheDepthOfPathsArePricedFromTheirVariablesAtEveryRun()
    {
        const string byIds = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }";
        Assert.Equal(2, await EstimateAsync(byIds, new { ids = new[] { "a" } }));
        Assert.Equal(101, await EstimateAsync(byIds, new { ids = Enumerable.Range(0, 100).Select(i => $"n{i}").ToArray() }));
        const string paths = "query($d: Int!) { paths(fromId: \"a\", toId: \"b\", maxDepth: $d) { length } }";
        Assert.Equal(11, await EstimateAsync(paths, new { d = 1 }));
        Assert.Equal(262_147, await EstimateAsync(paths, new { d = 6 }));
    }

    [Fact]
    public async Task AnIntrospectionOnlyOperationIsHeldToItsOwnCeilingNotTheConfiguredOne()
    {
        var answer = await app.PostGraphQLAsync(Transport.Introspection.Query);
        Assert.Empty(answer.Errors);
        Assert.Contains("estimated cost", (await app.PostGraphQLAsync("{ __typename stats { nodes } }")).Errors[0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public void TheRefusalNamesTheFigureTheLimitAndWhatToAskInstead()
    {
        var message = CostLimitRule.Refusal(1_100_202, 400_000, introspection: false);
        Assert.StartsWith("the operation is too complex: its estimated cost is 1,100,202, more than the 400,000 allowed (ConflictGraph:Limits:MaxComplexity)", message);
        Assert.Contains("a smaller `first`", message);
        Assert.Contains("a `totalCount` counts 1,000 (10 where the store keeps it: an organization's `statements`)", message);
        Assert.Contains("the 1,000,000 introspection may cost", CostLimitRule.Refusal(2e6, CostLimitRule.IntrospectionCost, introspection: true));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void AListItemBudgetBelowOneIsRefusedAtStart(int items)
    {
        var result = new RequestLimitsValidator().Validate(null, new RequestLimits { MaxListItems = items });
        Assert.Contains($"ConflictGraph:Limits:MaxListItems is {items}; it must be at least 1", result.FailureMessage);
    }

    [Fact]
    public void TheDefaultsLeaveTheLargestRealQueriesRoomAndRefuseTheIssuesQuery()
    {
        // Measured in BENCHMARKS.md ("Request limits against real and hostile queries, session 18"): the explorer's
        // depth-6 path search is priced 262,935 and a first-100 page of actors with 100 statements each 110,502.
        var defaults = new RequestLimits();
        Assert.InRange(defaults.MaxComplexity, 262_935 * 3 / 2, 1_100_202 - 1);
        Assert.InRange(defaults.MaxListItems, 4 * 22_000, int.MaxValue);
    }

    private async Task<long> EstimateAsync(string query, object? variables = null)
    {
        var answer = await app.PostGraphQLAsync(query, variables);
        var message = answer.Errors[0]!["message"]!.GetValue<string>();
        var figure = Figure().Match(message);
        Assert.True(figure.Success, message);
        return long.Parse(figure.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("estimated cost is ([0-9,]+)")]
    private static partial Regex Figure();

    public void Dispose() => app.Dispose();
}
