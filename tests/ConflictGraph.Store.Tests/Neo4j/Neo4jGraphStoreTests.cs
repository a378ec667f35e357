using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j;
using ConflictGraph.Store.Tests.Conformance;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;

namespace ConflictGraph.Store.Tests.Neo4j;

/// <summary>A neo4j:5 server in a container for the whole class, wherever Docker runs.</summary>
public sealed class Neo4jServer : IAsyncLifetime
{
    private const string Password = "conflictgraph-test";
    private IContainer? container;

    public string? SkipReason { get; private set; }

    public Neo4jGraphStore? Store { get; private set; }

    public async Task InitializeAsync()
    {
        if (TestcontainersSettings.OS.DockerEndpointAuthConfig is null)
        {
            SkipReason = "Docker is not available on this machine: the Neo4j conformance suite needs a neo4j:5 container (Testcontainers)";
            return;
        }
        container = new ContainerBuilder("neo4j:5")
            .WithEnvironment("NEO4J_AUTH", $"neo4j/{Password}")
            .WithEnvironment("NEO4J_server_http__enabled__modules", "TRANSACTIONAL_ENDPOINTS,UNMANAGED_EXTENSIONS,BROWSER,QUERY_API")
            .WithPortBinding(7474, true)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(request => request.ForPort(7474)))
            .Build();
        await container.StartAsync();
        Store = new Neo4jGraphStore(new Neo4jStoreOptions
        {
            Uri = new Uri($"http://{container.Hostname}:{container.GetMappedPublicPort(7474)}"), Password = Password,
        });
    }

    public async Task DisposeAsync()
    {
        Store?.Dispose();
        if (container is not null) await container.DisposeAsync();
    }
}

/// <summary>The one conformance suite, on Neo4j; skipped with its reason where Docker is missing.</summary>
public sealed class Neo4jGraphStoreTests(Neo4jServer server) : GraphStoreConformanceTests, IClassFixture<Neo4jServer>
{
    protected override async Task<IGraphStore> CreateEmptyStoreAsync()
    {
        Skip.If(server.SkipReason is not null, server.SkipReason);
        await server.Store!.ClearAsync(CancellationToken.None);
        return server.Store;
    }
}
