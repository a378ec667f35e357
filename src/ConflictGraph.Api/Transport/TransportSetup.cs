using ConflictGraph.Api.Ide;
using ConflictGraph.Api.Schema;
using ConflictGraph.Api.Startup;
using GraphQL;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Transport;

/// <summary>Everything between HTTP and the schema: limits, errors, keys, CORS, the IDE, health and seeding.</summary>
public static class TransportSetup
{
    public const string CorsPolicy = "ConflictGraph";

    public static IServiceCollection AddTransport(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RequestLimits>(configuration.GetSection(RequestLimits.Section));
        services.Configure<AccessOptions>(configuration.GetSection(AccessOptions.Section));
        services.Configure<SeedOptions>(configuration.GetSection(SeedOptions.Section));
        services.Configure<IdeOptions>(configuration.GetSection(IdeOptions.Section));
        services.AddSingleton<AccessKeys>();
        services.Configure<Live.LiveOptions>(configuration.GetSection(Live.LiveOptions.Section));
        services.AddSingleton<Live.InProcessChangeNotifier>();
        services.AddSingleton<Live.IGraphChangeNotifier>(provider => provider.GetRequiredService<Live.InProcessChangeNotifier>());
        services.AddSingleton<Live.LiveConnections>();
        services.AddSingleton<Readiness>();
        services.AddHostedService<StartupSeeding>();
        var origins = configuration.GetSection(CorsSettings.Section).Get<CorsSettings>()?.Origins ?? [];
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy =>
        {
            if (origins.Count > 0) policy.WithOrigins([.. origins]).AllowAnyHeader().WithMethods("GET", "POST");
        }));
        return services.AddConflictGraphSchema(configuration, graphql => graphql
            .AddErrorInfoProvider<ErrorCodes>()
            .AddUnhandledExceptionHandler(context =>
                ErrorCodes.Handle(context, context.ExecutionOptions.RequestServices!.GetRequiredService<ILogger<ErrorCodes>>()))
            .AddValidationRule<DocumentSizeRule>()
            .AddComplexityAnalyzer((complexity, provider) =>
            {
                var limits = provider.GetRequiredService<IOptions<RequestLimits>>().Value;
                complexity.MaxDepth = limits.MaxDepth;
                complexity.MaxComplexity = limits.MaxComplexity;
                complexity.ValidateComplexityDelegate = context =>
                {
                    // The standard introspection query is deep but cheap: tools must always get the schema.
                    if (context.Error is not null && IsIntrospectionOnly(context.ValidationContext.Operation)) context.Error = null;
                    return Task.CompletedTask;
                };
            }));
    }

    public static WebApplication UseTransport(this WebApplication app)
    {
        app.UseCors(CorsPolicy);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.MapIde();
        app.MapHealth();
        app.MapGraphQLEndpoint();
        return app;
    }

    /// <summary>True for an operation that only asks for __schema / __type: tools must always get the schema.</summary>
    public static bool IsIntrospectionOnly(GraphQLOperationDefinition operation) =>
        operation.SelectionSet.Selections.All(s => s is GraphQLField field && field.Name.StringValue.StartsWith("__", StringComparison.Ordinal));
}
