using System.Runtime.CompilerServices;
using ConflictGraph.Core.Rules;
using ConflictGraph.Api.Schema;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQL.Validation.Complexity;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Limits;

/// <summary>
/// What GraphQL.NET's complexity analyzer charges: each field 1 (a connection's <c>totalCount</c>
/// <see cref="TotalCount"/>, or <see cref="KeptTotal"/> where the store keeps it), times the expected length of every list above it. A list's length is its <c>first</c> (a connection's <c>nodes</c> and
/// <c>edges</c> take their connection's), so nested pages multiply; <c>nodes(ids:)</c> is as
/// long as its ids; any other list counts <see cref="ListWithoutFirst"/>. A <c>paths</c> search
/// reads one level of neighbours per step, each level up to <see cref="PathBranching"/> times the
/// last, so its cost grows with <c>maxDepth</c>. Introspection lists count as long as the longest
/// such list in this schema, so the standard introspection query fits its own ceiling
/// (<see cref="CostLimitRule.IntrospectionCost"/>) and nesting <c>fields { type { fields ... } }</c> does not.
/// </summary>
public static class CostModel
{
    /// <summary>The growth per level a path search is charged for.</summary>
    public const double PathBranching = 8;

    /// <summary>
    /// The expected length of a list without <c>first</c> (an event's perpetrators, places, statements, a relation's
    /// claims): 1 to 3 on the benchmark stores. A list that is longer in fact is what <c>MaxListItems</c> stops.
    /// </summary>
    public const double ListWithoutFirst = 5;

    /// <summary>
    /// What a connection's <c>totalCount</c> costs, where any other field costs 1: the store counts every item of that
    /// connection (a page reads only its own), once for each item of the lists above it. Measured at 1M events
    /// (BENCHMARKS.md, "Request limits that bound the work, session 19"): an item of a page cost about 5 us of store time;
    /// a count from a kept total or an index 26-64 us, and one that walks a hub's events (an actor's carriedOut, a
    /// country's events) 10-12 ms, 2,000 items' worth.
    /// </summary>
    public const double TotalCount = 1_000;

    /// <summary>
    /// What a <c>totalCount</c> the store keeps costs: an organization's statements, a count kept as statements are
    /// written. Measured at 1M events (BENCHMARKS.md, "Every list a query asks bounded, session 20"): 33-50 us a parent
    /// (the largest, of 29,036 statements, too), 10 items' worth at 5 us an item; a person's statements, counted from an
    /// index by speaker, took 2.8 ms a parent and 37 ms for the most speaking, an organization's carriedOut 40 ms.
    /// </summary>
    public const double KeptTotal = 10;

    /// <summary>The metadata that marks a connection field whose <c>totalCount</c> is <see cref="KeptTotal"/> (<see cref="KeepsTotal"/>).</summary>
    private const string KeptTotalKey = "cost.keptTotal";

    /// <summary>Marks a connection whose store keeps its total: its <c>totalCount</c> is priced <see cref="KeptTotal"/>.</summary>
    public static FieldBuilder<TSource, TReturn> KeepsTotal<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.WithMetadata(KeptTotalKey, true);

    /// <summary>What the <c>totalCount</c> of <paramref name="connection"/> costs.</summary>
    public static double TotalCountOf(FieldType connection) => connection.GetMetadata(KeptTotalKey, false) ? KeptTotal : TotalCount;

    /// <summary>The arguments a price is read from; a document that takes any of them from a variable is priced at every run.</summary>
    public static readonly IReadOnlySet<string> Inputs = new HashSet<string>(StringComparer.Ordinal) { "first", "last", "maxDepth", "ids" };

    /// <summary>A depth outside what <c>paths</c> accepts costs nothing here: its resolver refuses it, naming the bounds.</summary>
    public static double PathCost(int maxDepth, int allowed) => maxDepth >= 1 && maxDepth <= allowed ? Math.Pow(PathBranching, maxDepth) : 1;

    private static readonly ConditionalWeakTable<ISchema, Dictionary<(string, string), double>> IntrospectionSizes = new();

    public static Func<FieldImpactContext, FieldComplexityResult> Around(Func<FieldImpactContext, FieldComplexityResult> fallback) => context =>
    {
        var parent = context.ParentType.Name;
        var field = context.FieldDefinition.Name;
        if (parent == "Query" && field == "paths")
        {
            var allowed = context.ValidationContext.RequestServices?.GetService<IOptions<SchemaLimits>>()?.Value.MaxPathDepth ?? TraversalLimits.MaxPathDepth;
            return new FieldComplexityResult(PathCost(context.GetArgument("maxDepth", 4), allowed), Math.Max(1, context.GetArgument("first", 3)));
        }
        if (field == "totalCount" && parent.EndsWith("Connection", StringComparison.Ordinal))
            return new FieldComplexityResult(context.Parent is { } connection ? TotalCountOf(connection.FieldDefinition) : TotalCount, 1);
        if (parent == "Query" && field == "nodes")
            return new FieldComplexityResult(1, Math.Max(1, context.GetArgument<object?>("ids") is System.Collections.ICollection ids ? ids.Count : 1));
        if (IsList(context.FieldDefinition) && (First(context) ?? (context.Parent is { } page && !IsList(page.FieldDefinition) ? First(page) : null)) is { } first)
            return new FieldComplexityResult(1, first);
        if (parent.StartsWith("__", StringComparison.Ordinal)
            && IntrospectionSizes.GetValue(context.ValidationContext.Schema, Measure).TryGetValue((parent, field), out var size))
            return new FieldComplexityResult(1, size);
        return fallback(context);
    };

    /// <summary>A field's <c>first</c> as given, else its default (a connection asked without one returns its default page).</summary>
    private static int? First(FieldImpactContext context) =>
        context.Arguments?.TryGetValue("first", out var given) == true && given.Value is int first ? first
        : context.FieldDefinition.Arguments?.Find("first")?.DefaultValue is int byDefault ? byDefault : null;

    private static bool IsList(FieldType field) => field.ResolvedType is ListGraphType or NonNullGraphType { ResolvedType: ListGraphType };

    private static Dictionary<(string, string), double> Measure(ISchema schema)
    {
        var types = schema.AllTypes.ToList();
        double Longest(Func<IGraphType, int> count) => Math.Max(1, types.Select(count).DefaultIfEmpty(1).Max());
        var fields = Longest(t => t is IComplexGraphType complex ? complex.Fields.Count : 0);
        var args = Math.Max(
            Longest(t => t is IComplexGraphType complex ? complex.Fields.Select(f => f.Arguments?.Count ?? 0).DefaultIfEmpty(0).Max() : 0),
            schema.Directives.Select(d => d.Arguments?.Count ?? 0).DefaultIfEmpty(1).Max());
        return new Dictionary<(string, string), double>
        {
            [("__Schema", "types")] = types.Count,
            [("__Schema", "directives")] = Math.Max(1, schema.Directives.Count),
            [("__Type", "fields")] = fields,
            [("__Type", "inputFields")] = fields,
            [("__Type", "enumValues")] = Longest(t => t is EnumerationGraphType e ? e.Values.Count : 0),
            [("__Type", "interfaces")] = Longest(t => t is IImplementInterfaces i ? i.ResolvedInterfaces.Count : 0),
            [("__Type", "possibleTypes")] = Longest(t => t is IAbstractGraphType a ? a.PossibleTypes.Count : 0),
            [("__Field", "args")] = args,
            [("__Directive", "args")] = args,
            [("__Directive", "locations")] = 20,
        };
    }
}
