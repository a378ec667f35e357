using ConflictGraph.Core.Rules;

namespace ConflictGraph.Neo4j.Cypher;

/// <summary>
/// Every Cypher statement the store runs. Values always travel as parameters; each query shape
/// has one fixed text, so Neo4j's plan cache serves it.
/// </summary>
public static class Statements
{
    public static readonly string[] Schema =
    [
        "CREATE CONSTRAINT conflictgraph_node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE",
        "CREATE INDEX conflictgraph_node_kind IF NOT EXISTS FOR (n:Node) ON (n.kind)",
        "CREATE INDEX conflictgraph_node_date IF NOT EXISTS FOR (n:Node) ON (n.dateStart)",
        "CREATE INDEX conflictgraph_node_speaker IF NOT EXISTS FOR (n:Node) ON (n.speakerId)",
        "CREATE INDEX conflictgraph_rel_type IF NOT EXISTS FOR ()-[r:REL]-() ON (r.type)",
        "CREATE INDEX conflictgraph_rel_id IF NOT EXISTS FOR ()-[r:REL]-() ON (r.id)",
        "CREATE FULLTEXT INDEX conflictgraph_search IF NOT EXISTS FOR (n:Node) ON EACH [n.search] OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace' } }",
        "MERGE (m:Meta {key: 'dataVersion'}) ON CREATE SET m.value = 0",
    ];

    public const string NodesByIds = "UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN n.kind AS kind, n.body AS body";

    public const string StoredBodies = "UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN n.id AS id, n.kind AS kind, n.body AS body";

    public const string WriteNodes = "UNWIND $rows AS row MERGE (n:Node {id: row.id}) SET n += row";

    public const string MissingIds = "UNWIND $ids AS id OPTIONAL MATCH (n:Node {id: id}) WITH id, n WHERE n IS NULL RETURN id";

    private const string RelationColumns =
        "r.id AS id, r.type AS type, a.id AS fromId, b.id AS toId, coalesce(r.claimedBy, []) AS claimedBy, coalesce(r.disputedBy, []) AS disputedBy";

    public const string Outgoing =
        $"UNWIND $ids AS id MATCH (a:Node {{id: id}})-[r:REL]->(b:Node) WHERE $types IS NULL OR r.type IN $types RETURN {RelationColumns}";

    public const string Incoming =
        $"UNWIND $ids AS id MATCH (a:Node)-[r:REL]->(b:Node {{id: id}}) WHERE $types IS NULL OR r.type IN $types RETURN {RelationColumns}";

    public const string RelationsByIds = $"UNWIND $ids AS rid MATCH (a:Node)-[r:REL {{id: rid}}]->(b:Node) RETURN {RelationColumns}";

    public const string CitedBy =
        $"MATCH (a:Node)-[r:REL]->(b:Node) WHERE any(s IN $ids WHERE s IN r.claimedBy OR s IN r.disputedBy) RETURN {RelationColumns}";

    public const string ExistingRelations =
        "UNWIND $rels AS rel MATCH (a:Node {id: rel.fromId})-[r:REL {type: rel.type}]->(b:Node {id: rel.toId}) " +
        "RETURN r.id AS id, coalesce(r.claimedBy, []) AS claimedBy, coalesce(r.disputedBy, []) AS disputedBy";

    public const string WriteRelations =
        "UNWIND $rels AS rel MATCH (a:Node {id: rel.fromId}) MATCH (b:Node {id: rel.toId}) MERGE (a)-[r:REL {type: rel.type}]->(b) " +
        "SET r.id = rel.id, r.status = rel.status, r.claimedBy = rel.claimedBy, r.disputedBy = rel.disputedBy";

    public const string CasualtyStatements =
        "MATCH (n:Node {kind: 'STATEMENT'}) WHERE any(e IN n.eventIds WHERE e IN $ids) RETURN n.kind AS kind, n.body AS body ORDER BY n.id";

    public const string BumpVersion = "MERGE (m:Meta {key: 'dataVersion'}) SET m.value = coalesce(m.value, 0) + 1";

    public const string DataVersion = "OPTIONAL MATCH (m:Meta {key: 'dataVersion'}) RETURN coalesce(m.value, 0) AS version";

    public const string Stats = "MATCH (n:Node) RETURN n.kind AS kind, count(*) AS count ORDER BY kind";

    public const string RelationCount = "MATCH ()-[r:REL]->() RETURN count(r) AS count";

    public const string Search =
        "CALL db.index.fulltext.queryNodes('conflictgraph_search', $query) YIELD node, score " +
        "WHERE $kinds IS NULL OR node.kind IN $kinds RETURN node.id AS id, node.kind AS kind, score ORDER BY score DESC, id LIMIT $limit";

    // Variable-length bounds cannot be parameters; they come from the core's traversal ceilings.
    public static readonly string PlacesWithin =
        $"UNWIND $ids AS id MATCH (root:Node {{id: id}}) OPTIONAL MATCH (p:Node)-[rs:REL*1..{TraversalLimits.MaxContainmentDepth}]->(root) WHERE all(r IN rs WHERE r.type = 'LOCATED_IN') " +
        "RETURN id AS root, collect(DISTINCT p.id) AS inside";

    public static readonly string EscalationBackward =
        $"UNWIND $ids AS id MATCH (e:Node {{id: id}})-[rs:REL*1..{TraversalLimits.MaxEscalationDepth}]->(:Node) WHERE size(rs) <= $depth AND all(r IN rs WHERE r.type IN ['RETALIATION_FOR', 'RESPONSE_TO']) " +
        "UNWIND rs AS r RETURN DISTINCT id AS root, r.id AS relation";

    public static readonly string EscalationForward =
        $"UNWIND $ids AS id MATCH (e:Node {{id: id}})<-[rs:REL*1..{TraversalLimits.MaxEscalationDepth}]-(:Node) WHERE size(rs) <= $depth AND all(r IN rs WHERE r.type IN ['RETALIATION_FOR', 'RESPONSE_TO']) " +
        "UNWIND rs AS r RETURN DISTINCT id AS root, r.id AS relation";

    public const string Referencing = "MATCH (n:Node) WHERE $id IN n.refs AND n.id <> $id RETURN n.kind AS kind, n.body AS body";

    public const string DeleteNode = "MATCH (n:Node {id: $id}) DETACH DELETE n";

    public const string ExportNodes = "MATCH (n:Node) WHERE n.id > $after RETURN n.kind AS kind, n.body AS body, n.id AS id ORDER BY n.id LIMIT $limit";

    public const string ExportRelations =
        $"MATCH (a:Node)-[r:REL]->(b:Node) WHERE r.id > $after RETURN {RelationColumns} ORDER BY r.id LIMIT $limit";

    public const string Clear = "MATCH (n) DETACH DELETE n";
}
