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

/// <summary>Bounds on what one query may ask for (section <c>ConflictGraph:Limits</c>).</summary>
public sealed class SchemaLimits
{
    public const string Section = "ConflictGraph:Limits";

    /// <summary>The largest <c>first</c> a connection accepts.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>The deepest <c>paths</c> search.</summary>
    public int MaxPathDepth { get; set; } = 6;

    /// <summary>The deepest <c>escalation</c> walk.</summary>
    public int MaxEscalationDepth { get; set; } = 20;
}
