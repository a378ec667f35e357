using ConflictGraph.Core.Model;

namespace ConflictGraph.Core.Store;

/// <summary>The relations and facts some statements claim or dispute, each with all its claims.</summary>
public sealed record Citations(IReadOnlyList<Relation> Relations, IReadOnlyList<Fact> Facts)
{
    public static readonly Citations Empty = new([], []);
}

/// <summary>The events an event is part of (PART_OF, up) and the events part of it (down), transitively.</summary>
public sealed record EventFamily(IReadOnlyList<string> Ancestors, IReadOnlyList<string> Descendants)
{
    public static readonly EventFamily None = new([], []);
}
