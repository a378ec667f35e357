namespace ConflictGraph.Api.Diagnostics;

/// <summary>Measurement aids for benchmarks; everything is off unless configured.</summary>
public sealed class DiagnosticsOptions
{
    public const string Section = "ConflictGraph:Diagnostics";

    /// <summary>Serves <c>/floor/*</c>: a node read straight from the store with no GraphQL, the process's allocation count, and its GC collections.</summary>
    public bool Floor { get; set; }

    /// <summary>
    /// Adds <c>extensions.cost</c> (calls that reached the store and the time in them, reads the read cache answered) to every
    /// GraphQL response (<see cref="CostReport"/>); off, nothing counts.
    /// </summary>
    public bool Cost { get; set; }

    /// <summary>Logs every request as ASP.NET Core does at Information (several lines each); off, only its warnings and errors.</summary>
    public bool RequestLogging { get; set; }
}
