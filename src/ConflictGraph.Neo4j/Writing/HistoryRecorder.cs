using ConflictGraph.Core.History;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j.Cypher;
using ConflictGraph.Neo4j.Wire;

namespace ConflictGraph.Neo4j.Writing;

/// <summary>
/// Appends one write's changes (as the core's <see cref="HistoryChanges"/> makes them) as :History
/// entries in the write's own transaction, so they commit or roll back with it. Entries go out
/// <see cref="Chunk"/> at a time, so an import of millions holds one chunk of them, not all. A write
/// that changed nothing appends nothing and takes no sequence numbers.
/// </summary>
internal sealed class HistoryRecorder(Neo4jTransaction tx, WriteContext write, TimeProvider clock)
{
    /// <summary>Entries per statement, as the import's rows.</summary>
    public const int Chunk = 2000;

    private readonly List<LoggedChange> pending = [];
    private (string Id, long At, long First)? batch;

    /// <summary>The batch's id once something was recorded and written; null while nothing was.</summary>
    public string? BatchId => batch?.Id;

    public async Task RecordAsync(IEnumerable<LoggedChange> changes, CancellationToken ct)
    {
        pending.AddRange(changes);
        if (pending.Count >= Chunk) await FlushAsync(ct);
    }

    public Task RecordAsync(LoggedChange change, CancellationToken ct) => RecordAsync([change], ct);

    /// <summary>A relation or fact with the claims it had (null: it was absent).</summary>
    public static Claimed? With(Claimed claimed, IReadOnlyList<Claim>? claims) => claims is null ? null : claimed with { Claims = claims };

    /// <summary>
    /// Writes what is pending. Each call takes the next numbers from the data-version counter; the
    /// counter's write lock, held to the commit, keeps a write's calls contiguous and its numbers in
    /// commit order (see <see cref="Statements.TakeSequences"/>).
    /// </summary>
    public async Task<string?> FlushAsync(CancellationToken ct)
    {
        if (pending.Count == 0) return BatchId;
        var last = (await tx.RunAsync(Statements.TakeSequences, new { count = pending.Count }, ct)).Records.Single().Long("last");
        var first = last - pending.Count + 1;
        if (batch is null)
        {
            var at = clock.GetUtcNow();
            batch = (Guid.CreateVersion7(at).ToString(), at.ToUnixTimeMilliseconds(), first);
        }
        var (id, when, batchFirst) = batch.Value;
        var rows = pending.Select((change, i) => new Dictionary<string, object?>
        {
            ["seq"] = first + i,
            ["batchId"] = id,
            ["writer"] = write.Writer,
            ["at"] = when,
            ["batchFirst"] = batchFirst,
            ["kind"] = EnumNames.Of(change.Kind),
            ["target"] = EnumNames.Of(change.Target),
            ["nodeKind"] = change.NodeKind is { } kind ? EnumNames.Of(kind) : null,
            ["targetId"] = change.TargetId,
            ["statementId"] = change.StatementId,
            ["before"] = change.Before,
            ["aboutIds"] = HistoryChanges.AboutText(change.AboutIds),
        }).ToList();
        pending.Clear();
        await tx.RunAsync(Statements.WriteHistory, new { entries = rows }, ct);
        return id;
    }
}
