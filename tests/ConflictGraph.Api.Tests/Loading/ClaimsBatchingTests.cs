using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Loading;

/// <summary>
/// The claims model's fields are batch-loaded: a query over forty results makes as many store calls
/// as the same query over five (read from <c>extensions.cost</c>), so calls grow with depth alone.
/// </summary>
public sealed class ClaimsBatchingTests : IAsyncLifetime
{
    private const int Count = 40;

    private readonly ConflictGraphApp app = ConflictGraphApp.With(new Dictionary<string, string?>
    {
        ["ConflictGraph:Diagnostics:Cost"] = "true",
        ["ConflictGraph:Seed:OnStartup"] = "false",
        ["ConflictGraph:Caching:StoreReads"] = "false",
    });

    public async Task InitializeAsync()
    {
        var range = Enumerable.Range(0, Count).ToList();
        var input = new
        {
            organizations = new[] { new { id = "org:ministry", name = "Ministry", kind = "GOVERNMENT" } },
            persons = range.Select(i => new { id = $"person:p{i:D2}", name = $"Person {i}" }),
            places = range.Select(i => new { id = $"place:s{i:D2}", name = $"Site {i}", kind = "SITE" }),
            events = range.Select(i => new { id = $"event:e{i:D2}", title = $"Event {i}", kind = "AIRSTRIKE" })
                .Concat(range.Select(i => new { id = $"event:part{i:D2}", title = $"Part {i}", kind = "AIRSTRIKE" })),
            statements = range.Select(i => new
            {
                id = $"statement:s{i:D2}", text = "said", stance = "ASSERTS", speakerId = $"person:p{i:D2}",
                casualtyReports = new[] { new { eventId = $"event:e{i:D2}", killedMin = 3 }, new { eventId = $"event:part{i:D2}", killedMin = 1 } },
            }),
            relations = range.SelectMany(i => new object[]
            {
                new { type = "MEMBER_OF", fromId = $"person:p{i:D2}", toId = "org:ministry" },
                new { type = "OCCURRED_IN", fromId = $"event:e{i:D2}", toId = $"place:s{i:D2}" },
                new { type = "PART_OF", fromId = $"event:part{i:D2}", toId = $"event:e{i:D2}" },
                new { type = "AUTHORIZED", fromId = $"person:p{i:D2}", toId = $"event:e{i:D2}", claims = new[] { new { statementId = $"statement:s{i:D2}", characterization = "ordered" } } },
            }),
            facts = range.Select(i => new
            {
                subjectId = $"event:e{i:D2}", property = "count", value = $"{i}", claims = new[] { new { statementId = $"statement:s{i:D2}", characterization = "about" } },
            }),
        };
        var imported = await app.PostGraphQLAsync(
            "mutation($input: GraphInput!) { importGraph(input: $input) { factsCreated } }", new { input }, ConflictGraphApp.WriteKey);
        Assert.True(imported.Errors.Count == 0, imported.Body.ToJsonString());
    }

    private async Task<(int Calls, JsonNode Data)> CallsAsync(string query, int first)
    {
        var response = await app.PostGraphQLAsync(query, new { first });
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        return (response.Body["extensions"]!["cost"]!["storeCalls"]!.GetValue<int>(), response.Data!);
    }

    [Fact]
    public async Task StatementsPositionsClaimsAndPartiesCostAsManyCallsForFortyAsForFive()
    {
        const string query = """
            query($first: Int) { statements(first: $first) { nodes { id codings { code }
                positions { characterization relation { claims { statement { id } } claimingParties { id } } fact { subject { id } claims { characterization } } } } } }
            """;
        var (few, _) = await CallsAsync(query, 5);
        var (many, data) = await CallsAsync(query, Count);
        Assert.All(data["statements"]!["nodes"]!.AsArray(), s => Assert.Equal("org:ministry", s!["positions"]![0]!["relation"]!["claimingParties"]![0]!["id"]!.GetValue<string>()));
        Assert.Equal(few, many);
        Assert.InRange(many, 1, 7);
    }

    [Fact]
    public async Task EventsFactsEstimatesPlacesAndRolesCostAsManyCallsForFortyAsForFive()
    {
        const string query = """
            query($first: Int) { events(first: $first) { nodes { id facts { claims { statement { id } } }
                casualties { killedBest sharedWithRelated } places { id } authorizedBy { claims { characterization } } codings { code } } } }
            """;
        var (few, _) = await CallsAsync(query, 5);
        var (many, data) = await CallsAsync(query, Count);
        Assert.All(data["events"]!["nodes"]!.AsArray(), e => Assert.True(e!["casualties"]!["sharedWithRelated"]!.GetValue<bool>()));
        Assert.Equal(few, many);
        Assert.InRange(many, 1, 7);
    }

    public Task DisposeAsync()
    {
        app.Dispose();
        return Task.CompletedTask;
    }
}
