using ConflictGraph.Core.Import.Sources;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Core.Import;

/// <summary>What validating an input found, and what the write needs from it.</summary>
public sealed record ValidationResult(IReadOnlyList<ValidationProblem> Problems, BatchNodeIds NodeIds, long Nodes, long Relations, long Facts)
{
    public long Items => Nodes + Relations + Facts;
}

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
        var problems = new ProblemList();
        var fields = new FieldChecks(problems);
        var references = new List<PendingReference>();
        var nodeChecks = new NodeChecks(problems, fields);
        var claims = new ClaimChecks(problems, fields, references, source.Where);
        var relationChecks = new RelationChecks(problems, fields, claims, references);
        var factChecks = new FactChecks(problems, fields, claims, references);
        var ids = new BatchNodeIds();
        var resolver = new ReferenceResolver(problems, ids, store);
        long nodes = 0, relations = 0, facts = 0;

        await foreach (var (place, value) in Items(source, SectionGroup.Nodes, cancellationToken))
        {
            nodes++;
            var path = source.Where(place);
            problems.Order = place.Order;
            if (value is null)
            {
                problems.Add(path, "must be an object, not null");
                continue;
            }
            if (nodeChecks.Id(value, path) is { } id && ids.Register(id, place) is var (first, repeat))
                problems.Add(ProblemList.Fields, repeat.Order, -1, source.Where(repeat, ".id"), $"'{id}' also used by {source.Where(first)}");
            references.Clear();
            nodeChecks.Check(value, path, references);
            await resolver.ReferencesAsync(references, place.Order, cancellationToken);
        }
        await resolver.EndOfNodesAsync(cancellationToken);

        await foreach (var (place, value) in Items(source, SectionGroup.Links, cancellationToken))
        {
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

    /// <summary>
    /// A group's items, read and parsed on a second thread a few blocks ahead of the checks. Parsing is the larger part of
    /// validation, so the rest (naming each item's path included) stays on this thread.
    /// </summary>
    private static IAsyncEnumerable<GraphItem> Items(IGraphSource source, SectionGroup group, CancellationToken cancellationToken) =>
        ReadAhead.Of(source.ReadAsync(group, cancellationToken), blockSize: 256, blocks: 4, cancellationToken);
}
