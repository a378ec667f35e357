using ConflictGraph.Core.Rules;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Schema;

/// <summary>Bounds on what one query may ask for (section <c>ConflictGraph:Limits</c>).</summary>
public sealed class SchemaLimits
{
    public const string Section = "ConflictGraph:Limits";

    /// <summary>The largest <c>first</c> a connection accepts.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>The deepest <c>paths</c> search, at most <see cref="TraversalLimits.MaxPathDepth"/>.</summary>
    public int MaxPathDepth { get; set; } = 6;

    /// <summary>The deepest <c>escalation</c> walk, at most <see cref="TraversalLimits.MaxEscalationDepth"/>.</summary>
    public int MaxEscalationDepth { get; set; } = TraversalLimits.MaxEscalationDepth;

    /// <summary>The depth, when it lies in 1..<see cref="MaxPathDepth"/>.</summary>
    /// <exception cref="GraphQL.ExecutionError">BAD_USER_INPUT naming the bounds.</exception>
    public int CheckPathDepth(int depth) => Check(depth, MaxPathDepth);

    /// <summary>The depth, when it lies in 1..<see cref="MaxEscalationDepth"/>.</summary>
    /// <exception cref="GraphQL.ExecutionError">BAD_USER_INPUT naming the bounds.</exception>
    public int CheckEscalationDepth(int depth) => Check(depth, MaxEscalationDepth);

    private static int Check(int depth, int max) =>
        depth >= 1 && depth <= max ? depth : throw ApiErrors.BadInput($"maxDepth: {depth} is outside 1..{max}");
}

/// <summary>Refuses limits that cannot work, or that ask for more than the stores' ceilings, at start.</summary>
public sealed class SchemaLimitsValidator : IValidateOptions<SchemaLimits>
{
    public ValidateOptionsResult Validate(string? name, SchemaLimits options)
    {
        var failures = new List<string>();
        if (options.MaxPageSize < 1) failures.Add($"{SchemaLimits.Section}:MaxPageSize is {options.MaxPageSize}; it must be at least 1");
        if (options.MaxPathDepth is < 1 or > TraversalLimits.MaxPathDepth)
            failures.Add($"{SchemaLimits.Section}:MaxPathDepth is {options.MaxPathDepth}; it must lie in 1..{TraversalLimits.MaxPathDepth}");
        if (options.MaxEscalationDepth is < 1 or > TraversalLimits.MaxEscalationDepth)
            failures.Add($"{SchemaLimits.Section}:MaxEscalationDepth is {options.MaxEscalationDepth}; it must lie in 1..{TraversalLimits.MaxEscalationDepth}");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
