using ConflictGraph.Core.History;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j.Cypher;
using ConflictGraph.Neo4j.Layout;
using ConflictGraph.Neo4j.Wire;
using ConflictGraph.Neo4j.Writing;

namespace ConflictGraph.Neo4j;

/// <summary>
/// The change log on Neo4j: :History entries written in each write's transaction, numbered by the
/// data-version counter (unique and indexed, the cursor) and found by target through their own
/// index. As on SQLite, an entry keeps its target's 'before' only; its 'after' is the next entry's
/// 'before', or the target as stored now.
/// </summary>
public sealed partial class Neo4jGraphStore
{
    /// <summary>Takes one statement's claim off a relation or a fact, with its status and its log entry, in one transaction.</summary>
    public async Task<bool> WithdrawClaimAsync(ClaimWithdrawal withdrawal, WriteContext? write, CancellationToken cancellationToken)
    {
        if (withdrawal.Problem is { } problem) throw new ArgumentException(problem, nameof(withdrawal));
        await EnsureSchemaAsync(cancellationToken);
        return await client.InTransactionAsync(async (tx, ct) =>
        {
            var onRelation = withdrawal.Target == HistoryTarget.Relation;
            var stored = onRelation ? await StoredRelationAsync(tx, withdrawal.TargetId, ct) : await StoredFactAsync(tx, withdrawal.TargetId, ct);
            if (stored is null) throw new TargetNotFoundException(onRelation ? "relation" : "fact", withdrawal.TargetId);
            if (stored.Claims.All(c => c.StatementId != withdrawal.StatementId))
                return (await tx.RunAsync(Statements.NodesByIds, new { ids = new[] { withdrawal.StatementId } }, ct)).Rows.Count > 0
                    ? false
                    : throw new TargetNotFoundException("statement", withdrawal.StatementId);

            var after = stored with { Claims = stored.Claims.Where(c => c.StatementId != withdrawal.StatementId).ToList() };
            await tx.RunAsync(Statements.DeleteClaim, new { key = ClaimRows.Key(withdrawal.StatementId, withdrawal.TargetId) }, ct);
            var status = EnumNames.Of(after.Status);
            if (after is Relation r)
                await tx.RunAsync(Statements.WriteStatuses, new { rels = new[] { new { type = RelationshipTypes.Of(r.Type), fromId = r.FromId, toId = r.ToId, status } } }, ct);
            else
                await tx.RunAsync(Statements.WriteFactStatuses, new { facts = new[] { new { id = withdrawal.TargetId, status } } }, ct);
            var history = new HistoryRecorder(tx, write ?? WriteContext.Unattributed, clock);
            await history.RecordAsync(HistoryChanges.Of(stored, after), ct);
            await history.FlushAsync(ct);
            return true;
        }, cancellationToken);
    }

    private static async Task<Claimed?> StoredRelationAsync(Neo4jTransaction tx, string id, CancellationToken ct) =>
        RelationKey.TryParse(id, out var type, out var fromId, out var toId)
            ? Rows.Relations(await tx.RunAsync(Statements.RelationsByKeys, new { rels = new[] { new { type = RelationshipTypes.Of(type), fromId, toId } } }, ct))
                .SingleOrDefault(r => r.Id == id)
            : null;

    private static async Task<Claimed?> StoredFactAsync(Neo4jTransaction tx, string id, CancellationToken ct) =>
        Rows.Facts(await tx.RunAsync(Statements.FactsByIds, new { ids = new[] { id } }, ct)).SingleOrDefault();

    public async Task<IReadOnlyList<HistoryEntry>> ReadHistoryAsync(long after, int limit, CancellationToken cancellationToken) =>
        HistoryRows.Entries((await ReadAsync(Statements.HistoryTail, new { after, limit }, cancellationToken)).Records);

    public async Task<Page<HistoryEntry>> FindHistoryAsync(HistoryQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var after = HistoryCursor.After(page.After);
        var oneTarget = query.TargetId is not null;
        if (page.First <= 0)
        {
            var total = (int)(await ReadAsync(Statements.HistoryCount(oneTarget), new { targetId = query.TargetId }, cancellationToken)).Records.Single().Long("total");
            return Page<HistoryEntry>.Nothing(page, total) with { TotalCount = page.CountTotal ? total : null };
        }
        // With a total, the count and the page are one statement (one request): the total on every row, and one row of
        // nulls but the total when the page is empty.
        var parameters = new { after, limit = page.First + 1, targetId = query.TargetId };
        var rows = (await ReadAsync(page.CountTotal ? Statements.HistoryCountedPage(oneTarget) : Statements.HistoryPage(oneTarget), parameters, cancellationToken)).Records.ToList();
        int? counted = page.CountTotal ? (int)rows[0].Long("total") : null;
        var found = WithStates(page.CountTotal ? rows.Where(r => r["seq"] is not null).ToList() : rows);
        var items = found.Take(page.First).Select(e => new PageItem<HistoryEntry>(e, e.Cursor)).ToList();
        return new Page<HistoryEntry>(items, counted, found.Count > page.First, page.After is not null);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<HistoryEntry>>> GetHistoryAsync(IReadOnlyCollection<string> targetIds, CancellationToken cancellationToken)
    {
        var histories = targetIds.Distinct().ToDictionary(id => id, _ => (IReadOnlyList<HistoryEntry>)[], StringComparer.Ordinal);
        if (histories.Count == 0) return histories;
        var found = WithStates((await ReadAsync(Statements.HistoryOfTargets, new { ids = histories.Keys.ToList() }, cancellationToken)).Records.ToList());
        foreach (var target in found.GroupBy(e => e.TargetId)) histories[target.Key] = target.ToList();
        return histories;
    }

    /// <summary>
    /// Entries with before and after: after is the next entry's before when there is one, else the
    /// target as stored now, which the page's own statement reads beside the entry; a deletion has none.
    /// </summary>
    private static List<HistoryEntry> WithStates(IReadOnlyList<QueryRow> rows)
    {
        var entries = HistoryRows.Entries(rows);
        for (var i = 0; i < entries.Count; i++)
        {
            entries[i] = entries[i] with { Before = rows[i].NullableString("before") };
            if (rows[i]["hasNext"] is true) entries[i] = entries[i] with { After = rows[i].NullableString("nextBefore") };
            else if (!entries[i].Kind.Deletes() && rows[i]["stored"] is IReadOnlyDictionary<string, object?> stored)
                entries[i] = entries[i] with { After = StoredState(entries[i].Target, stored) };
        }
        return entries;
    }

    /// <summary>A target as stored now, from the map the history statements read it into, as history JSON.</summary>
    private static string StoredState(HistoryTarget target, IReadOnlyDictionary<string, object?> stored) => target switch
    {
        HistoryTarget.Node => HistoryJson.Node(Labels.KindOf((string)stored["kind"]!), (string)stored["body"]!),
        HistoryTarget.Relation => HistoryJson.Of(Rows.Relation(stored)),
        _ => HistoryJson.Of(Rows.Fact(stored)),
    };
}
