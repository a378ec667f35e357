using System.Runtime.CompilerServices;
using ConflictGraph.Core.Rules;
using ConflictGraph.Api.Schema;
using GraphQL.Types;
using GraphQL.Validation.Complexity;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Limits;

/// <summary>
/// What GraphQL.NET's complexity analyzer charges for fields its default cannot judge. A
/// <c>paths</c> search reads one level of neighbours per step, each level up to
/// <see cref="PathBranching"/> times the last, so its cost grows with <c>maxDepth</c>.
/// Introspection lists count as long as the longest such list in this schema, so the standard
/// introspection query fits and nesting <c>fields { type { fields ... } }</c> does not.
/// </summary>
public static class CostModel
{
    /// <summary>The growth per level a path search is charged for.</summary>
    public const double PathBranching = 8;

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
        if (parent.StartsWith("__", StringComparison.Ordinal)
            && IntrospectionSizes.GetValue(context.ValidationContext.Schema, Measure).TryGetValue((parent, field), out var size))
            return new FieldComplexityResult(1, size);
        return fallback(context);
    };

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
