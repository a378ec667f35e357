namespace ConflictGraph.Core.Rules;

/// <summary>
/// The ceilings of every walk over the graph, the same for every store. Settings may lower the
/// depth a request can ask for, never raise it past these: a store refuses a deeper walk rather
/// than silently cutting it short.
/// </summary>
public static class TraversalLimits
{
    /// <summary>The longest escalation chain (RETALIATION_FOR and RESPONSE_TO steps) a store follows.</summary>
    public const int MaxEscalationDepth = 20;

    /// <summary>The longest path <c>paths</c> searches for.</summary>
    public const int MaxPathDepth = 8;

    /// <summary>How deep places nest through LOCATED_IN; bounds the walk even if bad data holds a cycle.</summary>
    public const int MaxContainmentDepth = 32;

    /// <summary>How deep events nest through PART_OF (an event family's walk, each way); bounds the walk even if bad data holds a cycle.</summary>
    public const int MaxPartOfDepth = 16;

    /// <summary>The partial paths kept per level of a path search, so a hub node cannot exhaust memory.</summary>
    public const int MaxPathFrontier = 20_000;

    /// <exception cref="ArgumentOutOfRangeException">The depth is below 1 or above <see cref="MaxEscalationDepth"/>.</exception>
    public static void CheckEscalationDepth(int depth) => Check(depth, MaxEscalationDepth, "escalation depth");

    /// <exception cref="ArgumentOutOfRangeException">The depth is below 1 or above <see cref="MaxPathDepth"/>.</exception>
    public static void CheckPathDepth(int depth) => Check(depth, MaxPathDepth, "path depth");

    private static void Check(int depth, int max, string what)
    {
        if (depth < 1 || depth > max)
            throw new ArgumentOutOfRangeException(nameof(depth), depth, $"{what} {depth} is outside 1..{max}");
    }
}
