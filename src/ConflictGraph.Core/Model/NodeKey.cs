namespace ConflictGraph.Core.Model;

/// <summary>
/// A node read without its body: its id and its kind, as an index holds them. A store returns these only for
/// a page that asks for keys (<see cref="Paging.PageRequest.KeysOnly"/>), whose caller reads nothing else of
/// the node; everything else about it (its label, its fields) was not read.
/// </summary>
public sealed record NodeKey(string Id, NodeKind KeyKind) : Node(Id)
{
    public override NodeKind Kind => KeyKind;

    /// <exception cref="InvalidOperationException">Always: the label is in the body, which was not read.</exception>
    public override string Label => throw new InvalidOperationException($"node {Id} was read without its body, so its label is unknown");

    public override string ToString() => $"NodeKey {{ Id = {Id}, Kind = {Kind} }}";
}
