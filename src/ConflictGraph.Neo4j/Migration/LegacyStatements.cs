using ConflictGraph.Neo4j.Layout;

namespace ConflictGraph.Neo4j.Migration;

/// <summary>The Cypher that reads and removes the layout before 2026-12 (<see cref="Legacy"/>).</summary>
public static class LegacyStatements
{
    private static readonly string Node = Labels.Node;
    private static readonly string Rel = Legacy.Relationship;

    /// <summary>Legacy nodes per kind: only they still have a kind property (its index answers this).</summary>
    public static readonly string NodeCounts = $"MATCH (n:{Node}) WHERE n.kind IS NOT NULL RETURN n.kind AS kind, count(n) AS count ORDER BY kind";

    public static readonly string RelationCounts =
        $"MATCH (:{Node})-[r:{Rel}]->(:{Node}) RETURN r.type AS type, count(r) AS count, " +
        "sum(size(coalesce(r.claimedBy, [])) + size(coalesce(r.disputedBy, []))) AS claims ORDER BY type";

    /// <summary>Statements named by a legacy claim that no longer exist: converting would drop those claims.</summary>
    public static readonly string DanglingClaims =
        $"MATCH (:{Node})-[r:{Rel}]->(:{Node}) UNWIND coalesce(r.claimedBy, []) + coalesce(r.disputedBy, []) AS sid WITH DISTINCT sid " +
        $"WHERE NOT EXISTS {{ MATCH (:{Node} {{id: sid}}) }} RETURN count(sid) AS dangling, collect(sid)[0..5] AS examples";

    public static readonly string PresentIndexes = "SHOW INDEXES YIELD name WHERE name IN $names RETURN name ORDER BY name";

    public static readonly string NodeBatch = $"MATCH (n:{Node}) WHERE n.kind IS NOT NULL RETURN n.id AS id, n.kind AS kind, n.body AS body LIMIT $batch";

    public static readonly string RelationBatch =
        $"MATCH (a:{Node})-[r:{Rel}]->(b:{Node}) RETURN r.type AS type, a.id AS fromId, b.id AS toId, " +
        "coalesce(r.claimedBy, []) AS claimedBy, coalesce(r.disputedBy, []) AS disputedBy LIMIT $batch";

    public static readonly string DeleteRelations =
        $"UNWIND $rels AS rel MATCH (a:{Node} {{id: rel.fromId}})-[r:{Rel}]->(b:{Node} {{id: rel.toId}}) WHERE r.type = rel.type DELETE r";

    /// <summary>One statement per legacy index (a name is part of the statement's text, never a parameter).</summary>
    public static IReadOnlyList<string> DropIndexes { get; } = Legacy.Indexes.Select(name => $"DROP INDEX {name} IF EXISTS").ToArray();
}
