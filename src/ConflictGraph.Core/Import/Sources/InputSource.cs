using System.Runtime.CompilerServices;

namespace ConflictGraph.Core.Import.Sources;

/// <summary>An input already in memory (the importGraph mutation, tests): its lists read in place, paths without a file name.</summary>
public sealed class InputSource(GraphInput input) : IGraphSource
{
    public IReadOnlyList<ValidationProblem> ReadProblems => [];

    public async IAsyncEnumerable<GraphItem> ReadAsync(SectionGroup group, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var section in GraphSections.All)
        {
            if (section.HoldsNodes() != (group == SectionGroup.Nodes)) continue;
            var items = Items(section);
            for (var i = 0; i < (items?.Count ?? 0); i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return new GraphItem(new ItemPlace(section, 0, i), items![i]);
            }
        }
    }

    public ValueTask<GraphSize> CountAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(new GraphSize(
            GraphSections.All.Where(s => s.HoldsNodes()).Sum(s => (long)(Items(s)?.Count ?? 0)), input.Relations?.Count ?? 0, input.Facts?.Count ?? 0));

    public string Where(ItemPlace place, string? rest = null) => $"{place}{rest}";

    private System.Collections.IList? Items(GraphSection section) => section switch
    {
        GraphSection.Persons => input.Persons,
        GraphSection.Organizations => input.Organizations,
        GraphSection.Places => input.Places,
        GraphSection.Events => input.Events,
        GraphSection.Sources => input.Sources,
        GraphSection.Statements => input.Statements,
        GraphSection.Relations => input.Relations,
        _ => input.Facts,
    };
}
