using GraphQL.DI;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Caching;

public static class DocumentCachingSetup
{
    /// <summary>The parsed-document cache and automatic persisted queries, each with its own byte budget.</summary>
    public static IServiceCollection AddDocumentCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DocumentCacheOptions>().Bind(configuration.GetSection(CachingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DocumentCacheOptions>, DocumentCacheOptionsValidator>();
        services.AddSingleton<PersistedQueries>();
        return services.AddSingleton<IConfigureExecution, DocumentCache>();
    }
}
