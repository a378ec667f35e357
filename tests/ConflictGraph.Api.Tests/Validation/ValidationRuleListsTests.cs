using ConflictGraph.Api.Limits;
using ConflictGraph.Api.Schema;
using ConflictGraph.Api.Tests.Infrastructure;
using ConflictGraph.Api.Transport;
using ConflictGraph.Api.Validation;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using Microsoft.Extensions.DependencyInjection;

namespace ConflictGraph.Api.Tests.Validation;

/// <summary>
/// The validation rules' lists are made once (<see cref="ValidationRuleLists"/>) and hold what GraphQL.NET's
/// <c>AddValidationRule(useForCachedDocuments: true)</c> and <c>AddComplexityAnalyzer</c> would append at every
/// request: the same rules in the same order. Whatever runs before the document cache leaves them so.
/// </summary>
public sealed class ValidationRuleListsTests : IDisposable
{
    private readonly ConflictGraphApp app = new();

    /// <summary>
    /// Runs what comes before the document cache and returns the options it leaves: GraphQL.NET's configurations under
    /// sort order 200 but for our own steps, then ours before the document cache (our steps run as one configuration
    /// after GraphQL.NET's option steps).
    /// </summary>
    private static async Task<ExecutionOptions> BeforeTheDocumentCacheAsync(IServiceProvider services)
    {
        ExecutionOptions? seen = null;
        ExecutionDelegate next = options =>
        {
            seen = options;
            return Task.FromResult(new ExecutionResult());
        };
        foreach (var step in services.GetServices<IOperationStep>().Where(s => s.Order < 200).OrderBy(s => s.Order).Reverse())
        {
            var inner = next;
            next = options => step.ExecuteAsync(options, inner);
        }
        foreach (var step in services.GetServices<IConfigureExecution>().Where(c => c is not OperationSteps && c.SortOrder < 200).OrderBy(c => c.SortOrder).Reverse())
        {
            var inner = next;
            next = options => step.ExecuteAsync(options, inner);
        }
        await next(new ExecutionOptions { RequestServices = services });
        return seen!;
    }

    [Fact]
    public async Task TheListsHoldWhatGraphQLNetWouldAppendInItsOrder()
    {
        var graphQLNets = new ServiceCollection();
        graphQLNets.AddGraphQL(builder => builder.AddValidationRule<SubscriptionTransportRule>(useForCachedDocuments: true).AddComplexityAnalyzer());
        await using var theirs = graphQLNets.BuildServiceProvider();
        var expected = await BeforeTheDocumentCacheAsync(theirs);

        var ours = await BeforeTheDocumentCacheAsync(app.Services);

        // The same rules in the same order, the service's cost limit (GraphQL.NET's complexity rule with its own check) in that rule's place.
        Assert.Equal(expected.ValidationRules!.Select(r => r.GetType() == typeof(ComplexityValidationRule) ? typeof(CostLimitRule) : r.GetType()),
            ours.ValidationRules!.Select(r => r.GetType()));
        Assert.Equal(expected.CachedDocumentValidationRules!.Select(r => r.GetType()), ours.CachedDocumentValidationRules!.Select(r => r.GetType()));
        Assert.Equal([typeof(SubscriptionTransportRule)], ours.CachedDocumentValidationRules!.Select(r => r.GetType()));
        Assert.Equal(DocumentValidator.CoreRules.Count() + 2, ours.ValidationRules!.Count());
        // The service's own rules: its cost limit's options are the ones the complexity rule was made with.
        Assert.Same(app.Services.GetRequiredService<ComplexityValidationRule>(), ours.ValidationRules!.Last());
        Assert.Same(app.Services.GetRequiredService<SubscriptionTransportRule>(), ours.CachedDocumentValidationRules!.Single());
    }

    [Fact]
    public async Task EveryOperationGetsTheSameListsNotNewOnes()
    {
        var first = await BeforeTheDocumentCacheAsync(app.Services);
        var second = await BeforeTheDocumentCacheAsync(app.Services);

        Assert.Same(first.ValidationRules, second.ValidationRules);
        Assert.Same(first.CachedDocumentValidationRules, second.CachedDocumentValidationRules);
    }

    [Fact]
    public async Task ListsAnEarlierStepSetAreKeptAndTheRulesAppended()
    {
        var lists = app.Services.GetRequiredService<ValidationRuleLists>();
        IValidationRule[] given = [.. DocumentValidator.CoreRules.Take(2)];
        ExecutionOptions? seen = null;

        await lists.ExecuteAsync(new ExecutionOptions { ValidationRules = given, CachedDocumentValidationRules = given }, options =>
        {
            seen = options;
            return Task.FromResult(new ExecutionResult());
        });

        Assert.Equal([.. given, lists.All[^2], lists.All[^1]], seen!.ValidationRules!);
        Assert.Equal([.. given, lists.ForCachedDocuments[0]], seen.CachedDocumentValidationRules!);
    }

    public void Dispose() => app.Dispose();
}
