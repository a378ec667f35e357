using ConflictGraph.Api.Tests.Infrastructure;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Store;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictGraph.Api.Tests.Analysis;

/// <summary>
/// The seeded service with a graph of a test's own on top, imported through the store the service uses
/// (the one import path) before the first test runs.
/// </summary>
public abstract class ImportedGraphApp(IDictionary<string, string?> settings) : IAsyncLifetime
{
    public ConflictGraphApp App { get; } = ConflictGraphApp.With(settings);

    /// <summary>The graph to put on top of the seed.</summary>
    protected abstract GraphInput Graph();

    public async Task InitializeAsync()
    {
        await App.ReadyClientAsync();
        await GraphImporter.ImportAsync(Graph(), App.Services.GetRequiredService<IGraphStore>(), null, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
