using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Neo4j.Wire;

namespace ConflictGraph.Store.Tests.Neo4j;

/// <summary>
/// Writes a graph the way the store wrote it before 2026-12 (its statements and node properties as
/// they were), so the live migration test starts from a database like the ones users have.
/// </summary>
public static class LegacyLayoutWriter
{
    public static IReadOnlyList<string> Schema { get; } =
    [
        "CREATE CONSTRAINT conflictgraph_node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE",
        "CREATE INDEX conflictgraph_node_kind IF NOT EXISTS FOR (n:Node) ON (n.kind)",
        "CREATE INDEX conflictgraph_node_date IF NOT EXISTS FOR (n:Node) ON (n.dateStart)",
        "CREATE INDEX conflictgraph_node_speaker IF NOT EXISTS FOR (n:Node) ON (n.speakerId)",
        "CREATE INDEX conflictgraph_rel_type IF NOT EXISTS FOR ()-[r:REL]-() ON (r.type)",
        "CREATE INDEX conflictgraph_rel_id IF NOT EXISTS FOR ()-[r:REL]-() ON (r.id)",
    ];

    public const string WriteNodes = "UNWIND $rows AS row MERGE (n:Node {id: row.id}) SET n += row";

    public const string WriteRelations =
        "UNWIND $rels AS rel MATCH (a:Node {id: rel.fromId}) MATCH (b:Node {id: rel.toId}) MERGE (a)-[r:REL {type: rel.type}]->(b) " +
        "SET r.id = rel.id, r.status = rel.status, r.claimedBy = rel.claimedBy, r.disputedBy = rel.disputedBy";

    public static IEnumerable<string> Statements => [.. Schema, WriteNodes, WriteRelations];

    public static async Task WriteAsync(QueryApiClient client, GraphBatch batch, CancellationToken cancellationToken)
    {
        foreach (var statement in Schema) await client.WriteAsync(statement, null, cancellationToken);
        await client.WriteAsync(WriteNodes, new { rows = batch.Nodes.Select(Row).ToList() }, cancellationToken);
        await client.WriteAsync(WriteRelations, new
        {
            rels = batch.Relations.Select(r => new
            {
                id = r.Id, type = EnumNames.Of(r.Type), fromId = r.FromId, toId = r.ToId, status = EnumNames.Of(r.Status),
                claimedBy = r.ClaimedBy, disputedBy = r.DisputedBy,
            }).ToList(),
        }, cancellationToken);
    }

    /// <summary>A node's properties in that layout: its kind as a property, the ids its fields name as lists.</summary>
    private static Dictionary<string, object?> Row(Node node)
    {
        var date = node switch { Event e => e.Date, Statement s => s.Date, _ => null };
        var references = NodeReferences.Of(node).ToList();
        List<string> Targets(string field) => references.Where(r => r.Field == field || r.Field.StartsWith(field + "[", StringComparison.Ordinal)
            || r.Field.EndsWith("." + field, StringComparison.Ordinal)).Select(r => r.TargetId).Distinct().ToList();
        return new Dictionary<string, object?>
        {
            ["id"] = node.Id,
            ["kind"] = EnumNames.Of(node.Kind),
            ["label"] = node.Label,
            ["dateStart"] = date is null ? null : InputText.FormatDate(date.Start),
            ["dateEnd"] = date is null ? null : InputText.FormatDate(date.End),
            ["body"] = NodeJson.Serialize(node),
            ["search"] = SearchText.For(node),
            ["speakerId"] = Targets("speakerId").FirstOrDefault(),
            ["aboutIds"] = Targets("aboutIds"),
            ["eventIds"] = Targets("eventId"),
            ["refs"] = references.Select(r => r.TargetId).Distinct().ToList(),
        };
    }
}
