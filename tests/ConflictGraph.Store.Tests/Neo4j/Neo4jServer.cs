using System.Net;
using System.Text;
using ConflictGraph.Neo4j;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;

namespace ConflictGraph.Store.Tests.Neo4j;

/// <summary>
/// One Neo4j server in a container for every live Neo4j test, wherever Docker runs; where it does
/// not, each test skips with the reason. The image and settings are the compose file's
/// (Neo4jSettingsTests holds the two together).
/// </summary>
public sealed class Neo4jServer : IAsyncLifetime
{
    /// <summary>The 5.26 LTS line, pinned to a patch release, community edition.</summary>
    public const string Image = "neo4j:5.26.21-community";

    public const string Password = "conflictgraph-test";

    /// <summary>The NEO4J_ settings the container gets (NEO4J_AUTH aside): the Query API on, as in the compose file.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["NEO4J_server_http__enabled__modules"] = "QUERY_API_ENDPOINTS,TRANSACTIONAL_ENDPOINTS,UNMANAGED_EXTENSIONS,BROWSER",
    };

    private IContainer? container;

    public string? SkipReason { get; private set; }

    public Uri? Uri { get; private set; }

    public Neo4jGraphStore? Store { get; private set; }

    public async Task InitializeAsync()
    {
        if (TestcontainersSettings.OS.DockerEndpointAuthConfig is null)
        {
            SkipReason = $"Docker is not available on this machine: the live Neo4j tests need a {Image} container (Testcontainers)";
            return;
        }
        var builder = new ContainerBuilder(Image).WithEnvironment("NEO4J_AUTH", $"neo4j/{Password}").WithPortBinding(7474, true);
        foreach (var (name, value) in Settings) builder = builder.WithEnvironment(name, value);
        // Ready when the Query API runs a query: it answers 202 Accepted once the database is online.
        container = builder.WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(request => request
                .ForPort(7474).ForPath("/db/neo4j/query/v2").WithMethod(HttpMethod.Post).WithBasicAuthentication("neo4j", Password)
                .WithContent(() => new StringContent("""{"statement": "RETURN 1"}""", Encoding.UTF8, "application/json"))
                .ForStatusCode(HttpStatusCode.Accepted), wait => wait.WithTimeout(TimeSpan.FromMinutes(3))))
            .Build();
        await container.StartAsync();
        Uri = new Uri($"http://{container.Hostname}:{container.GetMappedPublicPort(7474)}");
        Store = Open();
    }

    /// <summary>Another store on the same server, with nothing cached (its layout not yet checked).</summary>
    public Neo4jGraphStore Open() => new(new Neo4jStoreOptions { Uri = Uri!, Password = Password });

    public async Task DisposeAsync()
    {
        Store?.Dispose();
        if (container is not null) await container.DisposeAsync();
    }
}

/// <summary>The live Neo4j test classes share one server and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class Neo4jServerCollection : ICollectionFixture<Neo4jServer>
{
    public const string Name = "Neo4j server";
}
