using ConflictGraph.Api.Loading;
using ConflictGraph.Core.Store;
using GraphQL;
using GraphQL.DI;

namespace ConflictGraph.Api.Schema;

public static class SchemaRegistration
{
    /// <summary>
    /// The schema and its graph types, the per-request store metering and batch loaders, and
    /// GraphQL.NET itself; <paramref name="configure"/> adds what the transport needs (limits, errors).
    /// </summary>
    public static IServiceCollection AddConflictGraphSchema(
        this IServiceCollection services, IConfiguration configuration, Action<IGraphQLBuilder>? configure = null)
    {
        services.Configure<SchemaLimits>(configuration.GetSection(SchemaLimits.Section));
        services.AddScoped<StoreCallMeter>();
        services.AddScoped(provider => new MeteredGraphStore(provider.GetRequiredService<IGraphStore>(), provider.GetRequiredService<StoreCallMeter>()));
        services.AddScoped<GraphLoaders>();
        services.AddGraphQL(builder =>
        {
            builder.AddSchema<ConflictGraphSchema>().AddGraphTypes(typeof(ConflictGraphSchema).Assembly).AddSystemTextJson();
            configure?.Invoke(builder);
        });
        return services;
    }
}
