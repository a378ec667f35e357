using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j.Layout;
using ConflictGraph.Neo4j.Wire;

namespace ConflictGraph.Neo4j.Cypher;

/// <summary>The relations to follow from some nodes: of these types (all when null), in this direction.</summary>
public sealed record RelationGroup(IReadOnlyList<RelationType>? Types, Direction Direction, IReadOnlyList<string> NodeIds)
{
    /// <summary>The groups' node ids as the parameters $g0, $g1, ... their statements read.</summary>
    public static Dictionary<string, object?> Parameters(IReadOnlyList<RelationGroup> groups) =>
        groups.Select((g, i) => (Name: $"g{i}", g.NodeIds)).ToDictionary(p => p.Name, p => (object?)p.NodeIds);

    /// <summary>The pattern from a node to its relations, types named so Neo4j reads only their chains.</summary>
    public string Pattern
    {
        get
        {
            var types = RelationshipTypes.AnyOf(Types);
            return Direction switch
            {
                Direction.Outgoing => $"-[r:{types}]->",
                Direction.Incoming => $"<-[r:{types}]-",
                _ => $"-[r:{types}]-",
            };
        }
    }
}

public static partial class Statements
{
    /// <summary>The claims on the relation or fact in <paramref name="target"/>, found through the claim index on its id.</summary>
    public static string ClaimsOf(string target) =>
        $"COLLECT {{ MATCH (c:{Labels.Claim} {{targetId: {target}.id}}) RETURN {{statement: c.statementId, position: c.position, characterization: c.characterization}} }}";

    private static string ClaimsOfR => ClaimsOf("r");

    /// <summary>The columns every relation read returns, for r between a and b.</summary>
    public static string RelationColumns => $"r.id AS id, type(r) AS type, a.id AS fromId, b.id AS toId, {ClaimsOfR} AS claims";

    /// <summary>The same as one map, for reads that return relations in a list.</summary>
    public static string RelationMap => $"{{id: r.id, type: type(r), fromId: a.id, toId: b.id, claims: {ClaimsOfR}}}";

    private static string AllRelations => RelationshipTypes.AnyOf(null);

    /// <summary>The relations of each group's nodes, as one union: parameters $g0, $g1, ... hold the groups' node ids.</summary>
    private static string Found(IReadOnlyList<RelationGroup> groups) =>
        "CALL () { " + string.Join(" UNION ", groups.Select((g, i) => $"UNWIND $g{i} AS id MATCH (:{Labels.Node} {{id: id}}){g.Pattern}(:{Labels.Node}) RETURN r")) + " } ";

    public static string Relations(IReadOnlyList<RelationGroup> groups) =>
        Found(groups) + $"WITH r, startNode(r) AS a, endNode(r) AS b RETURN {RelationColumns}";

    /// <summary>
    /// One level of a query in one statement: the groups' relations with their claims, and the nodes
    /// at their far ends (seen from the node each was found at) together with the nodes in $ids, as one
    /// row of two lists. The groups' own nodes are not read again unless one is also a far end or in $ids.
    /// Without <paramref name="claims"/> (every request follows its relations to their ends only) no claim
    /// is read and each relation's list is empty. The walk is read up to the level's <see cref="RowCap"/>
    /// (<see cref="CapParameter"/>): past it the statement returns no row (<see cref="CappedRow"/>).
    /// </summary>
    public static string Expansion(IReadOnlyList<RelationGroup> groups, bool claims = true) => ExpansionClauses(groups, claims) + "RETURN relations, nodes";

    /// <summary>
    /// <see cref="Expansion"/> before its RETURN: one row that binds <c>relations</c> and <c>nodes</c>, for a level's
    /// statement to go on from. The walk's rows (a relation and the far end it was found towards, each once) are pulled
    /// up to one past the cap ($cap) and no further: the union and LIMIT pass rows on as they come, and only the
    /// aggregation after the LIMIT waits for them all. One row past the cap and the WHERE leaves no row, so neither a
    /// claim nor a node is read.
    /// </summary>
    public static string ExpansionClauses(IReadOnlyList<RelationGroup> groups, bool claims) =>
        "CALL () { " + string.Join(" UNION ", groups.Select((g, i) =>
            $"UNWIND $g{i} AS id MATCH (:{Labels.Node} {{id: id}}){g.Pattern}(far:{Labels.Node}) RETURN r, far.id AS farId")) + " } " +
        $"WITH r, farId LIMIT ${CapParameter} " +
        $"WITH collect(DISTINCT r) AS found, collect(DISTINCT farId) AS far, count(*) AS walked WHERE walked < ${CapParameter} " +
        "CALL (found) { UNWIND found AS r WITH r, startNode(r) AS a, endNode(r) AS b " +
        $"RETURN collect({{id: r.id, type: type(r), fromId: a.id, toId: b.id, claims: {(claims ? ClaimsOfR : "[]")}}}) AS relations }} " +
        $"CALL (far) {{ {NodesAt("far + $ids")} }} ";

    /// <summary>The parameter holding how many rows a level's walk reads: one past its <see cref="RowCap"/>.</summary>
    public const string CapParameter = "cap";

    /// <summary>The value of <see cref="CapParameter"/>: one past the cap, or more rows than any walk has without one.</summary>
    public static long CapValue(RowCap cap) => cap.Bounds ? cap.ReadUpTo : long.MaxValue;

    /// <summary>The one row of a statement that began with <see cref="ExpansionClauses"/>; none when the walk passed <paramref name="cap"/>.</summary>
    public static QueryRow CappedRow(QueryResult result, RowCap cap) =>
        result.Rows.Count == 0 ? throw new RowCapExceededException(cap) : result.Records.Single();

    /// <summary>The nodes with the ids in the list <paramref name="ids"/> (each once), as one list of maps of kind and body, <c>nodes</c>.</summary>
    public static string NodesAt(string ids) =>
        $"UNWIND {ids} AS id WITH DISTINCT id MATCH (n:{Labels.Node} {{id: id}}) RETURN collect({{kind: {Kind}, body: n.body}}) AS nodes";

    /// <summary>Relations by their identity (type, from, to), each matched between its two indexed ends.</summary>
    public static readonly string RelationsByKeys =
        $"UNWIND $rels AS rel MATCH (a:{Labels.Node} {{id: rel.fromId}})-[r:{AllRelations}]->(b:{Labels.Node} {{id: rel.toId}}) " +
        $"WHERE type(r) = rel.type RETURN {RelationColumns}";

    /// <summary>
    /// The relations and facts the statements claim or dispute, each with all its claims, as one row of
    /// two lists: from each statement to its claims, then to the relation each names (through the id
    /// index at both ends) or the fact (through its id).
    /// </summary>
    public static string CitationsOf =>
        $"UNWIND $ids AS sid MATCH (:{Labels.Node} {{id: sid}})-[:{RelationshipTypes.Makes}]->(c:{Labels.Claim}) WITH collect(c) AS cited " +
        "CALL (cited) { UNWIND cited AS c WITH c WHERE c.relationType IS NOT NULL " +
        "WITH DISTINCT c.fromId AS fromId, c.relationType AS relationType, c.toId AS toId " +
        $"MATCH (a:{Labels.Node} {{id: fromId}})-[r:{AllRelations}]->(b:{Labels.Node} {{id: toId}}) WHERE type(r) = relationType " +
        $"RETURN collect({{id: r.id, type: type(r), fromId: a.id, toId: b.id, claims: {ClaimsOfR}}}) AS relations }} " +
        "CALL (cited) { UNWIND cited AS c WITH c WHERE c.relationType IS NULL WITH DISTINCT c.targetId AS factId " +
        $"MATCH (s:{Labels.Node})-[:{RelationshipTypes.HasFact}]->(f:{Labels.Fact} {{id: factId}}) RETURN collect({FactMap}) AS facts }} " +
        "RETURN relations, facts";

    /// <summary>
    /// The RETALIATION_FOR and RESPONSE_TO chains from each event, within $depth steps: backward
    /// along outgoing relations when $backward, forward along incoming ones when $forward. A row is a link (an event and a
    /// relation of its chain), and rows stop at $cap (<see cref="CapParameter"/>: one past the <see cref="RowCap"/>).
    /// </summary>
    public static readonly string Escalation = EscalationStatement();

    private static string EscalationStatement()
    {
        var types = RelationshipTypes.AnyOf(Core.Rules.RelationRules.Escalation);
        var events = Labels.Of(NodeKind.Event);
        return $"UNWIND $ids AS root CALL (root) {{ " +
               $"MATCH (:{Labels.Node} {{id: root}})-[rs:{types}*1..{Core.Rules.TraversalLimits.MaxEscalationDepth}]->(:{events}) WHERE $backward AND size(rs) <= $depth UNWIND rs AS r RETURN r " +
               $"UNION MATCH (:{Labels.Node} {{id: root}})<-[rs:{types}*1..{Core.Rules.TraversalLimits.MaxEscalationDepth}]-(:{events}) WHERE $forward AND size(rs) <= $depth UNWIND rs AS r RETURN r }} " +
               $"WITH root, r, startNode(r) AS a, endNode(r) AS b RETURN root, {RelationColumns} LIMIT ${CapParameter}";
    }

    /// <summary>One relation type's relations after an id, in the order of that type's id index.</summary>
    public static string ExportRelations(RelationType type) =>
        $"MATCH (a:{Labels.Node})-[r:{RelationshipTypes.Of(type)}]->(b:{Labels.Node}) WHERE r.id > $after " +
        $"RETURN {RelationColumns} ORDER BY r.id LIMIT $limit";
}
