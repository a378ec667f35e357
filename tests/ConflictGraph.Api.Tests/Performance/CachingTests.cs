using ConflictGraph.Api.Caching;
using ConflictGraph.Api.Tests.Infrastructure;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Tests.Performance;

/// <summary>Store reads come from memory until the data version moves; the next read after a write sees it.</summary>
public sealed class CachingTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("conflictgraph-cache-").FullName;
    private readonly ManualClock clock = new();
    private static CancellationToken None => CancellationToken.None;

    /// <summary>The HTTP tests below watch the cache's rules on nodes read by id, which the service keeps on SQLite only when told.</summary>
    private const string KeptAnchored = "ConflictGraph:Caching:AnchoredReads";

    private (CachingGraphStore Cached, SqliteGraphStore Inner, SqliteGraphStore Other) Stores()
    {
        var path = Path.Combine(folder, "cache.db");
        var inner = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        var other = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
        var cached = new CachingGraphStore(inner, new MemoryCache(new MemoryCacheOptions { SizeLimit = 1000 }),
            // Every read kept at its first miss: these tests are about when a kept read goes stale.
            Options.Create(new CachingOptions { VersionCheckInterval = TimeSpan.FromSeconds(5), AdmissionWindow = 0 }), clock);
        return (cached, inner, other);
    }

    private static Person Analyst(string description) => new("person:analyst", "Analyst", [], description, []);

    private static async Task<string?> DescriptionAsync(IGraphStore store) =>
        ((Person)(await store.GetNodesAsync(["person:analyst"], CancellationToken.None))[0]).Description;

    [Fact]
    public async Task AWriteThroughTheServiceIsSeenByTheNextRead()
    {
        var (cached, _, _) = Stores();
        await cached.ImportAsync(new GraphBatch([Analyst("first")], []), null, CancellationToken.None);
        Assert.Equal("first", await DescriptionAsync(cached));
        await cached.ImportAsync(new GraphBatch([Analyst("second")], []), null, CancellationToken.None);
        Assert.Equal("second", await DescriptionAsync(cached));
    }

    [Fact]
    public async Task AnotherProcesssWriteIsServedStaleOnlyUntilTheNextVersionCheck()
    {
        var (cached, _, other) = Stores();
        await cached.ImportAsync(new GraphBatch([Analyst("first")], []), null, CancellationToken.None);
        Assert.Equal("first", await DescriptionAsync(cached));
        await other.ImportAsync(new GraphBatch([Analyst("from the CLI")], []), null, CancellationToken.None);
        Assert.Equal("first", await DescriptionAsync(cached));
        clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal("from the CLI", await DescriptionAsync(cached));
    }

    [Fact]
    public async Task ExpansionsThatDifferInTypeDirectionOrNodesAreCachedApart()
    {
        var (cached, inner, _) = Stores();
        var org = new Organization("org:group", "Group", [], null, OrganizationKind.ArmedGroup, null);
        var state = new Organization("org:state", "State", [], null, OrganizationKind.State, null);
        await inner.ImportAsync(new GraphBatch([Analyst("first"), org, state],
            [new Relation(RelationType.MemberOf, "person:analyst", "org:group", [], []), new Relation(RelationType.BackedBy, "org:group", "org:state", [], [])]), null, None);

        async Task<string> Expand(string id, Direction direction, params RelationType[] types)
        {
            var found = await cached.ExpandAsync([new ExpandRequest(id, types.Length == 0 ? null : types, direction)], [id], [], RowCap.None, None);
            return string.Join(" ", found.Relations.Select(r => r.Type).Order());
        }

        Assert.Equal("MemberOf BackedBy", await Expand("org:group", Direction.Both));
        Assert.Equal("BackedBy", await Expand("org:group", Direction.Both, RelationType.BackedBy));
        Assert.Equal("MemberOf", await Expand("org:group", Direction.Incoming));
        Assert.Equal("BackedBy", await Expand("org:group", Direction.Outgoing));
        Assert.Equal("BackedBy", await Expand("org:state", Direction.Both));
        Assert.Equal("MemberOf BackedBy", await Expand("org:group", Direction.Both));
    }

    [Fact]
    public async Task ListsOfIdsThatRunTogetherWhenJoinedAreCachedApart()
    {
        var (cached, inner, _) = Stores();
        var org = new Organization("org:group", "Group", [], null, OrganizationKind.ArmedGroup, null);
        await inner.ImportAsync(new GraphBatch([Analyst("first"), org], []), null, None);

        async Task<string> Found(params string[] ids) => string.Join(" ", (await cached.GetNodesAsync(ids, None)).Select(n => n.Id).Order());

        // Kept at its first miss (AdmissionWindow 0): a list whose ids, joined, read like another list's must not be served it.
        Assert.Equal("org:group person:analyst", await Found("person:analyst", "org:group"));
        Assert.Equal("", await Found("person:analystorg:group"));
        Assert.Equal("", await Found("14:person:analyst9:org:group"));
        Assert.Equal("", await Found("person:analyst9:org:group"));
        Assert.Equal("person:analyst", await Found("person:analyst"));
        Assert.Equal("org:group person:analyst", await Found("person:analyst", "org:group"));
    }

    [Fact]
    public async Task OverHttpAnUpdateIsVisibleToTheVeryNextQuery()
    {
        using var app = new ConflictGraphApp();
        const string read = "{ node(id: \"person:john-kirby\") { ... on Person { description } } }";
        Assert.Contains("Pentagon press secretary", (await app.PostGraphQLAsync(read)).Data!["node"]!["description"]!.GetValue<string>());
        var update = await app.PostGraphQLAsync(
            """mutation { importGraph(input: { persons: [{ id: "person:john-kirby", name: "John Kirby", description: "Updated" }] }) { updated } }""",
            key: ConflictGraphApp.WriteKey);
        Assert.Equal(1, update.Data!["importGraph"]!["updated"]!.GetValue<int>());
        Assert.Equal("Updated", (await app.PostGraphQLAsync(read)).Data!["node"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task OverHttpANodeAskedOnceIsReadAfreshNextTimeAndOneAskedTwiceIsKept()
    {
        // Another process's write is heard at the next version check, an hour away here: what the
        // service answers after one shows whether it kept the read.
        using var app = ConflictGraphApp.With(new Dictionary<string, string?> { ["ConflictGraph:Caching:VersionCheckInterval"] = "01:00:00", [KeptAnchored] = "true" });
        Assert.Contains("Pentagon press secretary", await KirbyAsync(app));
        await WriteBehindAsync(app, "changed once");
        Assert.Equal("changed once", await KirbyAsync(app));
        await WriteBehindAsync(app, "changed twice");
        Assert.Equal("changed once", await KirbyAsync(app));
    }

    [Fact]
    public async Task OverHttpNodesWithIdsInSequenceAreKeptAtTheirSecondRead()
    {
        // 40 people whose ids differ only at the end, each asked twice within a doorkeeper of 1,024 slots, then changed
        // behind the service: about all still answer from memory. Before the doorkeeper's hash was finalized such ids
        // took one another's slots and none was kept. Random slots are not all different either: 40 reads in 1,024
        // slots share one about half the time, and a pair sharing a slot push each other out (38 kept with the keys of
        // session 15), so the bound leaves room for two pairs.
        using var app = ConflictGraphApp.With(new Dictionary<string, string?>
        {
            ["ConflictGraph:Caching:VersionCheckInterval"] = "01:00:00",
            [KeptAnchored] = "true",
            ["ConflictGraph:Caching:AdmissionWindow"] = "1024",
        });
        Assert.Contains("Pentagon press secretary", await KirbyAsync(app));
        var ids = Enumerable.Range(1, 40).Select(i => $"person:p{i:D2}").ToList();
        await WriteBehindAsync(app, ids, "first");
        async Task<string> DescriptionAsync(string id) =>
            (await app.PostGraphQLAsync($"{{ node(id: \"{id}\") {{ ... on Person {{ description }} }} }}")).Data!["node"]!["description"]!.GetValue<string>();
        for (var pass = 0; pass < 2; pass++)
            foreach (var id in ids) Assert.Equal("first", await DescriptionAsync(id));
        await WriteBehindAsync(app, ids, "second");
        var kept = 0;
        foreach (var id in ids) if (await DescriptionAsync(id) == "first") kept++;
        Assert.InRange(kept, ids.Count - 4, ids.Count);
    }

    private static async Task WriteBehindAsync(ConflictGraphApp app, IEnumerable<string> ids, string description)
    {
        using var other = new SqliteGraphStore(new SqliteStoreOptions { Path = app.StorePath });
        await other.ImportAsync(new GraphBatch([.. ids.Select(id => new Person(id, id, [], description, []))], []), null, None);
    }

    [Fact]
    public async Task OverHttpAnAdmissionWindowOfZeroKeepsANodeAtItsFirstRead()
    {
        using var app = ConflictGraphApp.With(new Dictionary<string, string?>
        {
            ["ConflictGraph:Caching:VersionCheckInterval"] = "01:00:00",
            [KeptAnchored] = "true",
            ["ConflictGraph:Caching:AdmissionWindow"] = "0",
        });
        Assert.Contains("Pentagon press secretary", await KirbyAsync(app));
        await WriteBehindAsync(app, "changed once");
        Assert.Contains("Pentagon press secretary", await KirbyAsync(app));
    }

    [Fact]
    public async Task OverHttpANodeAskedTwiceIsKeptWhileNodeReadsAreScreened()
    {
        // Node reads judged every 4, screened below 2 in 4 that came round: four nodes asked once each screen them.
        using var app = ConflictGraphApp.With(new Dictionary<string, string?>
        {
            ["ConflictGraph:Caching:VersionCheckInterval"] = "01:00:00",
            [KeptAnchored] = "true",
            ["ConflictGraph:Caching:HitRateWindow"] = "4",
            ["ConflictGraph:Caching:MinimumHitRate"] = "0.5",
        });
        foreach (var id in new[] { "person:nobody-1", "person:nobody-2", "person:nobody-3", "person:nobody-4" })
            Assert.Null((await app.PostGraphQLAsync($"{{ node(id: \"{id}\") {{ id }} }}")).Data!["node"]);
        // Screened, the first read goes to the store and is only remembered: a write behind the service shows at once.
        Assert.Contains("Pentagon press secretary", await KirbyAsync(app));
        await WriteBehindAsync(app, "changed once");
        Assert.Equal("changed once", await KirbyAsync(app));
        // The second came round, so it was looked up and kept: the next write behind is not heard until the version check.
        await WriteBehindAsync(app, "changed twice");
        Assert.Equal("changed once", await KirbyAsync(app));
    }

    [Fact]
    public async Task OverHttpANodeAskedAgainAndAgainStaysCachedUnderTheHitRateRule()
    {
        using var app = ConflictGraphApp.With(new Dictionary<string, string?>
        {
            ["ConflictGraph:Caching:VersionCheckInterval"] = "01:00:00",
            [KeptAnchored] = "true",
            ["ConflictGraph:Caching:HitRateWindow"] = "4",
            ["ConflictGraph:Caching:MinimumHitRate"] = "0.25",
        });
        // Two misses (kept at the second), then hits: at least one of every four node reads hits.
        for (var i = 0; i < 8; i++) Assert.Contains("Pentagon press secretary", await KirbyAsync(app));
        await WriteBehindAsync(app, "changed once");
        Assert.Contains("Pentagon press secretary", await KirbyAsync(app));
    }

    [Fact]
    public async Task OverHttpByDefaultANodeAskedTwiceIsKeptAfterABurstOfReadsThatNeverRepeat()
    {
        // With nodes by id kept, the default hit-rate rule screens node reads after a window of 256 none of which came round;
        // the node that does repeat is still kept at its second read and served from memory after it (a write behind is
        // not heard for an hour).
        using var app = ConflictGraphApp.With(new Dictionary<string, string?>
        {
            ["ConflictGraph:Caching:VersionCheckInterval"] = "01:00:00",
            [KeptAnchored] = "true",
        });
        for (var i = 0; i < 300; i++)
            Assert.Null((await app.PostGraphQLAsync($"{{ node(id: \"person:nobody-{i}\") {{ id }} }}")).Data!["node"]);
        Assert.Contains("Pentagon press secretary", await KirbyAsync(app));
        Assert.Contains("Pentagon press secretary", await KirbyAsync(app));
        await WriteBehindAsync(app, "changed behind the cache");
        Assert.Contains("Pentagon press secretary", await KirbyAsync(app));
    }

    private static async Task<string> KirbyAsync(ConflictGraphApp app) =>
        (await app.PostGraphQLAsync("{ node(id: \"person:john-kirby\") { ... on Person { description } } }")).Data!["node"]!["description"]!.GetValue<string>();

    /// <summary>Changes the node from another connection to the service's file, as the CLI would.</summary>
    private static async Task WriteBehindAsync(ConflictGraphApp app, string description)
    {
        using var other = new SqliteGraphStore(new SqliteStoreOptions { Path = app.StorePath });
        await other.ImportAsync(new GraphBatch([new Person("person:john-kirby", "John Kirby", [], description, [])], []), null, None);
    }

    [Fact]
    public async Task ACachedDocumentStillHasItsCostAndVariablesCheckedOnEveryRequest()
    {
        // The cost of a page grows with its `first`, so a document that was cheap once can be costly with other variables.
        using var app = ConflictGraphApp.With(new Dictionary<string, string?> { ["ConflictGraph:Limits:MaxComplexity"] = "15" });
        const string page = "query Page($n: Int!) { events(first: $n) { nodes { id title } } }";
        var cheap = await app.PostGraphQLAsync(page, new { n = 1 });
        Assert.Empty(cheap.Errors);
        Assert.Single(cheap.Data!["events"]!["nodes"]!.AsArray());

        var costly = await app.PostGraphQLAsync(page, new { n = 10 });
        Assert.Equal(["QUERY_TOO_COMPLEX"], costly.Codes);
        Assert.Null(costly.Data);

        var mistyped = await app.PostGraphQLAsync(page, new { n = "ten" });
        Assert.Single(mistyped.Errors);
        Assert.Contains("$n", mistyped.Errors[0]!["message"]!.GetValue<string>());
        Assert.Single((await app.PostGraphQLAsync(page, new { n = 1 })).Data!["events"]!["nodes"]!.AsArray());
        // The rules a known document runs are drawn once and reused: the cost limit still holds at later requests.
        Assert.Equal(["QUERY_TOO_COMPLEX"], (await app.PostGraphQLAsync(page, new { n = 10 })).Codes);
        Assert.Single((await app.PostGraphQLAsync(page, new { n = 1 })).Data!["events"]!["nodes"]!.AsArray());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset now = DateTimeOffset.UnixEpoch;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
