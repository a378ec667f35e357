using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Neo4j.Layout;

namespace ConflictGraph.Neo4j.Cypher;

public static partial class Statements
{
    /// <summary>The columns every fact read returns, for fact f about node s.</summary>
    public static string FactColumns => $"f.id AS id, s.id AS subjectId, f.property AS property, f.value AS value, {ClaimsOf("f")} AS claims";

    /// <summary>The same as one map, for reads that return facts in a list.</summary>
    public static string FactMap => $"{{id: f.id, subjectId: s.id, property: f.property, value: f.value, claims: {ClaimsOf("f")}}}";

    private static string AboutFact => $"(s:{Labels.Node})-[:{RelationshipTypes.HasFact}]->(f:{Labels.Fact})";

    /// <summary>The facts about each node, from the node along HAS_FACT.</summary>
    public static string FactsOf =>
        $"UNWIND $ids AS id MATCH (s:{Labels.Node} {{id: id}})-[:{RelationshipTypes.HasFact}]->(f:{Labels.Fact}) RETURN {FactColumns}";

    /// <summary>Facts by id, through the fact id constraint's index.</summary>
    public static string FactsByIds =>
        $"UNWIND $ids AS fid MATCH (s:{Labels.Node})-[:{RelationshipTypes.HasFact}]->(f:{Labels.Fact} {{id: fid}}) RETURN {FactColumns}";

    public static string ExportFacts => $"MATCH {AboutFact} WHERE f.id > $after RETURN {FactColumns} ORDER BY f.id LIMIT $limit";

    /// <summary>
    /// For each event, the events it is part of (PART_OF outgoing, transitively) and the events part of
    /// it (incoming), within the core's ceiling; itself left out should bad data hold a cycle.
    /// </summary>
    public static string EventFamilies
    {
        get
        {
            var partOf = $"{RelationshipTypes.Of(RelationType.PartOf)}*1..{TraversalLimits.MaxPartOfDepth}";
            var events = Labels.Of(NodeKind.Event);
            return $"UNWIND $ids AS id " +
                   $"CALL (id) {{ OPTIONAL MATCH (:{Labels.Node} {{id: id}})-[:{partOf}]->(up:{events}) WHERE up.id <> id RETURN collect(DISTINCT up.id) AS ancestors }} " +
                   $"CALL (id) {{ OPTIONAL MATCH (:{Labels.Node} {{id: id}})<-[:{partOf}]-(down:{events}) WHERE down.id <> id RETURN collect(DISTINCT down.id) AS descendants }} " +
                   "RETURN id, ancestors, descendants";
        }
    }
}
