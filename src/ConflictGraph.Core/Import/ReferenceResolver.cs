using ConflictGraph.Core.Import.Sources;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Core.Import;

/// <summary>
/// Resolves references while the input streams by: against the batch's ids when the target is
/// already known; a node naming a node that comes later waits for the end of the nodes; an id the
/// batch does not hold waits for a store lookup, made for a thousand ids at a time (and the kinds
/// found are kept by fingerprint, so an id is looked up once). What waits is only the references
/// and relations not yet resolved, never the items.
/// </summary>
internal sealed class ReferenceResolver(ProblemList problems, BatchNodeIds batch, IGraphStore? store)
{
    private const int LookupBatch = 1000;

    private readonly List<(PendingReference Reference, long Order, int Ordinal)> laterInBatch = [];
    private readonly List<(PendingReference Reference, long Order, int Ordinal)> waiting = [];
    private readonly List<(PendingRelation Relation, long Order)> waitingRelations = [];
    private readonly HashSet<string> lookups = new(StringComparer.Ordinal);
    // Ids outside the batch already looked up: their stored kind, or null when the store lacks them.
    private readonly Dictionary<UInt128, NodeKind?> looked = [];
    private bool nodesDone;

    /// <summary>Every LOCATED_IN and PART_OF of the batch whose ends are known, for the cycle check.</summary>
    public List<(PendingRelation Relation, long Order)> Nesting { get; } = [];

    public async ValueTask ReferencesAsync(List<PendingReference> references, long order, CancellationToken cancellationToken)
    {
        for (var i = 0; i < references.Count; i++)
        {
            var reference = references[i];
            if (batch.PlaceOf(reference.TargetId) is { } place) Check(reference, place.Section.Kind(), order, i);
            else if (!nodesDone) laterInBatch.Add((reference, order, i));
            else Wait(reference, order, i);
        }
        await FlushWhenFullAsync(cancellationToken);
    }

    public async ValueTask EndOfNodesAsync(CancellationToken cancellationToken)
    {
        nodesDone = true;
        foreach (var (reference, order, ordinal) in laterInBatch)
        {
            if (batch.PlaceOf(reference.TargetId) is { } place) Check(reference, place.Section.Kind(), order, ordinal);
            else Wait(reference, order, ordinal);
        }
        laterInBatch.Clear();
        await FlushWhenFullAsync(cancellationToken);
    }

    public async ValueTask RelationAsync(PendingRelation relation, long order, CancellationToken cancellationToken)
    {
        if (Pending(relation.FromId) || Pending(relation.ToId)) waitingRelations.Add((relation, order));
        else CheckKinds(relation, order);
        await FlushWhenFullAsync(cancellationToken);
    }

    public ValueTask EndAsync(CancellationToken cancellationToken) => FlushAsync(cancellationToken);

    private NodeKind? KindOf(string id) => batch.PlaceOf(id)?.Section.Kind() ?? (looked.TryGetValue(Fingerprint.Of(id), out var kind) ? kind : null);

    private bool Pending(string id) => lookups.Contains(id);

    private void Wait(PendingReference reference, long order, int ordinal)
    {
        if (store is not null && !looked.ContainsKey(Fingerprint.Of(reference.TargetId))) lookups.Add(reference.TargetId);
        waiting.Add((reference, order, ordinal));
    }

    private async ValueTask FlushWhenFullAsync(CancellationToken cancellationToken)
    {
        if (lookups.Count >= LookupBatch) await FlushAsync(cancellationToken);
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (lookups.Count > 0 && store is not null)
        {
            var found = (await store.GetNodesAsync(lookups.ToList(), cancellationToken)).ToDictionary(n => n.Id, n => n.Kind, StringComparer.Ordinal);
            foreach (var id in lookups) looked[Fingerprint.Of(id)] = found.TryGetValue(id, out var kind) ? kind : null;
        }
        lookups.Clear();
        foreach (var (reference, order, ordinal) in waiting)
        {
            if (KindOf(reference.TargetId) is { } kind) Check(reference, kind, order, ordinal);
            else problems.Add(ProblemList.References, order, ordinal, reference.Path,
                $"no node '{reference.TargetId}' in the batch{(store is null ? "" : " or the store")}");
        }
        waiting.Clear();
        foreach (var (relation, order) in waitingRelations) CheckKinds(relation, order);
        waitingRelations.Clear();
    }

    private void Check(PendingReference reference, NodeKind kind, long order, int ordinal)
    {
        if (!reference.AllowedKinds.Contains(kind))
            problems.Add(ProblemList.References, order, ordinal, reference.Path, $"'{reference.TargetId}' is {Article(kind)}, not {Alternatives(reference.AllowedKinds)}");
    }

    private void CheckKinds(PendingRelation relation, long order)
    {
        if (KindOf(relation.FromId) is not { } from || KindOf(relation.ToId) is not { } to) return;
        if (ContainmentCycles.Types.Contains(relation.Type)) Nesting.Add((relation, order));
        if (RelationRules.Check(relation.Type, from, to) is not { } wrong) return;
        var end = RelationRules.FromKinds(relation.Type).Contains(from) ? "toId" : "fromId";
        problems.Add(ProblemList.RelationKinds, order, 0, $"{relation.Path}.{end}", wrong);
    }

    private static string Article(NodeKind kind) => $"{(kind is NodeKind.Event or NodeKind.Organization ? "an" : "a")} {EnumNames.Of(kind)}";

    private static string Alternatives(IReadOnlyList<NodeKind> kinds) =>
        kinds.Count == 1 ? Article(kinds[0]) : $"{string.Join(", ", kinds.Take(kinds.Count - 1).Select(Article))} or {Article(kinds[^1])}";
}
