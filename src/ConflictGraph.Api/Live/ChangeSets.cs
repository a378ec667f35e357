using System.Runtime.CompilerServices;
using ConflictGraph.Core.History;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Api.Live;

/// <summary>Change sets as the change log holds them: one per committed write, in commit order.</summary>
public static class ChangeSets
{
    /// <summary>
    /// Every change set after log position <paramref name="after"/> up to the log's end when read.
    /// A write's entries are committed together, so a short page means the last write read is whole;
    /// a write larger than one page is gathered over several.
    /// </summary>
    public static async IAsyncEnumerable<GraphChanges> SinceAsync(
        IGraphStore store, long after, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<HistoryEntry>();
        while (true)
        {
            var entries = await store.ReadHistoryAsync(after, pageSize, cancellationToken);
            foreach (var entry in entries)
            {
                if (batch.Count > 0 && batch[0].Batch.Id != entry.Batch.Id)
                {
                    yield return Of(batch);
                    batch = [];
                }
                batch.Add(entry);
            }
            if (entries.Count > 0) after = entries[^1].Sequence;
            if (entries.Count < pageSize) break;
        }
        if (batch.Count > 0) yield return Of(batch);
    }

    /// <summary>
    /// One write's entries as node and relation changes, each target once, in log order: created when
    /// its first entry created it, deleted when its last deleted it, otherwise updated (a claim added,
    /// changed or withdrawn updates its relation).
    /// </summary>
    public static GraphChanges Of(IReadOnlyList<HistoryEntry> entries)
    {
        var nodes = new List<NodeChange>();
        var relations = new List<RelationChange>();
        foreach (var target in entries.GroupBy(e => (e.Target, e.TargetId)))
        {
            var change = Change(target.First().Kind, target.Last().Kind);
            if (target.Key.Target == HistoryTarget.Node && target.First().NodeKind is { } kind)
                nodes.Add(new NodeChange(target.Key.TargetId, kind, change));
            else if (target.Key.Target == HistoryTarget.Relation && RelationKey.TryParse(target.Key.TargetId, out var type, out var from, out var to))
                relations.Add(new RelationChange(target.Key.TargetId, type, from, to, change));
        }
        return new GraphChanges(nodes, relations, entries[^1].Sequence, entries[0].Batch.Id);
    }

    private static ChangeKind Change(HistoryKind first, HistoryKind last) =>
        last.Deletes() ? ChangeKind.Deleted : first.Creates() ? ChangeKind.Created : ChangeKind.Updated;
}
