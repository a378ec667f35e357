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

    private static ConflictGraphApp App(int? items, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string?> { ["ConflictGraph:Diagnostics:Cost"] = "true", ["ConflictGraph:Caching:StoreReads"] = "false" };
        if (items is { } budget) settings["ConflictGraph:Limits:MaxListItems"] = budget.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ConflictGraphApp.With(settings, services);
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
        // The actors' relations are one level: its read stops one relation past the items the actors left.
        Assert.StartsWith("the operation was stopped: its answer's lists would have held more items than that level's read was let find, more than the 30 allowed (ConflictGraph:Limits:MaxListItems)", stopped.FirstMessage);
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

    [Fact]
    public async Task ALevelWhoseRelationsCouldNotFitIsStoppedByTheStoreAtTheItemsLeft()
    {
        // The seed's actor with the most relations, and how many: a relations list without `first`, priced as 5.
        using var whole = App(null);
        var actors = (await HostileRequest.PostAsync(whole, output, "every actor's relations", "{ actors(first: 100) { nodes { id relations { id } } } }"))
            .Json!["data"]!["actors"]!["nodes"]!.AsArray();
        var hub = actors.MaxBy(actor => actor!["relations"]!.AsArray().Count)!;
        var (id, count) = (hub["id"]!.GetValue<string>(), hub["relations"]!.AsArray().Count);
        Assert.True(count > 5, $"{id} has {count} relations");
        var query = $$"""{ node(id: "{{id}}") { id ... on Actor { relations { id status claimedBy { id } } } } }""";

        // Exactly as many items as the lists hold (the relations and their claims' statements): answered whole, as without a limit.
        var answered = await HostileRequest.PostAsync(whole, output, "the hub's relations", query);
        var relations = answered.Json!["data"]!["node"]!["relations"]!.AsArray();
        var items = relations.Count + relations.Sum(relation => relation!["claimedBy"]!.AsArray().Count);
        using var exact = App(items);
        var fits = await HostileRequest.PostAsync(exact, output, $"a budget of {items}, what the lists hold", query);
        Assert.Empty(fits.Errors);
        Assert.Equal(answered.Json!["data"]!.ToJsonString(), fits.Json!["data"]!.ToJsonString());

        // One item fewer: the store's read of that level stops one relation past what is left, before it is read whole.
        using var small = App(count - 1);
        var stopped = await HostileRequest.PostAsync(small, output, $"a budget of {count - 1}", query);
        Assert.Equal(["QUERY_TOO_COMPLEX"], stopped.Codes);
        Assert.Null(stopped.Json!["data"]);
        Assert.StartsWith($"the operation was stopped: its answer's lists would have held more items than that level's read was let find, more than the {count - 1:N0} allowed (ConflictGraph:Limits:MaxListItems)",
            stopped.FirstMessage);
        // The node and the stopped level, nothing below it (the claims' speakers).
        Assert.True(Calls(stopped) < Calls(answered), $"{Calls(stopped)} store calls stopped against {Calls(answered)} whole");
    }

    private const string Unread = "the operation was stopped: its answer's lists would have held more items than that level's read was let find";

    [Fact]
    public async Task ASingleNodesFieldReadsRelationsThatAreNoListsItemsSoAQueryThatFitsIsAnswered()
    {
        // Each event's place is one node, read through its OCCURRED_IN relations like its perpetrators through theirs.
        const string query = "{ events(first: 100) { nodes { id place { id } perpetrators { id } } } }";
        using var whole = App(null);
        var answered = await HostileRequest.PostAsync(whole, output, "events with place and perpetrators", query);
        Assert.Empty(answered.Errors);
        var events = answered.Json!["data"]!["events"]!["nodes"]!.AsArray();
        var items = events.Count + events.Sum(e => e!["perpetrators"]!.AsArray().Count);
        Assert.True(events.Any(e => e!["place"] is not null), "the seed's events have places");

        // The lists hold exactly the budget: the places' relations are not counted against it, and the answer is whole.
        using var exact = App(items);
        var fits = await HostileRequest.PostAsync(exact, output, $"a budget of {items}, what the lists hold", query);
        Assert.Empty(fits.Errors);
        Assert.Equal(answered.Json!["data"]!.ToJsonString(), fits.Json!["data"]!.ToJsonString());

        using var small = App(items - 1);
        var stopped = await HostileRequest.PostAsync(small, output, $"a budget of {items - 1}", query);
        Assert.Equal(["QUERY_TOO_COMPLEX"], stopped.Codes);
        Assert.Null(stopped.Json!["data"]);
    }

    [Fact]
    public async Task AnEventsStatementsAreReadOnlyUpToTheItemsLeft()
    {
        using var whole = App(null);
        var events = (await HostileRequest.PostAsync(whole, output, "events' statements", "{ events(first: 100) { nodes { id statements { id } } } }"))
            .Json!["data"]!["events"]!["nodes"]!.AsArray();
        var hub = events.MaxBy(e => e!["statements"]!.AsArray().Count)!;
        var (id, count) = (hub["id"]!.GetValue<string>(), hub["statements"]!.AsArray().Count);
        Assert.True(count > 2, $"{id} has {count} statements");
        var query = $$"""{ node(id: "{{id}}") { id ... on Event { statements { id speaker { id } } } } }""";

        using var exact = App(count);
        var fits = await HostileRequest.PostAsync(exact, output, $"a budget of {count}, its statements", query);
        Assert.Empty(fits.Errors);
        Assert.Equal(count, fits.Json!["data"]!["node"]!["statements"]!.AsArray().Count);

        // One fewer: the page is read one statement past the budget and stops there, before the list is counted whole.
        using var small = App(count - 1);
        var stopped = await HostileRequest.PostAsync(small, output, $"a budget of {count - 1}", query);
        Assert.Equal(["QUERY_TOO_COMPLEX"], stopped.Codes);
        Assert.StartsWith(Unread, stopped.FirstMessage);
        Assert.True(Calls(stopped) < Calls(fits), $"{Calls(stopped)} store calls stopped against {Calls(fits)} whole");
    }

    [Fact]
    public async Task ARelationsClaimersAreCountedBeforeTheyAreRead()
    {
        using var whole = App(null);
        var events = (await HostileRequest.PostAsync(whole, output, "events' relations", "{ events(first: 100) { nodes { id relations { id claimedBy { id } disputedBy { id } } } } }"))
            .Json!["data"]!["events"]!["nodes"]!.AsArray();
        int Claimers(System.Text.Json.Nodes.JsonNode? e) => e!["relations"]!.AsArray().Sum(r => r!["claimedBy"]!.AsArray().Count + r["disputedBy"]!.AsArray().Count);
        var hub = events.MaxBy(Claimers)!;
        var id = hub["id"]!.GetValue<string>();
        var (relations, claimers) = (hub["relations"]!.AsArray().Count, Claimers(hub));
        Assert.True(claimers > relations, $"{id} has {relations} relations and {claimers} claimers");
        var query = $$"""{ node(id: "{{id}}") { id ... on Event { relations { id claimedBy { id speaker { id } } disputedBy { id } } } } }""";

        using var exact = App(relations + claimers);
        Assert.Empty((await HostileRequest.PostAsync(exact, output, $"a budget of {relations + claimers}", query)).Errors);

        // One fewer: the claimers' level is refused before its statements are read.
        using var small = App(relations + claimers - 1);
        var stopped = await HostileRequest.PostAsync(small, output, $"a budget of {relations + claimers - 1}", query);
        Assert.Equal(["QUERY_TOO_COMPLEX"], stopped.Codes);
        Assert.StartsWith(Unread, stopped.FirstMessage);
    }

    [Fact]
    public async Task TheEscalationsOfALevelAreReadOnlyUpToTheItemsLeft()
    {
        using var whole = App(null);
        var events = (await HostileRequest.PostAsync(whole, output, "events' escalation", "{ events(first: 100) { nodes { id escalation { id } } } }"))
            .Json!["data"]!["events"]!["nodes"]!.AsArray().Where(e => e!["escalation"]!.AsArray().Count > 0).ToList();
        var links = events.Sum(e => e!["escalation"]!.AsArray().Count);
        Assert.True(links > 1, $"{events.Count} events have {links} links");
        var ids = string.Join(", ", events.Select(e => $"\"{e!["id"]!.GetValue<string>()}\""));
        var query = $$"""{ nodes(ids: [{{ids}}]) { id ... on Event { escalation { id } } } }""";

        // The ids' nodes are a list too.
        using var exact = App(events.Count + links);
        Assert.Empty((await HostileRequest.PostAsync(exact, output, $"a budget of {events.Count + links}", query)).Errors);

        using var small = App(events.Count + links - 1);
        var stopped = await HostileRequest.PostAsync(small, output, $"a budget of {events.Count + links - 1}", query);
        Assert.Equal(["QUERY_TOO_COMPLEX"], stopped.Codes);
        Assert.StartsWith(Unread, stopped.FirstMessage);
    }

    [Fact]
    public async Task AnEventsCasualtyReportsAreReadOnlyUpToTheItemsLeftWhenTheAnswerListsThem()
    {
        using var whole = App(null);
        var events = (await HostileRequest.PostAsync(whole, output, "events' reports", "{ events(first: 100) { nodes { id casualties { reports { statement { id } } } } } }"))
            .Json!["data"]!["events"]!["nodes"]!.AsArray();
        // The store counts the statements carrying an event's reports (each carries one at least).
        int Statements(System.Text.Json.Nodes.JsonNode? e) => e!["casualties"]!["reports"]!.AsArray().Select(r => r!["statement"]!["id"]!.GetValue<string>()).Distinct().Count();
        var hub = events.MaxBy(Statements)!;
        var (id, reports, statements) = (hub["id"]!.GetValue<string>(), hub["casualties"]!["reports"]!.AsArray().Count, Statements(hub));
        Assert.True(statements > 1, $"{id} has {reports} reports from {statements} statements");
        var listed = $$"""{ node(id: "{{id}}") { id ... on Event { casualties { killedBest reports { killedMin statement { id } } } } } }""";

        using var exact = App(reports);
        Assert.Empty((await HostileRequest.PostAsync(exact, output, $"a budget of {reports}", listed)).Errors);

        using var small = App(statements - 1);
        var stopped = await HostileRequest.PostAsync(small, output, $"a budget of {statements - 1}", listed);
        Assert.Equal(["QUERY_TOO_COMPLEX"], stopped.Codes);
        Assert.StartsWith(Unread, stopped.FirstMessage);
        // The estimates alone list nothing: the reports behind them are read whole under any budget.
        using var none = App(1);
        Assert.Empty((await HostileRequest.PostAsync(none, output, "a budget of 1, estimates only", $$"""{ node(id: "{{id}}") { id ... on Event { casualties { killedBest } } } }""")).Errors);
    }

    [Fact]
    public async Task TheStopCancelsTheStoreCallsTheQueryStillHasUnderWay()
    {
        // A sibling field whose store call never answers on its own: only its token ends it (the deadline is 30 s). The
        // coding table is a list held in memory, so it passes the budget while that call is under way.
        var stall = new Stall();
        using var app = App(2, services => StallingStore.Install(services, stall));
        await app.PostGraphQLAsync("{ stats { nodes } }");
        stall.Armed = true;

        var stopped = await HostileRequest.PostAsync(app, output, "a stalled read beside a list past a budget of 2", "{ stats { nodes } codingTable { scheme } }");

        // The answer is the budget's stop, not the deadline's: the stalled call was cancelled, not waited for.
        Assert.Equal(["QUERY_TOO_COMPLEX"], stopped.Codes);
        Assert.Matches("its answer's lists held [0-9,]+ items, more than the 2 allowed \\(ConflictGraph:Limits:MaxListItems\\)", stopped.FirstMessage);
        Assert.Null(stopped.Json!["data"]);
        Assert.True(stall.Started.Task.IsCompleted, "the stalled store call never started");
        Assert.True(stall.Stopped.Task.IsCompleted, "the stalled store call was still running when the answer came");

        // The next query runs under a token of its own and answers whole.
        stall.Armed = false;
        var next = await app.PostGraphQLAsync("{ stats { nodes } }");
        Assert.Empty(next.Errors);
    }

    private static int Calls(HostileOutcome outcome) => outcome.Json!["extensions"]!["cost"]!["storeCalls"]!.GetValue<int>();
}
