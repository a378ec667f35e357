namespace ConflictGraph.Api.Limits;

/// <summary>Request limits (section <c>ConflictGraph:Limits</c>); each has a default that suits a public read API.</summary>
public sealed class RequestLimits
{
    public const string Section = "ConflictGraph:Limits";

    /// <summary>Largest request body; a larger one is refused with 413.</summary>
    public long MaxBodyBytes { get; set; } = 1 << 20;

    /// <summary>Deepest selection set (introspection is let through).</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>Largest estimated cost, each list field counting its expected size.</summary>
    public int MaxComplexity { get; set; } = 5_000_000;

    public int MaxAliases { get; set; } = 50;

    public int MaxFields { get; set; } = 500;

    /// <summary>How long one operation may run before it is stopped.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
