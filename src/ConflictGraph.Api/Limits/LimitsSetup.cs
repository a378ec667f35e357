using ConflictGraph.Api.Schema;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Limits;

/// <summary>
/// Request limits: a document's size is counted before any rule walks it, its cost is
/// estimated by GraphQL.NET's complexity analyzer (priced by <see cref="CostModel"/>, refused by
/// <see cref="CostLimitRule"/>), a query's answer holds a bounded number of list items
/// (<see cref="ListItemBudget"/>), every operation runs under one deadline, and no response lists
/// more than a few errors.
/// </summary>
public static class LimitsSetup
{
    public static IServiceCollection AddRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RequestLimits>().Bind(configuration.GetSection(RequestLimits.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RequestLimits>, RequestLimitsValidator>();
        // Kestrel stops reading one byte past the limit, so the endpoint can answer 413 with its own message.
        // Read from the settings as given: a limit that fails validation is reported at start, not here.
        var maxBody = (configuration.GetSection(RequestLimits.Section).Get<RequestLimits>() ?? new RequestLimits()).MaxBodyBytes;
        services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = Math.Max(maxBody, 0) + 1);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOperationStep<ExecutionDeadline>();
        services.AddOperationStep<ErrorListCap>();
        services.AddOperationStep<DocumentLimits>();
        // GraphQL.NET's complexity analyzer prices the cost; its rule runs from the lists ValidationRuleLists makes once.
        return services.AddGraphQL(graphql =>
        {
            graphql.Services.Configure<ComplexityOptions>((complexity, _) =>
            {
                // Depth is DocumentLimits' to check, with fragments spread; the analyzer prices the cost and CostLimitRule holds it to the limit.
                complexity.MaxDepth = null;
                complexity.DefaultListImpactMultiplier = CostModel.ListWithoutFirst;
                complexity.DefaultComplexityImpactDelegate = CostModel.Around(complexity.DefaultComplexityImpactDelegate);
            });
            graphql.Services.Register<ComplexityValidationRule, CostLimitRule>(GraphQL.DI.ServiceLifetime.Singleton);
            graphql.AddExecutionStrategy<ListItemBudget>(GraphQLParser.AST.OperationType.Query);
        });
    }
}
