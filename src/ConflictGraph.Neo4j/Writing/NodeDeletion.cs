using ConflictGraph.Core.History;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Neo4j.Cypher;
using ConflictGraph.Neo4j.Layout;
using ConflictGraph.Neo4j.Wire;

namespace ConflictGraph.Neo4j.Writing;

/// <summary>
/// Removes a node with its relations, the facts about it and its claims, and takes it out of every node
/// that names it, inside the caller's transaction. The change log keeps all of it, as on SQLite: the
/// node, each relation and fact as it was, each claim the node made elsewhere as withdrawn, each node
/// that named it.
/// </summary>
internal static class NodeDeletion
{
    public static async Task<bool> DeleteAsync(Neo4jTransaction tx, string id, HistoryRecorder history, CancellationToken ct)
    {
        var stored = (await tx.RunAsync(Statements.StoredBodies, new { ids = new[] { id } }, ct)).Records.ToList();
        if (stored.Count == 0) return false;
        var found = stored[0];

        // What goes with the node, read as it is before anything is removed.
        var around = new[] { new RelationGroup(null, Direction.Both, [id]) };
        var relations = Rows.Relations(await tx.RunAsync(Statements.Relations(around), new Dictionary<string, object?> { ["g0"] = new[] { id } }, ct));
        var facts = Rows.Facts(await tx.RunAsync(Statements.FactsOf, new { ids = new[] { id } }, ct));
        // Relations and facts this statement claimed or disputed keep their other claims; their status follows.
        var gone = relations.Select(r => r.Id).Concat(facts.Select(f => f.Id)).ToHashSet(StringComparer.Ordinal);
        var targets = (await tx.RunAsync(Statements.ClaimTargets, new { id }, ct)).Records.Where(t => !gone.Contains(t.String("targetId"))).ToList();
        var claimedRelations = targets.Where(t => t.NullableString("type") is not null)
            .Select(t => new { type = t.String("type"), fromId = t.String("fromId"), toId = t.String("toId") }).Distinct().ToList();
        var cited = claimedRelations.Count == 0 ? [] : Rows.Relations(await tx.RunAsync(Statements.RelationsByKeys, new { rels = claimedRelations }, ct));
        var claimedFacts = targets.Where(t => t.NullableString("type") is null).Select(t => t.String("targetId")).Distinct().ToList();
        var citedFacts = claimedFacts.Count == 0 ? [] : Rows.Facts(await tx.RunAsync(Statements.FactsByIds, new { ids = claimedFacts }, ct));
        var referencing = (await tx.RunAsync(Statements.Referencing, new { id }, ct)).Records.Select(Rows.Node).OrderBy(n => n.Id, StringComparer.Ordinal).ToList();

        // A deleted statement's events lose its reports, so their killed tallies are refreshed after.
        var reportedOn = Labels.KindOf(found.String("kind")) == NodeKind.Statement ? await EventTallies.NamedByStoredAsync(tx, [id], ct) : [];

        foreach (var statement in Statements.DeleteNode) await tx.RunAsync(statement, new { id }, ct);
        var rewritten = referencing.Select(n => NodeReferences.Without(n, id)).ToList();
        await ImportWriter.WriteNodesAsync(tx, rewritten.Select(n => (n, NodeProperties.Of(n))), ct);
        await ImportWriter.WriteReferencesAsync(tx, rewritten, ct);
        // A rewritten event lost its tally with its properties; a rewritten statement reports on the same events as before.
        await EventTallies.RefreshAsync(tx, reportedOn.Concat(rewritten.OfType<Event>().Select(e => e.Id)), ct);

        await history.RecordAsync(HistoryChanges.NodeDeleted(id, Labels.KindOf(found.String("kind")), found.String("body")), ct);
        foreach (var relation in relations) await history.RecordAsync(HistoryChanges.Of(relation, null), ct);
        foreach (var fact in facts) await history.RecordAsync(HistoryChanges.Of(fact, null), ct);
        var statuses = new List<object>();
        foreach (var relation in cited)
        {
            var after = relation with { Claims = relation.Claims.Where(c => c.StatementId != id).ToList() };
            statuses.Add(new { type = RelationshipTypes.Of(relation.Type), fromId = relation.FromId, toId = relation.ToId, status = EnumNames.Of(after.Status) });
            await history.RecordAsync(HistoryChanges.Of(relation, after), ct);
        }
        if (statuses.Count > 0) await tx.RunAsync(Statements.WriteStatuses, new { rels = statuses }, ct);
        var factStatuses = new List<object>();
        foreach (var fact in citedFacts)
        {
            var after = fact with { Claims = fact.Claims.Where(c => c.StatementId != id).ToList() };
            factStatuses.Add(new { id = fact.Id, status = EnumNames.Of(after.Status) });
            await history.RecordAsync(HistoryChanges.Of(fact, after), ct);
        }
        if (factStatuses.Count > 0) await tx.RunAsync(Statements.WriteFactStatuses, new { facts = factStatuses }, ct);
        foreach (var (node, after) in referencing.Zip(rewritten)) await history.RecordAsync(HistoryChanges.NodeUpdated(after, NodeJson.Serialize(node)), ct);
        await history.FlushAsync(ct);
        return true;
    }
}
