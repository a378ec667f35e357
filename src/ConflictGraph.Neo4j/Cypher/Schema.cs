using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Neo4j.Layout;

namespace ConflictGraph.Neo4j.Cypher;

public static partial class Statements
{
    /// <summary>
    /// The constraints and indexes, created at first use; each is IF NOT EXISTS, so running them
    /// again changes nothing. Range indexes are per label (Neo4j indexes a label, not a property
    /// across labels), so each date or kind filter has one on the kinds it applies to.
    /// </summary>
    public static IReadOnlyList<string> Schema { get; } =
    [
        $"CREATE CONSTRAINT conflictgraph_node_id IF NOT EXISTS FOR (n:{Labels.Node}) REQUIRE n.id IS UNIQUE",
        $"CREATE CONSTRAINT conflictgraph_claim_key IF NOT EXISTS FOR (c:{Labels.Claim}) REQUIRE c.key IS UNIQUE",
        $"CREATE INDEX conflictgraph_claim_target IF NOT EXISTS FOR (c:{Labels.Claim}) ON (c.targetId)",
        $"CREATE CONSTRAINT conflictgraph_fact_id IF NOT EXISTS FOR (f:{Labels.Fact}) REQUIRE f.id IS UNIQUE",
        $"CREATE INDEX conflictgraph_fact_property IF NOT EXISTS FOR (f:{Labels.Fact}) ON (f.property)",
        $"CREATE INDEX conflictgraph_fact_status IF NOT EXISTS FOR (f:{Labels.Fact}) ON (f.status)",
        .. new[] { NodeKind.Event, NodeKind.Statement }.Select(kind =>
            $"CREATE INDEX conflictgraph_{Labels.Of(kind).ToLowerInvariant()}_date IF NOT EXISTS FOR (n:{Labels.Of(kind)}) ON (n.dateStart)"),
        .. new[] { NodeKind.Organization, NodeKind.Place, NodeKind.Event, NodeKind.Statement }.Select(kind =>
            $"CREATE INDEX conflictgraph_{Labels.Of(kind).ToLowerInvariant()}_subkind IF NOT EXISTS FOR (n:{Labels.Of(kind)}) ON (n.subKind)"),
        // Export pages each relation type by id, in the index's order.
        .. RelationshipTypes.Relations.Select(type =>
            $"CREATE INDEX conflictgraph_rel_{type.ToLowerInvariant()}_id IF NOT EXISTS FOR ()-[r:{type}]-() ON (r.id)"),
        // The whitespace analyzer keeps SearchText's folding as it is (no stemming, no stop words).
        $"CREATE FULLTEXT INDEX {TextIndex} IF NOT EXISTS FOR (n:{Labels.Node}) ON EACH [n.search] OPTIONS {{ indexConfig: {{ `fulltext.analyzer`: 'whitespace' }} }}",
        // Search's first tier: the names and aliases of the kinds that have them.
        $"CREATE FULLTEXT INDEX {NameIndex} IF NOT EXISTS FOR (n:{string.Join('|', SearchText.NamedKinds.Select(Labels.Of))}) ON EACH [n.names] OPTIONS {{ indexConfig: {{ `fulltext.analyzer`: 'whitespace' }} }}",
        $"MERGE (m:{Labels.Meta} {{key: 'dataVersion'}}) ON CREATE SET m.value = 0",
        // The change log: read by cursor (the unique sequence number, which also refuses a number handed
        // out twice) and by target. Syntax as in the Cypher Manual 5, "Create constraints" and "Create indexes".
        $"CREATE CONSTRAINT conflictgraph_history_seq IF NOT EXISTS FOR (h:{Labels.History}) REQUIRE h.seq IS UNIQUE",
        $"CREATE INDEX conflictgraph_history_target IF NOT EXISTS FOR (h:{Labels.History}) ON (h.targetId)",
    ];

    /// <summary>
    /// Whether the database still holds data in the layout before 2026-12 (every node a bare :Node
    /// with a kind property, every relation a :REL): nodes without a kind label, counted from
    /// Neo4j's count store (constant time), and any :REL relationship.
    /// </summary>
    public static readonly string LayoutCheck =
        $"CALL () {{ MATCH (n:{Labels.Node}) RETURN count(n) AS nodes }} " +
        string.Concat(Labels.Kinds.Select(label => $"CALL () {{ MATCH (n:{label}) RETURN count(n) AS {Count(label)} }} ")) +
        $"RETURN nodes - ({string.Join(" + ", Labels.Kinds.Select(Count))}) AS unlabelled, " +
        $"EXISTS {{ MATCH (:{Labels.Node})-[:{Legacy.Relationship}]->(:{Labels.Node}) }} AS legacyRelations";

    private static string Count(string label) => $"{label.ToLowerInvariant()}s";
}
