namespace ConflictGraph.Sqlite.Reading;

internal static class Traversal
{
    /// <summary>Bounds walks up place containment, so a cycle in bad data cannot loop forever.</summary>
    public const int MaxContainmentDepth = 32;
}
