namespace ConflictGraph.Core.Store;

/// <summary>
/// Who makes a write, as the change log records it (a write key's name, <see cref="Cli"/>,
/// <see cref="Seed"/>; never a key itself), and where an import reports how many items it wrote.
/// </summary>
public sealed record WriteContext(string Writer, IProgress<int>? Progress = null)
{
    /// <summary>Where an import reports each of its steps as it ends, with how long it took (a store may report none).</summary>
    public IProgress<ImportPhase>? Phases { get; init; }

    public const string Cli = "cli";
    public const string Seed = "seed";

    /// <summary>What the log records for a write that did not say who made it.</summary>
    public static readonly WriteContext Unattributed = new("unattributed");
}
