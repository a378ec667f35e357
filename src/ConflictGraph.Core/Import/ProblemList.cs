namespace ConflictGraph.Core.Import;

/// <summary>
/// The problems found so far. Each is filed under the phase that finds it (an item's own fields,
/// then references, then relation kinds, then cycles) and the item it is about, and they come out
/// in that order however the input was read: a reference resolved only at the end of the input
/// still lists with its item's other references.
/// </summary>
internal sealed class ProblemList
{
    public const int Fields = 0, References = 1, RelationKinds = 2, Cycles = 3;

    private readonly List<(int Phase, long Order, int Minor, long Seq, ValidationProblem Problem)> items = [];
    private long seq;

    /// <summary>The item being checked, by <see cref="Sources.ItemPlace.Order"/>; field problems are filed under it.</summary>
    public long Order { get; set; }

    public int Count => items.Count;

    public void Add(string path, string message) => Add(Fields, Order, 0, path, message);

    public void Add(string item, string field, string message) => Add($"{item}.{field}", message);

    /// <param name="minor">Orders problems of one phase and item, e.g. a reference's position among the item's references.</param>
    public void Add(int phase, long order, int minor, string path, string message) =>
        items.Add((phase, order, minor, seq++, new ValidationProblem(path, message)));

    public IReadOnlyList<ValidationProblem> Sorted() =>
        items.OrderBy(p => p.Phase).ThenBy(p => p.Order).ThenBy(p => p.Minor).ThenBy(p => p.Seq).Select(p => p.Problem).ToList();
}
