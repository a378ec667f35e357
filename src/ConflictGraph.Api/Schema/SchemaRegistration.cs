using ConflictGraph.Api.Diagnostics;
using ConflictGraph.Api.Loading;
using ConflictGraph.Api.Transport;
using ConflictGraph.Core.Store;
using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Schema;

public static class SchemaRegistration
{
    /// <summary>
    /// The schema and its graph types, the per-request store metering and batch loaders, and
    /// GraphQL.NET itself with our error codes.
    /// </summary>
    public static IServiceCollection AddConflictGraphSchema(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchemaLimits>().Bind(configuration.GetSection(SchemaLimits.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<SchemaLimits>, SchemaLimitsValidator>();
        // Store calls are counted and timed only for the cost report; otherwise the loaders call the store directly.
        services.AddScoped<StoreCallMeter>();
        services.AddScoped(provider =>
        {
            var store = provider.GetRequiredService<IGraphStore>();
            return new GraphLoaders(provider.GetRequiredService<IOptions<DiagnosticsOptions>>().Value.Cost
                ? new MeteredGraphStore(store, provider.GetRequiredService<StoreCallMeter>())
                : store);
        });
        services.AddGraphQL(builder =>
        {
            builder.AddSchema<ConflictGraphSchema>().AddGraphTypes(typeof(ConflictGraphSchema).Assembly).AddSystemTextJson()
                .AddErrorInfoProvider<ErrorCodes>()
                .AddValidationRule<SubscriptionTransportRule>(useForCachedDocuments: true)
                .AddUnhandledExceptionHandler(context =>
                    ErrorCodes.Handle(context, context.ExecutionOptions.RequestServices!.GetRequiredService<ILogger<ErrorCodes>>()));
        });
        return services;
    }
}
