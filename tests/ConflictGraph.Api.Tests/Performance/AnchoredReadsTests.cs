using ConflictGraph.Api.Caching;
using ConflictGraph.Api.Tests.Infrastructure;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Hosting;
using ConflictGraph.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictGraph.Api.Tests.Performance;

/// <summary>
/// On SQLite the read cache leaves the reads anchored at given ids to the file (nodes by id, a level's expansion, the
/// statements about or by one node without a total) and keeps list pages and counts: an anchored read reaches the store at
/// every ask and sees another connection's write at once, a list page asked in the same request is a hit at its second
/// ask, and a level of both answers as the uncached service does, under any list-item budget. Neo4j keeps them all unless
/// told, and the setting decides on either store.
/// </summary>
public sealed class AnchoredReadsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("conflictgraph-anchored-").FullName;
    private static CancellationToken None => CancellationToken.None;

    private const string Strikes = "event:2021-06-27-us-airstrikes";

    private const string Kirby = """{ node(id: "person:john-kirby") { id ... on Person { description } } }""";

    private const string TwoLevels = """
        query($id: ID!) { node(id: $id) { id ... on Event { title perpetrators { id name } place { id name kind } statements { id text stance } } } }
        """;

    /// <summary>The cache's defaults on SQLite, every kept read kept at its first miss, the data version read once an hour.</summary>
    private static ConflictGraphApp Cached(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConflictGraph:Diagnostics:Cost"] = "true",
            ["ConflictGraph:Caching:AdmissionWindow"] = "0",
            ["ConflictGraph:Caching:VersionCheckInterval"] = "01:00:00",
        };
        foreach (var (key, value) in more) settings[key] = value;
        return ConflictGraphApp.With(settings);
    }

    private static (int Calls, int Hits) Cost(GraphQLResponse response)
    {
        Assert.True(response.Errors.Count == 0, response.Body.ToJsonString());
        var cost = response.Body["extensions"]!["cost"]!;
        return ((int)cost["storeCalls"]!, (int)cost["cacheHits"]!);
    }

    /// <summary>Changes John Kirby from another connection to the service's file, as the CLI would.</summary>
    private static async Task WriteBehindAsync(ConflictGraphApp app, string description)
    {
        using var other = new SqliteGraphStore(new SqliteStoreOptions { Path = app.StorePath });
        await other.ImportAsync(new GraphBatch([new Person("person:john-kirby", "John Kirby", [], description, [])], []), null, None);
    }

    [Fact]
    public async Task OverHttpAnAnchoredReadReachesTheStoreAtEveryAskAndSeesAnotherConnectionsWriteAtOnce()
    {
        await using var app = Cached();
        for (var i = 0; i < 3; i++)
        {
            var asked = await app.PostGraphQLAsync(Kirby);
            Assert.Equal((1, 0), Cost(asked));
            Assert.Contains("Pentagon press secretary", (string)asked.Data!["node"]!["description"]!);
        }
        // The data version is read once an hour: a kept read would answer the old text until then.
        await WriteBehindAsync(app, "changed behind the service");
        Assert.Equal("changed behind the service", (string)(await app.PostGraphQLAsync(Kirby)).Data!["node"]!["description"]!);

        // The 2-level request: the event, then its perpetrators, place and statements, from the file at each ask.
        var first = await app.PostGraphQLAsync(TwoLevels, new { id = Strikes });
        var again = await app.PostGraphQLAsync(TwoLevels, new { id = Strikes });
        Assert.NotEmpty(first.Data!["node"]!["statements"]!.AsArray());
        Assert.Equal(first.Data!.ToJsonString(), again.Data!.ToJsonString());
        Assert.Equal((2, 0), Cost(first));
        Assert.Equal((2, 0), Cost(again));
    }

    [Fact]
    public async Task OverHttpAListPageInTheSameRequestIsAHitAtItsSecondAskWhileTheNodeBesideItIsRead()
    {
        // One level: Kirby by id and a page of events, one store call each at the first ask (and the data version's read).
        const string both = """
            { node(id: "person:john-kirby") { id ... on Person { description } } events(first: 3) { totalCount nodes { id title } } }
            """;
        await using var app = Cached();
        var first = await app.PostGraphQLAsync(both);
        Assert.True(Cost(first).Hits == 0, first.Body.ToJsonString());
        var again = await app.PostGraphQLAsync(both);
        Assert.Equal((1, 1), Cost(again));
        Assert.Equal(first.Data!.ToJsonString(), again.Data!.ToJsonString());

        await WriteBehindAsync(app, "changed behind the service");
        var after = await app.PostGraphQLAsync(both);
        Assert.Equal((1, 1), Cost(after));
        Assert.Equal("changed behind the service", (string)after.Data!["node"]!["description"]!);
        Assert.Equal(first.Data!["events"]!.ToJsonString(), after.Data!["events"]!.ToJsonString());
    }

    /// <summary>
    /// Levels that mix anchored reads with kept pages: an event's perpetrators and place with its statements twice, all of
    /// them (anchored, a listed page) and those that assert (a filter: kept, listed too); a person's own statements with
    /// their total (kept), the statements about it (anchored) and its relations; a node by id beside a list.
    /// </summary>
    private static readonly string[] Mixed =
    [
        $$"""{ node(id: "{{Strikes}}") { id ... on Event { perpetrators { id name } place { id } all: statements { id } asserting: statements(stances: [ASSERTS]) { id stance } } } }""",
        """{ node(id: "person:john-kirby") { id ... on Person { statements(first: 2) { totalCount nodes { id } } mentionedIn(first: 3) { nodes { id } } relations { id } } } }""",
        """{ node(id: "person:john-kirby") { id } events(first: 4) { totalCount nodes { id statements { id } } } }""",
    ];

    [Fact]
    public async Task OverHttpAMixedLevelAnswersAsTheUncachedServiceDoesAskedAgainAndAgain()
    {
        await using var plain = ConflictGraphApp.With(new Dictionary<string, string?> { ["ConflictGraph:Caching:StoreReads"] = "false" });
        await using var cached = ConflictGraphApp.With(new Dictionary<string, string?> { ["ConflictGraph:Caching:AdmissionWindow"] = "0" });
        var strikes = (await plain.PostGraphQLAsync(Mixed[0])).Data!["node"]!;
        Assert.NotEmpty(strikes["all"]!.AsArray());
        Assert.NotEmpty(strikes["asserting"]!.AsArray());
        foreach (var document in Mixed)
        {
            var expected = await plain.PostGraphQLAsync(document);
            Assert.Empty(expected.Errors);
            // A miss, then the kept pages from memory.
            for (var i = 0; i < 3; i++)
                Assert.Equal(expected.Body.ToJsonString(), (await cached.PostGraphQLAsync(document)).Body.ToJsonString());
        }
    }

    [Fact]
    public async Task OverHttpAMixedLevelIsStoppedByTheListItemBudgetWhereTheUncachedServiceIsStopped()
    {
        // The event's level holds its perpetrators, all its statements (read from the file) and those that assert (kept):
        // under every budget up to what the answer holds, the two pages' items together are held to it as the store holds
        // them, so where the uncached service stops, the cached one stops with the same message, and answers the same
        // where it does not.
        var document = Mixed[0];
        await using var whole = ConflictGraphApp.With(new Dictionary<string, string?> { ["ConflictGraph:Caching:StoreReads"] = "false" });
        var node = (await whole.PostGraphQLAsync(document)).Data!["node"]!;
        var (all, asserting) = (node["all"]!.AsArray().Count, node["asserting"]!.AsArray().Count);
        var items = node["perpetrators"]!.AsArray().Count + all + asserting;
        var stopped = 0;
        // A budget of one, then those where either page alone fits and both together may not, up to what the answer holds.
        foreach (var budget in new[] { 1 }.Concat(Enumerable.Range(Math.Max(all, asserting), items - Math.Max(all, asserting) + 1)))
        {
            var limit = ("ConflictGraph:Limits:MaxListItems", budget.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await using var plain = ConflictGraphApp.With(new Dictionary<string, string?> { ["ConflictGraph:Caching:StoreReads"] = "false", [limit.Item1] = limit.Item2 });
            await using var cached = ConflictGraphApp.With(new Dictionary<string, string?>
            {
                [limit.Item1] = limit.Item2, ["ConflictGraph:Caching:AdmissionWindow"] = "0",
            });
            var expected = await plain.PostGraphQLAsync(document);
            if (expected.Errors.Count > 0) stopped++;
            // Twice: a miss of the kept page, then a hit.
            for (var i = 0; i < 2; i++)
                Assert.True(expected.Body.ToJsonString() == (await cached.PostGraphQLAsync(document)).Body.ToJsonString(), $"budget {budget}, ask {i + 1}");
        }
        // Budgets below the statements' items stop the level; the last one answers it whole.
        Assert.InRange(stopped, 2, items);
    }

    [Theory]
    [InlineData("Sqlite", null, false)]
    [InlineData("sqlite", null, false)]
    [InlineData("Neo4j", null, true)]
    [InlineData("Sqlite", true, true)]
    [InlineData("Neo4j", false, false)]
    public void TheStoreKindDecidesUnlessTheSettingDoes(string storeKind, bool? setting, bool kept) =>
        Assert.Equal(kept, CachingSetup.KeepsAnchoredReads(new GraphStoreOptions { Store = storeKind }, new CachingOptions { AnchoredReads = setting }));

    [Theory]
    [InlineData("Sqlite", null, false)]
    [InlineData("Neo4j", null, true)]
    [InlineData("Sqlite", "true", true)]
    public async Task TheServiceWrapsItsStoreAsTheDecisionSays(string storeKind, string? setting, bool kept)
    {
        // Through AddQueryCaching, over a SQLite store whatever the kind named: a kept node read answers what it read before
        // a write from another connection until the next version check, an hour away.
        var settings = new Dictionary<string, string?>
        {
            ["ConflictGraph:Store"] = storeKind,
            ["ConflictGraph:Caching:AdmissionWindow"] = "0",
            ["ConflictGraph:Caching:VersionCheckInterval"] = "01:00:00",
        };
        if (setting is not null) settings["ConflictGraph:Caching:AnchoredReads"] = setting;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var path = Path.Combine(folder, "anchored.db");
        // The provider disposes the store it wraps.
        var inner = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        using var other = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        var services = new ServiceCollection().AddSingleton<IGraphStore>(inner);
        services.AddOptions<GraphStoreOptions>().Bind(configuration.GetSection(GraphStoreOptions.Section));
        await using var provider = services.AddQueryCaching(configuration).BuildServiceProvider();
        var store = provider.GetRequiredService<IGraphStore>();
        Person Analyst(string description) => new("person:analyst", "Analyst", [], description, []);
        async Task<string?> DescriptionAsync() => ((Person)(await store.GetNodesAsync(["person:analyst"], None))[0]).Description;
        await store.ImportAsync(new GraphBatch([Analyst("first")], []), null, None);
        Assert.Equal("first", await DescriptionAsync());
        await other.ImportAsync(new GraphBatch([Analyst("from the CLI")], []), null, None);
        Assert.Equal(kept ? "first" : "from the CLI", await DescriptionAsync());
    }

    [Fact]
    public void ThePagesLeftToTheFileAreTheStatementsAboutOrByOneNodeWithoutATotal()
    {
        var about = new NodeQuery { Kinds = [NodeKind.Statement], Order = NodeOrder.DateAsc, Statements = new StatementCriteria { AboutId = Strikes } };
        var bySpeaker = about with { Statements = new StatementCriteria { SpeakerId = "person:john-kirby" } };
        var list = new PageRequest(20, CountTotal: false, Listed: true);
        Assert.True(AnchoredReads.Page(about, list));
        Assert.True(AnchoredReads.Page(bySpeaker, new PageRequest(5, CountTotal: false)));
        // A total counts them all; a filter may pass over statements the page does not hold; an organization's are its people's too.
        Assert.False(AnchoredReads.Page(about, list with { CountTotal = true }));
        Assert.False(AnchoredReads.Page(about with { Statements = about.Statements! with { Stances = [Stance.Asserts] } }, list));
        Assert.False(AnchoredReads.Page(about with { Statements = new StatementCriteria { AboutId = Strikes, SpeakerId = "person:john-kirby" } }, list));
        Assert.False(AnchoredReads.Page(about with { Statements = new StatementCriteria { OrganizationId = "org:pentagon" } }, list));
        Assert.False(AnchoredReads.Page(about with { Text = "strike" }, list));
        Assert.False(AnchoredReads.Page(new NodeQuery { Kinds = [NodeKind.Statement] }, list));
        Assert.False(AnchoredReads.Page(new NodeQuery { Kinds = [NodeKind.Event], Events = new EventCriteria { PerpetratorId = "org:us-military" } }, list));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
