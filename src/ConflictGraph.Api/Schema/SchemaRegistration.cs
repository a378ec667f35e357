using ConflictGraph.Api.Loading;
using ConflictGraph.Api.Transport;
using ConflictGraph.Api.Validation;
using ConflictGraph.Core.Store;
using GraphQL;
using GraphQL.DI;

namespace ConflictGraph.Api.Schema;

public static class SchemaRegistration
{
    /// <summary>
    /// The schema and its graph types, the per-request batch loaders, and
    /// GraphQL.NET itself with our error codes.
    /// </summary>
    public static IServiceCollection AddConflictGraphSchema(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchemaLimits>().Bind(configuration.GetSection(SchemaLimits.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<SchemaLimits>, SchemaLimitsValidator>();
        services.AddScoped(provider => new GraphLoaders(provider.GetRequiredService<IGraphStore>()));
        services.AddSingleton<SubscriptionTransportRule>();
        // The rules' lists are made once (ValidationRuleLists), not appended to at every request.
        services.AddOperationStep<ValidationRuleLists>();
        services.AddGraphQL(builder =>
        {
            builder.AddSchema<ConflictGraphSchema>().AddGraphTypes(typeof(ConflictGraphSchema).Assembly).AddSystemTextJson()
                .AddErrorInfoProvider<ErrorCodes>()
                .AddUnhandledExceptionHandler(context =>
                    ErrorCodes.Handle(context, context.ExecutionOptions.RequestServices!.GetRequiredService<ILogger<ErrorCodes>>()));
        });
        return services;
    }
}
