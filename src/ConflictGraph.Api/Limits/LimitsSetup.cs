using GraphQL;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Limits;

/// <summary>Request limits: size, depth, aliases, fields and cost of a document, checked before it runs.</summary>
public static class LimitsSetup
{
    public static IServiceCollection AddRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RequestLimits>().Bind(configuration.GetSection(RequestLimits.Section)).ValidateOnStart();
        return services.AddGraphQL(graphql => graphql
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

    /// <summary>True for an operation that only asks for __schema / __type: tools must always get the schema.</summary>
    public static bool IsIntrospectionOnly(GraphQLOperationDefinition operation) =>
        operation.SelectionSet.Selections.All(s => s is GraphQLField field && field.Name.StringValue.StartsWith("__", StringComparison.Ordinal));
}
