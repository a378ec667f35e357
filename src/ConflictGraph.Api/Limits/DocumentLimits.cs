using ConflictGraph.Api.Schema;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Limits;

/// <summary>
/// Refuses a document that is too large before any validation rule walks it: its fields,
/// aliases and depth are counted with every fragment spread in place (see
/// <see cref="DocumentShape"/>), so no rule ever sees a document that could make it loop for
/// minutes or report millions of errors. Introspection-only operations get what the standard
/// introspection query needs, and no more.
/// </summary>
public sealed class DocumentLimits(IOptions<RequestLimits> options) : IOperationStep
{
    /// <summary>graphql-js's full introspection query (every option on) spreads to 230 fields, 15 deep; IDEs send about that.</summary>
    public const int IntrospectionFields = 400;

    public const int IntrospectionDepth = 20;

    /// <summary>How often one response name may be selected in one selection set; fragments that overlap repeat a few names a few times.</summary>
    public const int MaxRepeatsOfAName = 20;

    // After the document cache (a cached document was measured on its first run), before validation.
    public float Order => 250;

    /// <summary>A document already built (the document cache's) or none to build goes on as the next step's own task: no wrapper awaits it.</summary>
    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions executionOptions, ExecutionDelegate next) =>
        executionOptions.Document is not null || executionOptions.Query is not { } query ? next(executionOptions) : CheckAsync(executionOptions, query, next);

    private async Task<ExecutionResult> CheckAsync(ExecutionOptions executionOptions, string query, ExecutionDelegate next)
    {
        var builder = executionOptions.RequestServices!.GetRequiredService<IDocumentBuilder>();
        try
        {
            executionOptions.Document = builder.Build(query);
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return Refuse("the document nests deeper than the parser accepts; ask for less at a time");
        }
        catch (GraphQLSyntaxErrorException)
        {
            // The executer parses it again and reports the syntax error as usual.
            return await next(executionOptions);
        }
        var limits = options.Value;
        foreach (var shape in DocumentShape.Measure(executionOptions.Document, executionOptions.CancellationToken))
        {
            if (Problem(shape, limits) is { } problem) return Refuse(problem);
            if (DocumentShape.MostRepeatedName(executionOptions.Document, shape.Operation) is (var name, > MaxRepeatsOfAName) repeated)
                return Refuse($"'{name}' is selected {repeated.Count} times in one selection set, more than the {MaxRepeatsOfAName} allowed; use aliases or ask once");
        }
        return await next(executionOptions);
    }

    private static string? Problem(OperationShape shape, RequestLimits limits)
    {
        var (fields, depth) = shape.IntrospectionOnly ? (IntrospectionFields, IntrospectionDepth) : (limits.MaxFields, limits.MaxDepth);
        var what = shape.Described;
        if (shape.FragmentNesting > DocumentShape.MaxFragmentNesting)
            return $"{what} nests fragments more than {DocumentShape.MaxFragmentNesting} deep";
        if (shape.Fields > fields) return $"{what} selects {Count(shape.Fields)} fields once its fragments are spread, more than the {fields} allowed";
        if (shape.Aliases > limits.MaxAliases) return $"{what} uses {Count(shape.Aliases)} aliases once its fragments are spread, more than the {limits.MaxAliases} allowed";
        if (shape.Depth > depth) return $"{what} nests {shape.Depth} fields deep, more than the {depth} allowed";
        return null;
    }

    private static string Count(long value) => value >= DocumentShape.Saturated ? "too many" : value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ExecutionResult Refuse(string message) => new()
    {
        Executed = false,
        Errors = [new ExecutionError(message) { Code = ApiErrors.QueryTooComplex }],
    };
}
