using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j.Layout;

namespace ConflictGraph.Neo4j.Cypher;

/// <summary>
/// A page of an event export: the events the list's filter finds (<see cref="FindQuery"/>), in the
/// list's start-date order (undated last, then by id), after the last row of the page before (a keyset,
/// as the list's cursors), each with its killed tally, whether it is disputed (<see cref="EventKeys.Disputed"/>),
/// its places (with their bodies), perpetrators and targets (with the relation's status) and the events it
/// is directly part of, each list in id order.
/// </summary>
public static class EventExportQuery
{
    private static string Type(RelationType type) => RelationshipTypes.Of(type);

    public static (string Text, Dictionary<string, object?> Parameters) Page(EventSelection selection, string? after, int limit)
    {
        var find = FindQuery.ForNodes(selection.ToNodeQuery());
        var afterCondition = find.After(after, Sort, "n.id");
        find.Parameters["limit"] = limit;
        // A WITH's WHERE follows its ORDER BY and LIMIT, so the keyset condition has a WITH of its own, before the page's order and limit.
        var text = $"{find.TextMatches}{find.Match} WITH DISTINCT n WHERE {find.Where} WITH n, {Sort.Key} AS sortKey {(afterCondition is null ? "" : $"WHERE {afterCondition} ")}" +
                   $"WITH n, sortKey ORDER BY {Sort.OrderBy("n.id")} LIMIT $limit " +
                   $"RETURN n.id AS id, n.body AS body, sortKey, {string.Join(", ", Properties.EventTally.Select(p => $"n.{p} AS {p}"))}, " +
                   $"{EventKeys.Disputed("n")} AS disputed, " +
                   $"COLLECT {{ MATCH (n)-[r:{Type(RelationType.OccurredIn)}]->(x:{Labels.Of(NodeKind.Place)}) WITH x, r ORDER BY x.id " +
                   "RETURN {id: x.id, body: x.body, status: r.status} AS link } AS places, " +
                   $"COLLECT {{ MATCH (x:{Labels.Node})-[r:{Type(RelationType.CarriedOut)}]->(n) WITH x, r ORDER BY x.id RETURN {Link} AS link }} AS perpetrators, " +
                   $"COLLECT {{ MATCH (n)-[r:{Type(RelationType.Targeted)}]->(x:{Labels.Node}) WITH x, r ORDER BY x.id RETURN {Link} AS link }} AS targets, " +
                   $"COLLECT {{ MATCH (n)-[:{Type(RelationType.PartOf)}]->(x:{Labels.Of(NodeKind.Event)}) WITH x ORDER BY x.id RETURN x.id AS id }} AS partOf";
        return (text, find.Parameters);
    }

    private static string Link => $"{{id: x.id, kind: {Labels.KindExpression("x")}, label: x.label, status: r.status}}";

    /// <summary>The list's order: start dates ascending, undated events last.</summary>
    private static readonly FindQuery.NodeSort Sort = FindQuery.Order(NodeOrder.DateAsc);

    /// <summary>The cursor after a row (its start date, null when undated), in the list's own cursor format.</summary>
    public static string After(string? sortKey, string id) => Sort.CursorFor(sortKey, id);
}
