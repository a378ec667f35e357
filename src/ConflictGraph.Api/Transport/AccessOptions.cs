namespace ConflictGraph.Api.Transport;

/// <summary>Who may read and write (section <c>ConflictGraph:Auth</c>).</summary>
public sealed class AccessOptions
{
    public const string Section = "ConflictGraph:Auth";

    /// <summary>
    /// Keys accepted as <c>Authorization: Bearer KEY</c> for writes. The change log names each by its
    /// place in this list (<c>write-key-1</c>, <c>write-key-2</c>, ...), never by the key itself.
    /// </summary>
    public List<string> WriteKeys { get; set; } = [];

    /// <summary>Write keys by name (<c>NamedWriteKeys:newsroom = KEY</c>): the change log records the name as the writer.</summary>
    public Dictionary<string, string> NamedWriteKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>When any is set, reads need one of these keys (or a write key) too.</summary>
    public List<string> ReadKeys { get; set; } = [];

    /// <summary>The name history records for the unnamed write key at <paramref name="index"/> (from 0).</summary>
    public static string UnnamedWriter(int index) => $"write-key-{index + 1}";

    /// <summary>Every usable write key with the name history records for it.</summary>
    public IEnumerable<(string Writer, string Key)> Writers() =>
        WriteKeys.Select((key, i) => (UnnamedWriter(i), key)).Concat(NamedWriteKeys.Select(n => (n.Key, n.Value))).Where(w => !string.IsNullOrEmpty(w.Item2));
}
