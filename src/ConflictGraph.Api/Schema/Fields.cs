using ConflictGraph.Api.Loading;
using ConflictGraph.Api.Relations;
using ConflictGraph.Core.Model;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Schema;

/// <summary>Small helpers the graph types share.</summary>
public static class Fields
{
    public static GraphLoaders Loaders(this IResolveFieldContext context) => context.RequestServices!.GetRequiredService<GraphLoaders>();

    public static SchemaLimits Limits(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<IOptions<SchemaLimits>>().Value;

    public static IReadOnlyList<T>? ListArgument<T>(this IResolveFieldContext context, string name) =>
        context.GetArgument<List<T>?>(name);

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
