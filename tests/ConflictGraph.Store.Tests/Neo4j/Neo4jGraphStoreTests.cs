using ConflictGraph.Core.Store;
using ConflictGraph.Store.Tests.Conformance;

namespace ConflictGraph.Store.Tests.Neo4j;

/// <summary>The one conformance suite, on Neo4j; skipped with its reason where Docker is missing.</summary>
[Collection(Neo4jServerCollection.Name)]
public sealed class Neo4jGraphStoreTests(Neo4jServer server) : GraphStoreConformanceTests
{
    protected override async Task<IGraphStore> CreateEmptyStoreAsync()
    {
        Skip.If(server.SkipReason is not null, server.SkipReason);
        await server.Store!.ClearAsync(CancellationToken.None);
        return server.Store;
    }
}
