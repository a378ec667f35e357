using ConflictGraph.Api.Diagnostics;
using ConflictGraph.Core.Store;
using ConflictGraph.Hosting;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Caching;

public static class CachingSetup
{
    /// <summary>
    /// The store-read cache, wrapping the registered <see cref="IGraphStore"/> (so call this after
    /// AddGraphStore); parsed documents and persisted queries are <see cref="DocumentCachingSetup"/>'s.
    /// With store reads not cached, nothing wraps the store: every read goes to it without a detour. With the cost report on
    /// (and only then), the store itself, under the cache, is metered (<see cref="MeteredGraphStore"/>), so the report counts
    /// the calls that reach it, the cache's own among them, and the cache the reads it answers.
    /// </summary>
    public static IServiceCollection AddQueryCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CachingOptions>().Bind(configuration.GetSection(CachingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CachingOptions>, CachingOptionsValidator>();
        var limit = configuration.GetSection(CachingOptions.Section).Get<CachingOptions>()?.MaxEntries ?? new CachingOptions().MaxEntries;
        services.AddMemoryCache(cache => cache.SizeLimit = limit);
        services.TryAddSingleton(TimeProvider.System);

        var store = services.LastOrDefault(d => d.ServiceType == typeof(IGraphStore))
            ?? throw new InvalidOperationException("register the graph store (AddGraphStore) before AddQueryCaching");
        services.Remove(store);
        services.AddSingleton<IGraphStore>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<CachingOptions>>();
            var inner = Create(store, provider);
            if (provider.GetRequiredService<IOptions<DiagnosticsOptions>>().Value.Cost) inner = new MeteredGraphStore(inner);
            if (!options.Value.StoreReads) return inner;
            var anchored = KeepsAnchoredReads(provider.GetRequiredService<IOptions<GraphStoreOptions>>().Value, options.Value);
            return new CachingGraphStore(inner, provider.GetRequiredService<IMemoryCache>(), options, provider.GetRequiredService<TimeProvider>(), anchored);
        });
        return services;
    }

    /// <summary>
    /// Whether the reads anchored at given ids (<see cref="AnchoredReads"/>) are kept: as <see cref="CachingOptions.AnchoredReads"/>
    /// says, else on Neo4j only. There each is a round trip to the server; on SQLite one costs tens of microseconds from the
    /// file, and kept it made a request's cost hang on whether its ids had come before (BENCHMARKS.md, "Anchored reads
    /// from the file on SQLite, session 33").
    /// </summary>
    public static bool KeepsAnchoredReads(GraphStoreOptions store, CachingOptions options) =>
        options.AnchoredReads ?? store.Kind == StoreKind.Neo4j;

    private static IGraphStore Create(ServiceDescriptor descriptor, IServiceProvider provider) =>
        (IGraphStore)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
