using ConflictGraph.Api.Schema;
using ConflictGraph.Api.Validation;
using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Caching;

public static class DocumentCachingSetup
{
    /// <summary>
    /// The parsed-document cache and automatic persisted queries, each with its own byte budget,
    /// and the validator that does not walk a cached document again (GraphQL.NET's builder adds
    /// its own only where none is registered).
    /// </summary>
    public static IServiceCollection AddDocumentCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DocumentCacheOptions>().Bind(configuration.GetSection(CachingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DocumentCacheOptions>, DocumentCacheOptionsValidator>();
        services.AddSingleton<PersistedQueries>();
        services.AddSingleton<ValidatedDocuments>();
        services.AddSingleton<IDocumentValidator, KnownDocumentValidator>();
        return services.AddOperationStep<DocumentCache>();
    }
}
