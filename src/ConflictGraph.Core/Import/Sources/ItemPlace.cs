namespace ConflictGraph.Core.Import.Sources;

/// <summary>
/// Where an item is: its section, the file it came from (0 for a single document) and its index
/// in that file's list. <see cref="Order"/> sorts items as an import takes them: by section, then
/// file, then index.
/// </summary>
public readonly record struct ItemPlace(GraphSection Section, int File, int Index)
{
    public long Order => ((long)Section << 56) | ((long)File << 32) | (uint)Index;

    public static ItemPlace FromOrder(long order) => new((GraphSection)(order >> 56), (int)((order >> 32) & 0xFFFFFF), (int)(uint)order);

    /// <summary>The path as a single document knows it, e.g. <c>events[3]</c>.</summary>
    public override string ToString() => $"{Section.Name()}[{Index}]";
}

/// <summary>One item of an input, as read: a node input, a <see cref="RelationInput"/> or a <see cref="FactInput"/> (null when the list held null).</summary>
public readonly record struct GraphItem(ItemPlace Place, object? Value);
