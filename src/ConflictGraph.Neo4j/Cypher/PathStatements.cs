using ConflictGraph.Neo4j.Layout;

namespace ConflictGraph.Neo4j.Cypher;

public static partial class Statements
{
    /// <summary>
    /// What a path search reads in one request (<see cref="PathNeighbourhood"/>): how many of the nodes in
    /// <c>$ends</c> exist (<c>ends</c>); when all do, every relation at the nodes in <c>$ids</c> (the first ring) and,
    /// when <c>$rings</c> is 2 and the first ring reaches at most <c>$frontier</c> nodes, every relation at those nodes
    /// too (the second ring, <c>farRead</c>), as one list of relation maps with their claims. Each subquery is a
    /// <c>CALL</c> with its imports named, so a subquery that aggregates still gives its one row when nothing matched
    /// (Cypher Manual 5, "CALL subqueries"); the ring reads go through the node id's constraint at their start.
    /// </summary>
    public static readonly string PathRings =
        $"CALL () {{ UNWIND $ends AS id MATCH (n:{Labels.Node} {{id: id}}) RETURN count(n) AS ends }} " +
        $"CALL (ends) {{ UNWIND CASE WHEN ends = size($ends) THEN $ids ELSE [] END AS id MATCH (:{Labels.Node} {{id: id}})-[r:{AllRelations}]-(other:{Labels.Node}) " +
        "RETURN collect(DISTINCT r) AS near, collect(DISTINCT other.id) AS far } " +
        "WITH ends, near, $rings > 1 AND size(far) <= $frontier AS farRead, far " +
        $"CALL (far, farRead) {{ UNWIND CASE WHEN farRead THEN far ELSE [] END AS id MATCH (:{Labels.Node} {{id: id}})-[r:{AllRelations}]-(:{Labels.Node}) " +
        "RETURN collect(DISTINCT r) AS next } " +
        "CALL (near, next) { UNWIND near + next AS found WITH DISTINCT found AS r WITH r, startNode(r) AS a, endNode(r) AS b " +
        $"RETURN collect({RelationMap}) AS relations }} " +
        "RETURN ends, farRead, relations";
}
