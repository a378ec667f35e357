using ConflictGraph.Core.History;
using ConflictGraph.Core.Model;
using ConflictGraph.Neo4j.Cypher;

namespace ConflictGraph.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <summary>Targets whose entries one request of compaction reads.</summary>
    private const int CompactionTargets = 1000;

    /// <summary>
    /// Folds by the core's rule in one transaction, walking the log a page of targets at a time (each
    /// with all its entries) and deleting what folds page by page, so the client holds one page, not
    /// the log's outline.
    /// </summary>
    public async Task<CompactionResult> CompactHistoryAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        return await client.InTransactionAsync(async (tx, ct) =>
        {
            var head = (await tx.RunAsync(Statements.HistoryHead, null, ct)).Records.Single();
            var (newest, total) = (head.Long("newest"), head.Long("total"));
            var removed = new Dictionary<HistoryKind, int>();
            var after = "";
            while (true)
            {
                var page = (await tx.RunAsync(Statements.HistoryOutline, new { after, limit = CompactionTargets }, ct)).Records.Select(r => (
                    Target: r.String("targetId"), Sequence: r.Long("seq"), Kind: EnumNames.Parse<HistoryKind>(r.String("kind")),
                    At: DateTimeOffset.FromUnixTimeMilliseconds(r.Long("at")))).ToList();
                if (page.Count == 0) break;
                var kinds = page.ToDictionary(e => e.Sequence, e => e.Kind);
                var folded = page.GroupBy(e => e.Target)
                    .SelectMany(target => HistoryCompaction.Folded(target.Select(e => (e.Sequence, e.Kind, e.At)), cutoff, newest)).ToList();
                foreach (var chunk in folded.Chunk(Writing.ImportWriter.Chunk)) await tx.RunAsync(Statements.DeleteHistory, new { seqs = chunk }, ct);
                foreach (var sequence in folded) removed[kinds[sequence]] = removed.GetValueOrDefault(kinds[sequence]) + 1;
                after = page[^1].Target;
            }
            return new CompactionResult(cutoff, removed, total - removed.Values.Sum());
        }, cancellationToken);
    }
}
