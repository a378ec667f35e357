using System.ComponentModel.DataAnnotations;

namespace ConflictGraph.Api.Exports;

/// <summary>Bounds of the graph export (section <c>ConflictGraph:Exports</c>).</summary>
public sealed class ExportOptions
{
    public const string Section = "ConflictGraph:Exports";

    /// <summary>The deepest neighbourhood <c>/export/graph.graphml</c> serves; a larger depth is a 400.</summary>
    [Range(1, 6)]
    public int MaxGraphDepth { get; set; } = 3;

    /// <summary>The most nodes a graph export holds; a neighbourhood with more is a 400 that says so.</summary>
    [Range(1, 1_000_000)]
    public int MaxGraphNodes { get; set; } = 5_000;
}
