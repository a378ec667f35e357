using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Paging;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Execution;
using GraphQL.Types;

namespace ConflictGraph.Api.Paging;

/// <summary>
/// The one home of page sizes: <c>first</c> and <c>after</c> of every connection, <c>first</c>
/// of the plain lists (search, paths) and the length of an id list, all checked against
/// <see cref="SchemaLimits.MaxPageSize"/> before any read. A cursor we did not issue surfaces as
/// <see cref="InvalidCursorException"/>, which <c>ErrorCodes</c> turns into BAD_USER_INPUT.
/// </summary>
public static class PageArguments
{
    public static FieldBuilder<TSource, TReturn> Paged<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, int defaultFirst = 20) => field
        .Argument<IntGraphType>("first", "How many items, at most the configured maximum page size (default 100).", a => a.DefaultValue = defaultFirst)
        .Argument<StringGraphType>("after", "The endCursor of the previous page.");

    /// <exception cref="ExecutionError">BAD_USER_INPUT for a negative or too large <c>first</c>.</exception>
    /// <exception cref="InvalidCursorException">A cursor we did not issue.</exception>
    public static PageRequest Page(this IResolveFieldContext context, int defaultFirst = 20)
    {
        var after = context.GetArgument<string?>("after");
        if (after is not null) Cursor.Decode(after);
        return new PageRequest(context.First(defaultFirst), after, WantsTotal(context), NodeKeys.PageAsksKeysOnly(context));
    }

    /// <summary>True unless the connection's selection leaves totalCount out (then the store need not count).</summary>
    private static bool WantsTotal(IResolveFieldContext context) =>
        context.SubFields is not { } selected || selected.Values.Any(field => field.FieldType.Name == "totalCount");

    /// <summary>The field's <c>first</c>, checked; the schema's default never exceeds a lower configured maximum.</summary>
    /// <exception cref="ExecutionError">BAD_USER_INPUT for a negative or too large <c>first</c>.</exception>
    /// <param name="remedy">What to do instead of asking for more; a connection's is paging with <c>after</c>.</param>
    public static int First(this IResolveFieldContext context, int defaultFirst, string remedy = "page with `after` instead")
    {
        var first = context.GetArgument("first", defaultFirst);
        var max = context.Limits().MaxPageSize;
        if (context.Arguments?.TryGetValue("first", out var given) != true || given.Source == ArgumentSource.FieldDefault) first = Math.Min(first, max);
        CheckCount(context, "first", first, remedy);
        return first;
    }

    /// <exception cref="ExecutionError">BAD_USER_INPUT when <paramref name="count"/> items is negative or more than a page holds.</exception>
    public static void CheckCount(IResolveFieldContext context, string argument, int count, string remedy = "page with `after` instead")
    {
        var max = context.Limits().MaxPageSize;
        if (count < 0) throw ApiErrors.BadInput($"{argument}: {count} is negative; ask for 0 to {max} items");
        if (count > max) throw ApiErrors.BadInput($"{argument}: {count} is more than the maximum page size {max}; {remedy}");
    }
}
