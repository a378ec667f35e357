using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;

namespace ConflictGraph.Core.History;

/// <summary>
/// One entry a write appends: what happened to which target, and the target's JSON just before
/// it (null for a creation). A store keeps only this: an entry's 'after' is the next entry's
/// 'before' for the same target, or the target as it is now; so a creation costs no copy of what
/// it created, and the log grows with what changed, not with the size of the graph.
/// </summary>
/// <param name="AboutIds">
/// For a statement: the nodes it was about before or after the change (whose lists of statements the
/// change altered), so a reader of the log knows them without reading the statement; null otherwise.
/// </param>
public sealed record LoggedChange(
    HistoryKind Kind, HistoryTarget Target, string TargetId, NodeKind? NodeKind = null, string? StatementId = null, string? Before = null,
    IReadOnlyList<string>? AboutIds = null);

/// <summary>The one rule for which entries a change makes, given the target before and after it; both stores use it.</summary>
public static class HistoryChanges
{
    public static LoggedChange NodeCreated(Node node) =>
        new(HistoryKind.NodeCreated, HistoryTarget.Node, node.Id, node.Kind, AboutIds: About(node, null));

    /// <param name="after">The node as written.</param>
    /// <param name="body">The node's stored body before the change.</param>
    public static LoggedChange NodeUpdated(Node after, string body) =>
        new(HistoryKind.NodeUpdated, HistoryTarget.Node, after.Id, after.Kind, Before: HistoryJson.Node(after.Kind, body), AboutIds: About(after, body));

    /// <param name="body">The node's stored body.</param>
    public static LoggedChange NodeDeleted(string id, NodeKind kind, string body) =>
        new(HistoryKind.NodeDeleted, HistoryTarget.Node, id, kind, Before: HistoryJson.Node(kind, body),
            AboutIds: kind == NodeKind.Statement ? About(NodeJson.Parse(EnumNames.Of(kind), body), null) : null);

    /// <summary>What a statement was about after a change and, given its body before, before it too: each id once, in order.</summary>
    private static IReadOnlyList<string>? About(Node node, string? before) => node is Statement statement
        ? statement.AboutIds.Concat(before is null ? [] : ((Statement)NodeJson.Parse(EnumNames.Of(node.Kind), before)).AboutIds)
            .Distinct().Order(StringComparer.Ordinal).ToList()
        : null;

    /// <summary>How a log keeps <see cref="LoggedChange.AboutIds"/> in one text column or property: ids (which never hold a space) joined by spaces.</summary>
    public static string? AboutText(IReadOnlyList<string>? ids) => ids is null ? null : string.Join(' ', ids);

    public static IReadOnlyList<string>? AboutIds(string? text) =>
        text is null ? null : text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The entries that take a relation or a fact from <paramref name="before"/> to
    /// <paramref name="after"/> (null: absent): a creation (its first claims are part of what was
    /// created), a deletion (with every claim it had), or one entry per statement whose claim was
    /// added, changed or withdrawn, in statement order, each with the state just before it.
    /// </summary>
    public static IReadOnlyList<LoggedChange> Of(Claimed? before, Claimed? after)
    {
        var (target, id) = Identity(after ?? before ?? throw new ArgumentException("a change needs a state before or after it"));
        if (before is null) return [new(target == HistoryTarget.Relation ? HistoryKind.RelationCreated : HistoryKind.FactCreated, target, id)];
        if (after is null)
            return [new(target == HistoryTarget.Relation ? HistoryKind.RelationDeleted : HistoryKind.FactDeleted, target, id, Before: HistoryJson.Of(before))];

        var state = before.Claims.ToDictionary(c => c.StatementId, StringComparer.Ordinal);
        var wanted = after.Claims.ToDictionary(c => c.StatementId, StringComparer.Ordinal);
        var changes = new List<LoggedChange>();
        foreach (var statement in state.Keys.Union(wanted.Keys).Order(StringComparer.Ordinal))
        {
            var was = state.GetValueOrDefault(statement);
            var now = wanted.GetValueOrDefault(statement);
            if (was == now) continue;
            var kind = was is null ? HistoryKind.ClaimAdded : now is null ? HistoryKind.ClaimWithdrawn : HistoryKind.ClaimChanged;
            changes.Add(new(kind, target, id, StatementId: statement, Before: HistoryJson.Of(WithClaims(before, ClaimMerge.Ordered(state.Values)))));
            if (now is null) state.Remove(statement);
            else state[statement] = now;
        }
        return changes;
    }

    private static (HistoryTarget, string) Identity(Claimed claimed) => claimed switch
    {
        Relation relation => (HistoryTarget.Relation, relation.Id),
        Fact fact => (HistoryTarget.Fact, fact.Id),
        _ => throw new ArgumentException($"no history target for {claimed.GetType().Name}"),
    };

    private static Claimed WithClaims(Claimed claimed, IReadOnlyList<Claim> claims) => claimed switch
    {
        Relation relation => relation with { Claims = claims },
        Fact fact => fact with { Claims = claims },
        _ => claimed,
    };
}
