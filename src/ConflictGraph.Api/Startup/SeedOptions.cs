namespace ConflictGraph.Api.Startup;

/// <summary>What to load into an empty store at start (section <c>ConflictGraph:Seed</c>).</summary>
public sealed class SeedOptions
{
    public const string Section = "ConflictGraph:Seed";

    /// <summary>Import <see cref="Path"/> when the store holds no node.</summary>
    public bool OnStartup { get; set; } = true;

    /// <summary>A folder of *.json files or one file; default: the repository's seed/ folder.</summary>
    public string? Path { get; set; }
}
