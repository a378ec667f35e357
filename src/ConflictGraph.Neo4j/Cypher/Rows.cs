using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Neo4j.Layout;
using ConflictGraph.Neo4j.Wire;

namespace ConflictGraph.Neo4j.Cypher;

/// <summary>Reads the store's result rows (and the maps nested in them) into the core's records.</summary>
public static class Rows
{
    public static Node Node(QueryRow row) => NodeJson.Parse(EnumNames.Of(Labels.KindOf(row.String("kind"))), row.String("body"));

    public static Node Node(IReadOnlyDictionary<string, object?> map) =>
        NodeJson.Parse(EnumNames.Of(Labels.KindOf((string)map["kind"]!)), (string)map["body"]!);

    public static IReadOnlyList<Node> Nodes(QueryResult result) => result.Records.Select(Node).ToList();

    public static Relation Relation(QueryRow row) =>
        Relation(row.String("type"), row.String("fromId"), row.String("toId"), row["claims"]);

    public static Relation Relation(IReadOnlyDictionary<string, object?> map) =>
        Relation((string)map["type"]!, (string)map["fromId"]!, (string)map["toId"]!, map["claims"]);

    /// <summary>Each relation once, in id order (the order every store gives).</summary>
    public static IReadOnlyList<Relation> Relations(IEnumerable<Relation> relations) =>
        relations.DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();

    public static IReadOnlyList<Relation> Relations(QueryResult result) => Relations(result.Records.Select(Relation));

    /// <summary>A relation's claims as the store reads them: statement id to whether it disputes.</summary>
    public static Dictionary<string, bool> Claims(object? claims)
    {
        var positions = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (claims is not IEnumerable<object?> items) return positions;
        foreach (var claim in items.OfType<IReadOnlyDictionary<string, object?>>())
            positions[(string)claim["statement"]!] = ClaimPositions.IsDispute((string)claim["position"]!);
        return positions;
    }

    private static Relation Relation(string type, string fromId, string toId, object? claims)
    {
        var positions = Claims(claims);
        return new Relation(RelationshipTypes.RelationOf(type), fromId, toId,
            positions.Where(p => !p.Value).Select(p => p.Key).Order(StringComparer.Ordinal).ToList(),
            positions.Where(p => p.Value).Select(p => p.Key).Order(StringComparer.Ordinal).ToList());
    }
}
