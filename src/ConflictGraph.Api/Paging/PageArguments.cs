using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Paging;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Execution;
using GraphQL.Types;

namespace ConflictGraph.Api.Paging;

/// <summary>The <c>first</c> and <c>after</c> arguments of every connection, checked before any read.</summary>
public static class PageArguments
{
    public static FieldBuilder<TSource, TReturn> Paged<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, int defaultFirst = 20) => field
        .Argument<IntGraphType>("first", "How many items, at most the configured maximum page size (default 100).", a => a.DefaultValue = defaultFirst)
        .Argument<StringGraphType>("after", "The endCursor of the previous page.");

    /// <exception cref="ExecutionError">BAD_USER_INPUT for a negative or too large <c>first</c>, or a cursor we did not issue.</exception>
    public static PageRequest Page(this IResolveFieldContext context, int defaultFirst = 20)
    {
        var first = context.GetArgument("first", defaultFirst);
        var max = context.Limits().MaxPageSize;
        // The schema's default never exceeds a lower configured maximum; only an explicit value is refused.
        if (context.Arguments?.TryGetValue("first", out var given) != true || given.Source == ArgumentSource.FieldDefault) first = Math.Min(first, max);
        if (first < 0) throw ApiErrors.BadInput($"first: {first} is negative; ask for 0 to {max} items");
        if (first > max) throw ApiErrors.BadInput($"first: {first} is more than the maximum page size {max}; page with `after` instead");
        var after = context.GetArgument<string?>("after");
        if (after is not null)
        {
            try
            {
                Cursor.Decode(after);
            }
            catch (InvalidCursorException e)
            {
                throw ApiErrors.BadInput($"after: {e.Message}");
            }
        }
        return new PageRequest(first, after);
    }
}
