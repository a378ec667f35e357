using ConflictGraph.Core.History;
using ConflictGraph.Core.Model;
using ConflictGraph.Neo4j.Wire;

namespace ConflictGraph.Neo4j.Cypher;

/// <summary>Change-log entries from the columns the history statements return.</summary>
public static class HistoryRows
{
    /// <summary>Entries in the order read; entries of one batch share one <see cref="HistoryBatch"/>.</summary>
    public static List<HistoryEntry> Entries(IEnumerable<QueryRow> rows)
    {
        var batches = new Dictionary<string, HistoryBatch>(StringComparer.Ordinal);
        var entries = new List<HistoryEntry>();
        foreach (var row in rows)
        {
            var id = row.String("batchId");
            if (!batches.TryGetValue(id, out var batch))
                batches[id] = batch = new HistoryBatch(id, row.String("writer"), DateTimeOffset.FromUnixTimeMilliseconds(row.Long("at")), row.Long("batchFirst"));
            entries.Add(new HistoryEntry(
                row.Long("seq"), EnumNames.Parse<HistoryKind>(row.String("kind")), EnumNames.Parse<HistoryTarget>(row.String("target")), row.String("targetId"),
                row.NullableString("nodeKind") is { } kind ? EnumNames.Parse<NodeKind>(kind) : null, row.NullableString("statementId"), batch)
            {
                AboutIds = HistoryChanges.AboutIds(row.NullableString("aboutIds")),
            });
        }
        return entries;
    }
}
