using System.Globalization;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Errors.Custom;
using GraphQL.Validation.Rules.Custom;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Limits;

/// <summary>
/// Refuses an operation whose estimated cost (<see cref="CostModel"/>) is over
/// <see cref="RequestLimits.MaxComplexity"/> before anything runs, saying its figure, the limit and
/// how to ask for less. An introspection-only operation reads no store and is held to
/// <see cref="IntrospectionCost"/> instead, what the IDEs' introspection needs.
/// </summary>
public sealed class CostLimitRule(ComplexityOptions options, IOptions<RequestLimits> limits) : ComplexityValidationRule(options)
{
    /// <summary>graphql-js's introspection query with every option on is priced at about 534,000 here; this leaves it room and stops a nested one.</summary>
    public const int IntrospectionCost = 1_000_000;

    protected override ValueTask ValidateComplexityAsync(ValidationContext context, double totalComplexity, int maxDepth)
    {
        var introspection = OperationShape.Introspects(context.Operation);
        var allowed = introspection ? IntrospectionCost : limits.Value.MaxComplexity;
        if (totalComplexity > allowed) context.ReportError(new ComplexityError(Refusal(totalComplexity, allowed, introspection)));
        return default;
    }

    /// <summary>The refusal's wording, naming the figure, the limit and what to change.</summary>
    public static string Refusal(double cost, int allowed, bool introspection) => introspection
        ? $"the introspection operation is too complex: its estimated cost is {Figure(cost)}, more than the {Figure(allowed)} introspection may cost; "
            + "nest fewer `fields { type { fields ... } }` levels"
        : $"the operation is too complex: its estimated cost is {Figure(cost)}, more than the {Figure(allowed)} allowed ({RequestLimits.Section}:MaxComplexity); "
            + $"every field counts once for each item of the lists above it (a list's `first`, {CostModel.ListWithoutFirst} for a list without one, "
            + $"{CostModel.PathBranching} to the power of a path search's maxDepth), so nested pages multiply, and a `totalCount` counts {Figure(CostModel.TotalCount)} "
            + $"({Figure(CostModel.KeptTotal)} where the store keeps it: an organization's `statements`): "
            + "ask for a smaller `first`, fewer nested lists or totals, and page with `after`";

    private static string Figure(double value) => Math.Ceiling(value).ToString("N0", CultureInfo.InvariantCulture);
}
