using ConflictGraph.Api.Loading;
using ConflictGraph.Api.Relations;
using ConflictGraph.Core.Model;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Schema;

/// <summary>Small helpers the graph types share.</summary>
public static class Fields
{
    /// <summary>The request's loaders: a query's from its context, where the query strategy put them, any other operation's from its services.</summary>
    public static GraphLoaders Loaders(this IResolveFieldContext context) =>
        context.UserContext is GraphRequestContext { Loaders: { } loaders } ? loaders : context.RequestServices!.GetRequiredService<GraphLoaders>();

    public static SchemaLimits Limits(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<IOptions<SchemaLimits>>().Value;

    public static IReadOnlyList<T>? ListArgument<T>(this IResolveFieldContext context, string name) =>
        context.GetArgument<List<T>?>(name);

    /// <summary>
    /// Resolves a field from its source alone, with a plain resolver: GraphQL.NET wraps the context in a new typed
    /// adapter on every call of a typed <c>Resolve(c => c.Source.X)</c>, and the hot types' fields are read many
    /// times a request. The one home of that pattern.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> ResolveSource<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, Func<TSource, object?> read) =>
        field.Resolve(FromSource(read));

    /// <summary>As <see cref="ResolveSource{TSource, TReturn}(FieldBuilder{TSource, TReturn}, Func{TSource, object?})"/>, with the context too (for its loaders and arguments).</summary>
    public static FieldBuilder<TSource, TReturn> ResolveSource<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, Func<IResolveFieldContext, TSource, object?> read) =>
        field.Resolve(new ContextSourceResolver<TSource>(read));

    private sealed class ContextSourceResolver<TSource>(Func<IResolveFieldContext, TSource, object?> read) : IFieldResolver
    {
        public ValueTask<object?> ResolveAsync(IResolveFieldContext context) => new(read(context, (TSource)context.Source!));
    }

    /// <summary>A plain resolver reading the field from its source as <typeparamref name="TSource"/>.</summary>
    public static IFieldResolver FromSource<TSource>(Func<TSource, object?> read) => new SourceResolver<TSource>(read);

    private sealed class SourceResolver<TSource>(Func<TSource, object?> read) : IFieldResolver
    {
        public ValueTask<object?> ResolveAsync(IResolveFieldContext context) => new(read((TSource)context.Source!));
    }

    /// <summary>The <c>relations(types, direction)</c> field every node with edges has.</summary>
    public static void RelationsField<TSource>(this ObjectGraphType<TSource> type) where TSource : Node
    {
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationGraphType>>>>("relations")
            .Description("Relations touching this node, with the statements that claim and dispute each.")
            .Argument<ListGraphType<NonNullGraphType<EnumerationGraphType<RelationType>>>>("types", "Only these relation types; all when omitted.")
            .Argument<EnumerationGraphType<Direction>>("direction", "OUTGOING from this node, INCOMING to it, or BOTH.", a => a.DefaultValue = Direction.Both)
            .Resolve(context => context.Loaders().Relations(
                context.Source.Id, context.GetArgument("direction", Direction.Both), context.ListArgument<RelationType>("types")));
    }
}
