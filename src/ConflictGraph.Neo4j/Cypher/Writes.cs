using ConflictGraph.Core.Model;
using ConflictGraph.Neo4j.Layout;

namespace ConflictGraph.Neo4j.Cypher;

public static partial class Statements
{
    /// <summary>Upserts nodes of one kind: the row's map becomes the node's properties, the kind its label.</summary>
    public static string WriteNodes(NodeKind kind) =>
        $"UNWIND $rows AS row MERGE (n:{Labels.Node} {{id: row.id}}) SET n = row, n:{Labels.Of(kind)}";

    /// <summary>
    /// Replaces the reference relationships of the rows' nodes: each row holds, per reference type,
    /// the ids its fields name (as <see cref="NodeProperties.ReferencesOf"/> builds it).
    /// </summary>
    public static string WriteReferences { get; } =
        $"UNWIND $rows AS row MATCH (n:{Labels.Node} {{id: row.id}}) " +
        $"CALL (n) {{ MATCH (n:{Labels.Node})-[x:{References.AnyType}]->(:{Labels.Node}) DELETE x }} " +
        string.Concat(References.Types.Select(type =>
            $"CALL (n, row) {{ UNWIND row.{type} AS target MATCH (t:{Labels.Node} {{id: target}}) MERGE (n)-[:{type}]->(t) }} ")) +
        "RETURN count(n) AS written";

    /// <summary>Upserts relations of one type between existing nodes, with their id and status.</summary>
    public static string WriteRelations(RelationType type) =>
        $"UNWIND $rels AS rel MATCH (a:{Labels.Node} {{id: rel.fromId}}) MATCH (b:{Labels.Node} {{id: rel.toId}}) " +
        $"MERGE (a)-[r:{RelationshipTypes.Of(type)}]->(b) SET r.id = rel.id, r.status = rel.status";

    /// <summary>Sets the status of existing relations, found by identity.</summary>
    public static string WriteStatuses { get; } =
        $"UNWIND $rels AS rel MATCH (a:{Labels.Node} {{id: rel.fromId}})-[r:{RelationshipTypes.AnyOf(null)}]->(b:{Labels.Node} {{id: rel.toId}}) " +
        "WHERE type(r) = rel.type SET r.status = rel.status";

    /// <summary>Upserts claims (<see cref="ClaimRows"/>), one node per (statement, target) keyed by both, linked from its statement.</summary>
    public static string WriteClaims { get; } =
        $"UNWIND $claims AS claim MATCH (s:{Labels.Node} {{id: claim.statementId}}) MERGE (c:{Labels.Claim} {{key: claim.key}}) " +
        "SET c.statementId = claim.statementId, c.targetId = claim.targetId, c.relationType = claim.relationType, c.fromId = claim.fromId, c.toId = claim.toId, " +
        "c.position = claim.position, c.characterization = claim.characterization " +
        $"MERGE (s)-[:{RelationshipTypes.Makes}]->(c)";

    /// <summary>Upserts facts about existing nodes, with their status; a new fact is linked from its subject.</summary>
    public static string WriteFacts { get; } =
        $"UNWIND $facts AS fact MATCH (s:{Labels.Node} {{id: fact.subjectId}}) MERGE (f:{Labels.Fact} {{id: fact.id}}) " +
        $"SET f.subjectId = fact.subjectId, f.property = fact.property, f.value = fact.value, f.status = fact.status MERGE (s)-[:{RelationshipTypes.HasFact}]->(f)";

    public static string WriteFactStatuses { get; } = $"UNWIND $facts AS fact MATCH (f:{Labels.Fact} {{id: fact.id}}) SET f.status = fact.status";

    /// <summary>
    /// What a statement's claims are on, before it is deleted, so their status can follow the claims
    /// left: a relation's identity, or a fact's id (relationType empty).
    /// </summary>
    public static string ClaimTargets { get; } =
        $"MATCH (:{Labels.Node} {{id: $id}})-[:{RelationshipTypes.Makes}]->(c:{Labels.Claim}) " +
        "RETURN c.targetId AS targetId, c.relationType AS type, c.fromId AS fromId, c.toId AS toId";

    /// <summary>
    /// Removes a node's own claims, the claims on its relations and on the facts about it, those facts,
    /// then the node with its relationships.
    /// </summary>
    public static IReadOnlyList<string> DeleteNode { get; } =
    [
        $"MATCH (:{Labels.Node} {{id: $id}})-[:{RelationshipTypes.Makes}]->(c:{Labels.Claim}) DETACH DELETE c",
        $"MATCH (:{Labels.Node} {{id: $id}})-[r:{RelationshipTypes.AnyOf(null)}]-(:{Labels.Node}) MATCH (c:{Labels.Claim} {{targetId: r.id}}) DETACH DELETE c",
        $"MATCH (:{Labels.Node} {{id: $id}})-[:{RelationshipTypes.HasFact}]->(f:{Labels.Fact}) MATCH (c:{Labels.Claim} {{targetId: f.id}}) DETACH DELETE c",
        $"MATCH (:{Labels.Node} {{id: $id}})-[:{RelationshipTypes.HasFact}]->(f:{Labels.Fact}) DETACH DELETE f",
        $"MATCH (n:{Labels.Node} {{id: $id}}) DETACH DELETE n",
    ];

    /// <summary>Removes everything the store wrote (the live tests start each test from nothing).</summary>
    public static string Clear { get; } = $"MATCH (n:{Labels.Node}|{Labels.Claim}|{Labels.Fact}|{Labels.Meta}|{Labels.History}) DETACH DELETE n";
}
