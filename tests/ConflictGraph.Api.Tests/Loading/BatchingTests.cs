using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Loading;

/// <summary>
/// A query's store calls grow with its depth, not its result size: read from
/// <c>extensions.cost</c>, which the service reports with Diagnostics:Cost on.
/// </summary>
public sealed class BatchingTests : IDisposable
{
    private const int Events = 120;

    private readonly ConflictGraphApp app = ConflictGraphApp.With(new Dictionary<string, string?>
    {
        ["ConflictGraph:Diagnostics:Cost"] = "true",
        ["ConflictGraph:Seed:OnStartup"] = "false",
        // Counted calls are the batches' own: with the read cache on, its look-ups of the data version would count too.
        ["ConflictGraph:Caching:StoreReads"] = "false",
        // A total for each perpetrator of 100 events is priced past the default limit (a count per parent); what this
        // class measures is the calls, so the limit leaves room for it.
        ["ConflictGraph:Limits:MaxComplexity"] = "1000000",
    });

    private async Task ImportWideGraphAsync()
    {
        var groups = Enumerable.Range(0, 10).Select(g => new { id = $"org:group-{g}", name = $"Group {g}", kind = "ARMED_GROUP" }).ToList();
        var places = Enumerable.Range(0, 10).Select(p => new { id = $"place:site-{p}", name = $"Site {p}", kind = "SITE" }).ToList();
        var events = Enumerable.Range(0, Events).Select(e => new
        {
            id = $"event:e{e:D3}", title = $"Attack {e}", kind = "ROCKET_ATTACK",
            date = new { start = ConflictGraph.Core.Import.InputText.FormatDate(new DateOnly(2021, 1, 1).AddDays(e)), precision = "DAY" },
        }).ToList();
        var relations = Enumerable.Range(0, Events).SelectMany(e => new[]
        {
            new { type = "CARRIED_OUT", fromId = $"org:group-{e % 10}", toId = $"event:e{e:D3}" },
            new { type = "OCCURRED_IN", fromId = $"event:e{e:D3}", toId = $"place:site-{e % 10}" },
        }).ToList();
        var imported = await app.PostGraphQLAsync(
            "mutation($input: GraphInput!) { importGraph(input: $input) { created relationsCreated } }",
            new { input = new { organizations = groups, places, events, relations } }, ConflictGraphApp.WriteKey);
        Assert.True(imported.Errors.Count == 0, imported.Body.ToJsonString());
        Assert.Equal(Events + 20, imported.Data!["importGraph"]!["created"]!.GetValue<int>());
    }

    [Fact]
    public async Task AQueryThreeLevelsDeepOverAHundredResultsMakesAtMostThreeStoreCalls()
    {
        await ImportWideGraphAsync();
        var response = await app.PostGraphQLAsync("""
            { events(first: 100) { totalCount nodes { id title place { name }
                perpetrators { name carriedOut(first: 5) { totalCount nodes { id } } } } } }
            """);
        Assert.Empty(response.Errors);
        var events = response.Data!["events"]!["nodes"]!.AsArray();
        Assert.Equal(100, events.Count);
        Assert.All(events, e => Assert.Equal(12, e!["perpetrators"]![0]!["carriedOut"]!["totalCount"]!.GetValue<int>()));
        var calls = response.Body["extensions"]!["cost"]!["storeCalls"]!.GetValue<int>();
        Assert.InRange(calls, 1, 3);
    }

    [Fact]
    public async Task CostIsAbsentUnlessConfigured()
    {
        using var plain = new ConflictGraphApp();
        var response = await plain.PostGraphQLAsync("{ stats { nodes } }");
        Assert.Null(response.Body["extensions"]?["cost"]);
        var measured = await app.PostGraphQLAsync("{ stats { nodes } }");
        Assert.Equal(1, measured.Body["extensions"]!["cost"]!["storeCalls"]!.GetValue<int>());
    }

    public void Dispose() => app.Dispose();
}
