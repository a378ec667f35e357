namespace ConflictGraph.Core.Import.Sources;

/// <summary>
/// An input an import reads more than once, a section group at a time, without holding it: once
/// to validate, once to write. Every reading gives the same items in the same order (each node
/// section in file order, then relations and facts), so an item's <see cref="ItemPlace"/> names it
/// in both passes.
/// </summary>
public interface IGraphSource
{
    /// <summary>The items of one group, in order. A problem that stops a file from being read ends that file's items and is kept in <see cref="ReadProblems"/>.</summary>
    IAsyncEnumerable<GraphItem> ReadAsync(SectionGroup group, CancellationToken cancellationToken);

    /// <summary>The path as the user knows it: <c>seed/events.json: events[3].title</c>, or <c>events[3].title</c> for a single document.</summary>
    string Where(ItemPlace place, string? rest = null);

    /// <summary>Files that could not be read (JSON syntax, a wrong type, an unknown field), the first problem of each; the input must then not be imported.</summary>
    IReadOnlyList<ValidationProblem> ReadProblems { get; }

    /// <summary>
    /// How many items each group holds, without converting them (so far cheaper than a reading); an import sizes its
    /// write by it before the one pass that validates and writes. A problem found on the way is kept in <see cref="ReadProblems"/>.
    /// </summary>
    async ValueTask<GraphSize> CountAsync(CancellationToken cancellationToken)
    {
        long nodes = 0, relations = 0, facts = 0;
        await foreach (var item in ReadAsync(SectionGroup.Nodes, cancellationToken)) nodes++;
        await foreach (var item in ReadAsync(SectionGroup.Links, cancellationToken))
        {
            if (item.Place.Section == GraphSection.Relations) relations++;
            else facts++;
        }
        return new GraphSize(nodes, relations, facts);
    }
}
