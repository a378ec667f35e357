using ConflictGraph.Api.Schema;
using ConflictGraph.Api.Transport;
using ConflictGraph.Api.Validation;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Caching;

/// <summary>
/// Keeps each document that parsed and validated, keyed by its text, so a repeated query skips
/// parsing and the validation rules that look only at the document. Variables are still
/// coerced and checked every time, and so is the cost limit where variables can move it (a
/// list's size may come from a <c>first</c> variable; see <see cref="CostInputs"/>). The rule for
/// subscriptions over HTTP runs again only for a document that holds a subscription: GraphQL.NET
/// walks the whole document with its type information whenever any rule is given, even one with
/// nothing to check, and that walk was a tenth of a small query's time. A document left with no
/// rule to run is validated by <see cref="KnownDocumentValidator"/>, which walks it no more. Its memory
/// is its own budget in bytes; a document larger than <see cref="DocumentCacheOptions.MaxDocumentBytes"/>
/// is never kept, so padded one-off documents cannot fill it.
/// </summary>
public sealed class DocumentCache(IOptions<CachingOptions> options, IOptions<DocumentCacheOptions> budget, ValidatedDocuments validated) : IOperationStep, IDisposable
{
    private sealed record Entry(GraphQLDocument Document, bool CostVaries, bool Subscribes)
    {
        /// <summary>The rules this document last ran and the lists they were drawn from (the same lists at every request).</summary>
        public Narrowed? Rules;
    }

    private sealed record Narrowed(IEnumerable<IValidationRule>? From, IEnumerable<IValidationRule>? FromCached, IEnumerable<IValidationRule> Rules);

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = budget.Value.DocumentBytes, TrackStatistics = true });

    public float Order => 200;

    /// <summary>A known document, or one not to keep, goes on as the next step's own task: no wrapper awaits it.</summary>
    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions executionOptions, ExecutionDelegate next)
    {
        if (!options.Value.Documents || executionOptions.Document is not null || executionOptions.Query is not { } query
            || query.Length > budget.Value.MaxDocumentBytes) return next(executionOptions);
        if (cache.TryGetValue(query, out Entry? known))
        {
            executionOptions.Document = known!.Document;
            executionOptions.ValidationRules = RulesFor(known, executionOptions);
            return next(executionOptions);
        }
        return RememberAsync(executionOptions, query, next);
    }

    private async Task<ExecutionResult> RememberAsync(ExecutionOptions executionOptions, string query, ExecutionDelegate next)
    {
        var result = await next(executionOptions);
        if (result.Executed && result.Document is { } parsed)
        {
            validated.Remember(parsed);
            cache.Set(query, new Entry(parsed, await CostInputs.VaryWithVariablesAsync(parsed), SubscriptionTransportRule.Concerns(parsed)),
                new MemoryCacheEntryOptions { Size = DocumentCacheOptions.EstimatedBytes(query), SlidingExpiration = TimeSpan.FromMinutes(30) });
        }
        return result;
    }

    /// <summary>
    /// The rules a known document still runs: the ones for cached documents, less the subscription rule where it
    /// holds no subscription, and the cost limit where variables can move it. Most known documents run none, and
    /// get an empty list. Drawn once from the lists ValidationRuleLists sets, then reused while those are the lists.
    /// </summary>
    private static IEnumerable<IValidationRule> RulesFor(Entry known, ExecutionOptions executionOptions)
    {
        if (known.Rules is { } last && ReferenceEquals(last.From, executionOptions.ValidationRules)
            && ReferenceEquals(last.FromCached, executionOptions.CachedDocumentValidationRules)) return last.Rules;
        var rules = Narrow(known, executionOptions);
        known.Rules = new Narrowed(executionOptions.ValidationRules, executionOptions.CachedDocumentValidationRules, rules);
        return rules;
    }

    private static IEnumerable<IValidationRule> Narrow(Entry known, ExecutionOptions executionOptions)
    {
        List<IValidationRule>? rules = null;
        if (executionOptions.CachedDocumentValidationRules is { } cached)
            foreach (var rule in cached)
                if (known.Subscribes || rule is not SubscriptionTransportRule) (rules ??= []).Add(rule);
        if (known.CostVaries && executionOptions.ValidationRules is { } all)
            foreach (var rule in all)
                if (rule is ComplexityValidationRule) (rules ??= []).Add(rule);
        return rules ?? (IEnumerable<IValidationRule>)[];
    }

    /// <summary>Estimated bytes held now, for tests and diagnostics.</summary>
    public long HeldBytes => cache.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    public void Dispose() => cache.Dispose();
}
