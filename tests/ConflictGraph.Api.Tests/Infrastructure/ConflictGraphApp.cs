using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConflictGraph.Api.Caching;
using ConflictGraph.Core.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace ConflictGraph.Api.Tests.Infrastructure;

/// <summary>What one GraphQL request over HTTP answered.</summary>
public sealed record GraphQLResponse(HttpStatusCode Status, JsonNode Body)
{
    public JsonNode? Data => Body["data"];

    public JsonArray Errors => Body["errors"] as JsonArray ?? [];

    public IEnumerable<string?> Codes => Errors.Select(e => e?["extensions"]?["code"]?.GetValue<string>());
}

/// <summary>
/// The real service in memory: its own SQLite file, seeded at start from the repository's seed/
/// like a fresh install, with the write key <see cref="WriteKey"/> configured.
/// </summary>
public class ConflictGraphApp : WebApplicationFactory<Program>
{
    public const string WriteKey = "test-write-key";

    private readonly string folder = Directory.CreateTempSubdirectory("conflictgraph-api-").FullName;
    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? services;
    private readonly IGraphStore? store;

    public ConflictGraphApp() : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>A service with more settings (section:key paths, as in appsettings), and services replaced for the test.</summary>
    public static ConflictGraphApp With(IDictionary<string, string?> extra, Action<IServiceCollection>? services = null) => new(extra, services);

    /// <summary>
    /// A service on the given store in place of the one the settings name, composed as the service composes its own:
    /// the read cache and the cost report's meter wrap it (<see cref="CachingSetup.AddQueryCaching"/>), so what the
    /// report counts is what the service counts. Replacing <see cref="IGraphStore"/> with <see cref="With"/> instead puts
    /// the bare store in front of them, and nothing is metered.
    /// </summary>
    public static ConflictGraphApp OnStore(IDictionary<string, string?> extra, IGraphStore store) => new(extra, null, store);

    /// <summary>
    /// The service over a Neo4j store whose Query API is <paramref name="queryApi"/> (a test's stand-in), with the cost
    /// report on, the read cache off and no seed, so <c>extensions.cost</c> counts every store call and Query API request.
    /// </summary>
    public static ConflictGraphApp OnNeo4jStandIn(HttpMessageHandler queryApi) => Metered(Neo4jStandInStore(queryApi));

    /// <summary>The service over <paramref name="store"/>, with the cost report on, the read cache off and no seed.</summary>
    public static ConflictGraphApp Metered(IGraphStore store) => OnStore(
        new Dictionary<string, string?>
        {
            ["ConflictGraph:Diagnostics:Cost"] = "true",
            ["ConflictGraph:Caching:StoreReads"] = "false",
            ["ConflictGraph:Seed:OnStartup"] = "false",
        },
        store);

    /// <summary>A Neo4j store talking to <paramref name="queryApi"/> instead of a server, with no retries.</summary>
    public static ConflictGraph.Neo4j.Neo4jGraphStore Neo4jStandInStore(HttpMessageHandler queryApi) =>
        new(new HttpClient(queryApi), new ConflictGraph.Neo4j.Neo4jStoreOptions { Uri = new Uri("http://neo4j.test:7474"), Password = "x", MaxRetries = 0 });

    private ConflictGraphApp(IDictionary<string, string?> extra, Action<IServiceCollection>? services = null, IGraphStore? store = null)
    {
        this.services = services;
        this.store = store;
        settings = new Dictionary<string, string?>
        {
            ["ConflictGraph:Store"] = "Sqlite",
            ["ConflictGraph:Sqlite:Path"] = Path.Combine(folder, "graph.db"),
            ["ConflictGraph:Seed:Path"] = Path.Combine(RepoRoot, "seed"),
            ["ConflictGraph:Auth:WriteKeys:0"] = WriteKey,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra) settings[key] = value;
    }

    /// <summary>The service's SQLite file (a test may open it beside the service, as another process would).</summary>
    public string StorePath => settings["ConflictGraph:Sqlite:Path"]!;

    public static string RepoRoot => typeof(ConflictGraphApp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
        if (services is not null) builder.ConfigureTestServices(services);
        if (store is not null)
            builder.ConfigureTestServices(registered =>
            {
                foreach (var descriptor in registered.Where(d => d.ServiceType == typeof(IGraphStore)).ToList()) registered.Remove(descriptor);
                registered.AddSingleton(store);
                registered.AddQueryCaching(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
            });
    }

    /// <summary>Waits until /health/ready says the store is open and seeded.</summary>
    public async Task<HttpClient> ReadyClientAsync()
    {
        var client = CreateClient();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            using var response = await client.GetAsync("/health/ready");
            if (response.IsSuccessStatusCode) return client;
            await Task.Delay(50);
        }
        throw new InvalidOperationException("the service never became ready");
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> subscriptions are registered with the change feed:
    /// a subscription counts once its execution has started, so a write after this is one it sees.
    /// </summary>
    public async Task WaitForSubscribersAsync(int count = 1)
    {
        var feed = Services.GetRequiredService<ConflictGraph.Api.Live.ChangeFeed>();
        for (var attempt = 0; attempt < 1200 && feed.Subscribers < count; attempt++) await Task.Delay(25);
        if (feed.Subscribers < count)
            throw new InvalidOperationException($"{feed.Subscribers} of {count} subscriptions registered with the change feed after 30 s");
    }

    public async Task<GraphQLResponse> PostGraphQLAsync(string query, object? variables = null, string? key = null, string accept = "application/json")
    {
        var client = await ReadyClientAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd(accept);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await client.SendAsync(request);
        return new GraphQLResponse(response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    protected override void Dispose(bool disposing)
    {
        // Disposing the host disposes its store, which clears its own connection pools; clearing every pool here
        // (SqliteConnection.ClearAllPools) also closed the pooled connections of other tests' stores running in parallel.
        base.Dispose(disposing);
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection; the OS temp cleaner takes it.
        }
    }
}
