namespace ConflictGraph.Api.Transport;

/// <summary>Who may read and write (section <c>ConflictGraph:Auth</c>).</summary>
public sealed class AccessOptions
{
    public const string Section = "ConflictGraph:Auth";

    /// <summary>Keys accepted as <c>Authorization: Bearer KEY</c> for importGraph and deleteNode.</summary>
    public List<string> WriteKeys { get; set; } = [];

    /// <summary>When any is set, reads need one of these keys (or a write key) too.</summary>
    public List<string> ReadKeys { get; set; } = [];
}
