namespace ConflictGraph.Api.Transport;

/// <summary>Browser origins allowed to call the API (section <c>ConflictGraph:Cors</c>).</summary>
public sealed class CorsSettings
{
    public const string Section = "ConflictGraph:Cors";

    public List<string> Origins { get; set; } = [];
}
