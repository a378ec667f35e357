using GraphQL;
using GraphQL.DI;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Caching;

/// <summary>
/// Keeps each document that parsed and validated, keyed by its text, so a repeated query skips
/// parsing and the validation rules that look only at the document. Variables are still
/// coerced and checked every time, and so is the cost limit where variables can move it (a
/// list's size may come from a <c>first</c> variable; see <see cref="CostInputs"/>).
/// </summary>
public sealed class DocumentCache(IMemoryCache cache, IOptions<CachingOptions> options) : IConfigureExecution
{
    private sealed record Entry(GraphQLDocument Document, bool CostVaries);

    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions executionOptions, ExecutionDelegate next)
    {
        if (!options.Value.Documents || executionOptions.Document is not null || executionOptions.Query is not { } query) return await next(executionOptions);
        var key = ("document", query);
        if (cache.TryGetValue(key, out Entry? known))
        {
            executionOptions.Document = known!.Document;
            executionOptions.ValidationRules =
            [
                .. executionOptions.CachedDocumentValidationRules ?? [],
                .. known.CostVaries ? (executionOptions.ValidationRules ?? []).OfType<ComplexityValidationRule>() : [],
            ];
            return await next(executionOptions);
        }
        var result = await next(executionOptions);
        if (result.Executed && result.Document is { } parsed)
            cache.Set(key, new Entry(parsed, await CostInputs.VaryWithVariablesAsync(parsed)),
                new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return result;
    }
}
