using ConflictGraph.Core.Import.Sources;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Core.Import;

/// <summary>How many items an input holds, by kind.</summary>
public record GraphSize(long Nodes, long Relations, long Facts)
{
    public long Items => Nodes + Relations + Facts;
}

/// <summary>What validating an input found, and what the write needs from it.</summary>
public sealed record ValidationResult(IReadOnlyList<ValidationProblem> Problems, BatchNodeIds NodeIds, long Nodes, long Relations, long Facts)
    : GraphSize(Nodes, Relations, Facts);

/// <summary>
/// Finds every problem in an input at once, each with its path, in one pass over the input that
/// keeps only compact sets: the batch's node ids as fingerprints with their places, the claims
/// seen per (target, statement), and the references still waiting for an id. Ids the batch does
/// not hold are looked up in the store a thousand at a time; the store is never written.
/// </summary>
public static class GraphValidator
{
    public static async Task<IReadOnlyList<ValidationProblem>> ValidateAsync(GraphInput input, IGraphStore? store, CancellationToken cancellationToken) =>
        (await ValidateAsync(new InputSource(input), store, cancellationToken)).Problems;

    /// <summary>
    /// Validates the source. When a file cannot be read, the result's problems are the source's
    /// <see cref="IGraphSource.ReadProblems"/> alone: the rest of the input was not seen whole.
    /// </summary>
    public static async Task<ValidationResult> ValidateAsync(IGraphSource source, IGraphStore? store, CancellationToken cancellationToken)
    {
        var pass = new ValidationPass(source, store, new BatchNodeIds(), gate: null);
        await foreach (var item in Items(source, SectionGroup.Nodes, cancellationToken)) await pass.NodeAsync(item, cancellationToken);
        await pass.EndOfNodesAsync(cancellationToken);
        await foreach (var item in Items(source, SectionGroup.Links, cancellationToken)) await pass.LinkAsync(item, cancellationToken);
        return await pass.EndAsync(cancellationToken);
    }

    /// <summary>
    /// A group's items, read and parsed on a second thread a few blocks ahead of the checks. Parsing is the larger part of
    /// validation, so the rest (naming each item's path included) stays on this thread.
    /// </summary>
    internal static IAsyncEnumerable<GraphItem> Items(IGraphSource source, SectionGroup group, CancellationToken cancellationToken) =>
        ReadAhead.Of(source.ReadAsync(group, cancellationToken), blockSize: 256, blocks: 4, cancellationToken);
}

/// <summary>
/// One validation of an input, fed its items in import order: every node, <see cref="EndOfNodesAsync"/>, every relation and
/// fact, then <see cref="EndAsync"/> for the problems. <see cref="GraphValidator"/> feeds it alone; an import feeds it the
/// items it writes (<see cref="GraphChunks"/>), so the input is parsed once for both.
/// </summary>
internal sealed class ValidationPass
{
    private readonly IGraphSource source;
    private readonly IGraphStore? store;
    private readonly ProblemList problems = new();
    private readonly List<PendingReference> references = [];
    private readonly NodeChecks nodeChecks;
    private readonly RelationChecks relationChecks;
    private readonly FactChecks factChecks;
    private readonly BatchNodeIds ids;
    private readonly Lock? gate;
    private readonly ReferenceResolver resolver;
    private long nodes, relations, facts;

    /// <param name="gate">Held while an id is registered, when another thread asks <paramref name="ids"/> meanwhile.</param>
    public ValidationPass(IGraphSource source, IGraphStore? store, BatchNodeIds ids, Lock? gate)
    {
        this.source = source;
        this.store = store;
        this.ids = ids;
        this.gate = gate;
        var fields = new FieldChecks(problems);
        nodeChecks = new NodeChecks(problems, fields);
        var claims = new ClaimChecks(problems, fields, references, source.Where);
        relationChecks = new RelationChecks(problems, fields, claims, references);
        factChecks = new FactChecks(problems, fields, claims, references);
        resolver = new ReferenceResolver(problems, ids, store);
    }

    /// <summary>No problem found so far (a reference waiting for the end of the nodes or a store lookup may still be one).</summary>
    public bool Clean => problems.Count == 0;

    public async ValueTask NodeAsync(GraphItem item, CancellationToken cancellationToken)
    {
        var (place, value) = item;
        nodes++;
        var path = source.Where(place);
        problems.Order = place.Order;
        if (value is null)
        {
            problems.Add(path, "must be an object, not null");
            return;
        }
        if (nodeChecks.Id(value, path) is { } id && Register(id, place) is var (first, repeat))
            problems.Add(ProblemList.Fields, repeat.Order, -1, source.Where(repeat, ".id"), $"'{id}' also used by {source.Where(first)}");
        references.Clear();
        nodeChecks.Check(value, path, references);
        await resolver.ReferencesAsync(references, place.Order, cancellationToken);
    }

    public ValueTask EndOfNodesAsync(CancellationToken cancellationToken) => resolver.EndOfNodesAsync(cancellationToken);

    public async ValueTask LinkAsync(GraphItem item, CancellationToken cancellationToken)
    {
        var (place, value) = item;
        var path = source.Where(place);
        problems.Order = place.Order;
        references.Clear();
        PendingRelation? relation = null;
        if (place.Section == GraphSection.Relations)
        {
            relations++;
            relation = relationChecks.Check(value as RelationInput, place, path);
        }
        else
        {
            facts++;
            factChecks.Check(value as FactInput, place, path);
        }
        await resolver.ReferencesAsync(references, place.Order, cancellationToken);
        if (relation is not null) await resolver.RelationAsync(relation, place.Order, cancellationToken);
    }

    public async Task<ValidationResult> EndAsync(CancellationToken cancellationToken)
    {
        await resolver.EndAsync(cancellationToken);
        if (source.ReadProblems.Count > 0) return new ValidationResult(source.ReadProblems, ids, nodes, relations, facts);

        var nesting = resolver.Nesting;
        foreach (var (index, chain) in await ContainmentCycles.FindAsync(nesting.Select(n => (n.Relation.Type, n.Relation.FromId, n.Relation.ToId)).ToList(), store, cancellationToken))
        {
            var (relation, order) = nesting[index];
            problems.Add(ProblemList.Cycles, order, 0, $"{relation.Path}.toId",
                $"{EnumNames.Of(relation.Type)} '{relation.FromId}' -> '{relation.ToId}' closes a cycle: '{relation.ToId}' already lies inside '{relation.FromId}' ({string.Join(" -> ", chain)})");
        }
        return new ValidationResult(problems.Sorted(), ids, nodes, relations, facts);
    }

    private (ItemPlace First, ItemPlace Repeat)? Register(string id, ItemPlace place)
    {
        if (gate is null) return ids.Register(id, place);
        lock (gate) return ids.Register(id, place);
    }
}
