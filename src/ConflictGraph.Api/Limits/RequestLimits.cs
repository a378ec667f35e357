using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Limits;

/// <summary>Request limits (section <c>ConflictGraph:Limits</c>); each has a default that suits a public read API.</summary>
public sealed class RequestLimits
{
    public const string Section = "ConflictGraph:Limits";

    /// <summary>Largest request body; a larger one is refused with 413 (Kestrel's own limit follows it).</summary>
    public long MaxBodyBytes { get; set; } = 1 << 20;

    /// <summary>Deepest selection, with fragments spread in place.</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>Largest estimated cost (<see cref="CostModel"/>), each list counting its expected size; refused before anything runs.</summary>
    public int MaxComplexity { get; set; } = 400_000;

    /// <summary>Most list items one query's answer may hold (items of nested lists counted each); past it the query is stopped.</summary>
    public int MaxListItems { get; set; } = 100_000;

    /// <summary>Most aliased fields, with fragments spread in place.</summary>
    public int MaxAliases { get; set; } = 50;

    /// <summary>Most field selections, with fragments spread in place (ten spreads of a fragment count ten times).</summary>
    public int MaxFields { get; set; } = 500;

    /// <summary>Most errors one response lists; the rest are summed up in a last error.</summary>
    public int MaxErrors { get; set; } = 20;

    /// <summary>How long one operation (query, mutation, or a subscription's set-up) may run before it is stopped, over HTTP and WebSocket alike.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Refuses limits that cannot work, at start, naming the setting.</summary>
public sealed class RequestLimitsValidator : IValidateOptions<RequestLimits>
{
    public ValidateOptionsResult Validate(string? name, RequestLimits options)
    {
        var failures = new List<string>();
        void AtLeastOne(string setting, long value)
        {
            if (value < 1) failures.Add($"{RequestLimits.Section}:{setting} is {value}; it must be at least 1");
        }
        AtLeastOne(nameof(options.MaxBodyBytes), options.MaxBodyBytes);
        AtLeastOne(nameof(options.MaxDepth), options.MaxDepth);
        AtLeastOne(nameof(options.MaxComplexity), options.MaxComplexity);
        AtLeastOne(nameof(options.MaxListItems), options.MaxListItems);
        AtLeastOne(nameof(options.MaxFields), options.MaxFields);
        AtLeastOne(nameof(options.MaxErrors), options.MaxErrors);
        if (options.MaxAliases < 0) failures.Add($"{RequestLimits.Section}:MaxAliases is {options.MaxAliases}; it must not be negative");
        if (options.ExecutionTimeout <= TimeSpan.Zero)
            failures.Add($"{RequestLimits.Section}:ExecutionTimeout is {options.ExecutionTimeout}; it must be positive");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
