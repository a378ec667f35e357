using ConflictGraph.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ConflictGraph.Api.Tests.Hostile;

/// <summary>
/// A list without <c>first</c> can be far longer than the estimate's 5 (a hub's relations grow with the graph), so a
/// query's answer holds at most MaxListItems list items: past them it stops, reading nothing further down.
/// </summary>
public sealed class ListItemBudgetTests(ITestOutputHelper output)
{
    // Every actor's relations, and the statements about each relation's far end when it is an event.
    private const string Query = "{ actors(first: 100) { nodes { id relations { id from { id } to { id ... on Event { statements { id speaker { id } } } } } } } }";

    private static ConflictGraphApp App(int? items)
    {
        var settings = new Dictionary<string, string?> { ["ConflictGraph:Diagnostics:Cost"] = "true", ["ConflictGraph:Caching:StoreReads"] = "false" };
        if (items is { } budget) settings["ConflictGraph:Limits:MaxListItems"] = budget.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ConflictGraphApp.With(settings);
    }

    [Fact]
    public async Task AQueryWhoseListsOutgrowTheBudgetIsStoppedWithOneErrorNamingIt()
    {
        using var whole = App(null);
        var answered = await HostileRequest.PostAsync(whole, output, "default budget", Query);
        Assert.Empty(answered.Errors);
        var relations = answered.Json!["data"]!["actors"]!["nodes"]!.AsArray().Sum(actor => actor!["relations"]!.AsArray().Count);
        Assert.True(relations > 30, $"the seed's actors have {relations} relations");

        using var small = App(30);
        var stopped = await HostileRequest.PostAsync(small, output, "a budget of 30 list items", Query);

        Assert.Equal(["QUERY_TOO_COMPLEX"], stopped.Codes);
        Assert.Null(stopped.Json!["data"]);
        Assert.Matches("the operation was stopped: its answer's lists held [0-9,]+ items, more than the 30 allowed \\(ConflictGraph:Limits:MaxListItems\\)", stopped.FirstMessage);
        Assert.Contains("ask for a smaller `first`", stopped.FirstMessage);
        // Nothing below the list that crossed the budget was read: fewer store calls than the whole answer took.
        Assert.True(Calls(stopped) < Calls(answered), $"{Calls(stopped)} store calls stopped against {Calls(answered)} whole");
    }

    [Fact]
    public async Task TheBudgetCountsTheItemsOfEveryListTogether()
    {
        const string page = "events(first: 100) { nodes { id } }";
        using var whole = App(null);
        var events = (await HostileRequest.PostAsync(whole, output, "one page", $"{{ {page} }}")).Json!["data"]!["events"]!["nodes"]!.AsArray().Count;

        using var app = App(2 * events);
        var one = await HostileRequest.PostAsync(app, output, "one page within the budget", $"{{ {page} }}");
        Assert.Empty(one.Errors);
        var three = await HostileRequest.PostAsync(app, output, "three aliased pages past it", $"{{ a: {page} b: {page} c: {page} }}");
        Assert.Equal(["QUERY_TOO_COMPLEX"], three.Codes);
        Assert.Contains($"held {3 * events} items", three.FirstMessage);
    }

    private static int Calls(HostileOutcome outcome) => outcome.Json!["extensions"]!["cost"]!["storeCalls"]!.GetValue<int>();
}
