using ConflictGraph.Api.Schema;
using ConflictGraph.Api.Transport;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;

namespace ConflictGraph.Api.Validation;

/// <summary>
/// The validation rules every operation runs, as two lists made once: GraphQL.NET's core rules, then the rule for
/// subscriptions over HTTP, then the cost limit; and, for a document already known, the subscription rule alone (the
/// document cache narrows that further). GraphQL.NET's <c>AddValidationRule</c> and <c>AddComplexityAnalyzer</c> would
/// each resolve their rule and append it to new lists at every request; these are the same rules in the same order.
/// Lists an earlier step already set are kept, with the rules appended as GraphQL.NET does.
/// </summary>
public sealed class ValidationRuleLists : IOperationStep
{
    private readonly IValidationRule subscriptions;
    private readonly IValidationRule complexity;

    public ValidationRuleLists(SubscriptionTransportRule subscriptions, ComplexityValidationRule complexity)
    {
        this.subscriptions = subscriptions;
        this.complexity = complexity;
        All = [.. DocumentValidator.CoreRules, subscriptions, complexity];
        ForCachedDocuments = [subscriptions];
    }

    /// <summary>Every rule a new document runs, in the order they run.</summary>
    public IReadOnlyList<IValidationRule> All { get; }

    /// <summary>The rules that still run on a document that passed them all before.</summary>
    public IReadOnlyList<IValidationRule> ForCachedDocuments { get; }

    // Before the document cache (200), which narrows the lists.
    public float Order => 100;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        options.ValidationRules = options.ValidationRules is { } given ? given.Append(subscriptions).Append(complexity) : All;
        options.CachedDocumentValidationRules = options.CachedDocumentValidationRules is { } cached ? cached.Append(subscriptions) : ForCachedDocuments;
        return next(options);
    }
}
