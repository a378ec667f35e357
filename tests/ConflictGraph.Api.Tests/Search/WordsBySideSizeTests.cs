using ConflictGraph.Api.Tests.Infrastructure;
using ConflictGraph.Api.Tests.Questions;

namespace ConflictGraph.Api.Tests.Search;

/// <summary>
/// A common word beside a group with a few events and beside a group with many, over HTTP on a graph written with
/// importGraph: the embedded store checks the few events against the word and lists the word's matches for the many
/// (issue 11, session 24); either way the answer is the events both filters find, with an exact totalCount.
/// </summary>
public sealed class WordsBySideSizeTests : IDisposable
{
    private const int Many = 1_600;

    private readonly ConflictGraphApp app = ConflictGraphApp.With(new Dictionary<string, string?>
    {
        ["ConflictGraph:Seed:OnStartup"] = "false",
        ["ConflictGraph:Caching:StoreReads"] = "false",
    });

    private const string Events = "query($f: EventFilter) { events(filter: $f, first: 20) { totalCount nodes { id title } } }";

    private async Task ImportAsync()
    {
        var titles = new[] { "Mortar attack on a bridge", "Attackers repelled at dawn", "Rocket shelling of the market", "Drone attacks and shelling", "Counterattack near the river" };
        var few = titles.Select((title, i) => Event($"event:f{i + 1}", title, i));
        var many = Enumerable.Range(0, Many).Select(i => Event($"event:m{i:D4}", i % 4 == 3 ? "Shelling near a post" : "Rocket attack on a post", i % 90));
        var relations = Enumerable.Range(1, titles.Length).Select(i => new { type = "CARRIED_OUT", fromId = "org:few", toId = $"event:f{i}" })
            .Concat(Enumerable.Range(0, Many).Select(i => new { type = "CARRIED_OUT", fromId = "org:many", toId = $"event:m{i:D4}" })).ToList();
        var organizations = new[] { new { id = "org:few", name = "Few", kind = "ARMED_GROUP" }, new { id = "org:many", name = "Many", kind = "ARMED_GROUP" } };
        var imported = await app.PostGraphQLAsync("mutation($input: GraphInput!) { importGraph(input: $input) { created } }",
            new { input = new { organizations, events = few.Concat(many).ToList(), relations } }, ConflictGraphApp.WriteKey);
        Assert.True(imported.Errors.Count == 0, imported.Body.ToJsonString());
    }

    private static object Event(string id, string title, int day) => new
    {
        id, title, kind = "ARMED_CLASH",
        date = new { start = ConflictGraph.Core.Import.InputText.FormatDate(new DateOnly(2021, 1, 1).AddDays(day)), precision = "DAY" },
    };

    [Theory]
    [InlineData("org:few", "attack", 3, "event:f1 event:f2 event:f4")]
    [InlineData("org:few", "attack shelling", 1, "event:f4")]
    [InlineData("org:few", "counter", 1, "event:f5")]
    // 1,200 of the many events hold "rocket": the few are each checked against it.
    [InlineData("org:few", "rocket", 1, "event:f3")]
    [InlineData("org:few", "shelling", 2, "event:f3 event:f4")]
    [InlineData("org:few", "zzz", 0, "")]
    [InlineData("org:many", "shelling", 400, null)]
    [InlineData("org:many", "rocket", 1_200, null)]
    [InlineData("org:many", "attack", 1_200, null)]
    public async Task AWordBesideAGroupFindsTheGroupsEventsThatHoldItCountedExactly(string group, string text, int total, string? ids)
    {
        await ImportAsync();
        var data = await app.AskAsync(Events, new { f = new { perpetratorId = group, text } });

        Assert.Equal(total, data["events"]!["totalCount"]!.GetValue<int>());
        var found = data.At("events.nodes").Each("id").Select(id => id!).ToList();
        if (ids is not null) Assert.Equal(ids.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
        else Assert.Equal(Math.Min(20, total), found.Count);
        var words = text.Split(' ');
        Assert.All(data.At("events.nodes").Each("title"), title =>
            Assert.All(words, word => Assert.Contains(title!.Split(' '), w => w.StartsWith(word, StringComparison.OrdinalIgnoreCase))));
    }

    public void Dispose() => app.Dispose();
}
