using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Core.Import;

/// <summary>
/// Finds every problem in an input at once, each with its path. Ids the batch does not hold are
/// looked up in the store with one batched call; the store is never written.
/// </summary>
public static class GraphValidator
{
    public static Task<IReadOnlyList<ValidationProblem>> ValidateAsync(GraphInput input, IGraphStore? store, CancellationToken cancellationToken) =>
        ValidateAsync(input, null, store, cancellationToken);

    /// <param name="origins">Where each item came from, so problems name its file; null for a single document.</param>
    public static async Task<IReadOnlyList<ValidationProblem>> ValidateAsync(
        GraphInput input, InputOrigins? origins, IGraphStore? store, CancellationToken cancellationToken)
    {
        var problems = new ProblemList(origins);
        var fields = new FieldChecks(problems);
        var nodes = new NodeChecks(problems, fields);
        nodes.Check(input);
        var references = nodes.References;
        var claims = new ClaimChecks(problems, fields, references);
        var relations = new RelationChecks(problems, fields, claims, references);
        relations.Check(input.Relations);
        new FactChecks(problems, fields, claims, references).Check(input.Facts);

        var outside = references.Select(r => r.TargetId).Where(id => !nodes.Ids.ContainsKey(id)).ToHashSet(StringComparer.Ordinal);
        var stored = store is null || outside.Count == 0
            ? new Dictionary<string, NodeKind>()
            : (await store.GetNodesAsync(outside, cancellationToken)).ToDictionary(n => n.Id, n => n.Kind, StringComparer.Ordinal);
        NodeKind? KindOf(string id) =>
            nodes.Ids.TryGetValue(id, out var inBatch) ? inBatch.Kind : stored.TryGetValue(id, out var kind) ? kind : null;

        foreach (var reference in references)
        {
            if (KindOf(reference.TargetId) is not { } kind)
                problems.Add(reference.Path, $"no node '{reference.TargetId}' in the batch{(store is null ? "" : " or the store")}");
            else if (!reference.AllowedKinds.Contains(kind))
                problems.Add(reference.Path, $"'{reference.TargetId}' is {Article(kind)}, not {Alternatives(reference.AllowedKinds)}");
        }
        foreach (var relation in relations.Relations)
        {
            if (KindOf(relation.FromId) is not { } from || KindOf(relation.ToId) is not { } to) continue;
            if (RelationRules.Check(relation.Type, from, to) is not { } wrong) continue;
            var end = RelationRules.FromKinds(relation.Type).Contains(from) ? "toId" : "fromId";
            problems.Add(relation.Path, end, wrong);
        }
        var nesting = relations.Relations.Where(r => ContainmentCycles.Types.Contains(r.Type) && KindOf(r.FromId) is not null && KindOf(r.ToId) is not null).ToList();
        foreach (var (index, chain) in await ContainmentCycles.FindAsync(nesting.Select(r => (r.Type, r.FromId, r.ToId)).ToList(), store, cancellationToken))
            problems.Add(nesting[index].Path, "toId",
                $"{EnumNames.Of(nesting[index].Type)} '{nesting[index].FromId}' -> '{nesting[index].ToId}' closes a cycle: '{nesting[index].ToId}' already lies inside '{nesting[index].FromId}' ({string.Join(" -> ", chain)})");
        return problems.Items;
    }

    private static string Article(NodeKind kind) => $"{(kind is NodeKind.Event or NodeKind.Organization ? "an" : "a")} {EnumNames.Of(kind)}";

    private static string Alternatives(IReadOnlyList<NodeKind> kinds) =>
        kinds.Count == 1 ? Article(kinds[0]) : $"{string.Join(", ", kinds.Take(kinds.Count - 1).Select(Article))} or {Article(kinds[^1])}";
}
