namespace ConflictGraph.Api.Diagnostics;

/// <summary>Measurement aids for benchmarks; everything is off unless configured.</summary>
public sealed class DiagnosticsOptions
{
    public const string Section = "ConflictGraph:Diagnostics";

    /// <summary>Serves <c>/floor/*</c>: a node read straight from the store with no GraphQL, and the process's allocation count.</summary>
    public bool Floor { get; set; }

    /// <summary>Adds <c>extensions.cost</c> (store calls and time in the store) to every GraphQL response.</summary>
    public bool Cost { get; set; }

    /// <summary>Logs every request as ASP.NET Core does at Information (several lines each); off, only its warnings and errors.</summary>
    public bool RequestLogging { get; set; }
}
