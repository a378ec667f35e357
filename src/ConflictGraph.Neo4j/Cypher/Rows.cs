using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Neo4j.Layout;
using ConflictGraph.Neo4j.Wire;

namespace ConflictGraph.Neo4j.Cypher;

/// <summary>Reads the store's result rows (and the maps nested in them) into the core's records.</summary>
public static class Rows
{
    public static Node Node(QueryRow row) => NodeJson.Parse(EnumNames.Of(Labels.KindOf(row.String("kind"))), row.String("body"));

    /// <summary>A node read without its body, from a map of its kind and id.</summary>
    public static NodeKey Key(IReadOnlyDictionary<string, object?> map) => new((string)map["id"]!, Labels.KindOf((string)map["kind"]!));

    /// <summary>A row as a map, to read it as the maps nested in a result are read.</summary>
    public static IReadOnlyDictionary<string, object?> Map(QueryRow row)
    {
        var map = new Dictionary<string, object?>(row.Fields.Count);
        for (var i = 0; i < row.Fields.Count; i++) map[row.Fields[i]] = row.Values[i];
        return map;
    }

    public static Node Node(IReadOnlyDictionary<string, object?> map) =>
        NodeJson.Parse(EnumNames.Of(Labels.KindOf((string)map["kind"]!)), (string)map["body"]!);

    public static IReadOnlyList<Node> Nodes(QueryResult result) => result.Records.Select(Node).ToList();

    public static Relation Relation(QueryRow row) =>
        new(RelationshipTypes.RelationOf(row.String("type")), row.String("fromId"), row.String("toId"), Claims(row["claims"]));

    public static Relation Relation(IReadOnlyDictionary<string, object?> map) =>
        new(RelationshipTypes.RelationOf((string)map["type"]!), (string)map["fromId"]!, (string)map["toId"]!, Claims(map["claims"]));

    /// <summary>Each relation once, in id order (the order every store gives).</summary>
    public static IReadOnlyList<Relation> Relations(IEnumerable<Relation> relations) =>
        relations.DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();

    public static IReadOnlyList<Relation> Relations(QueryResult result) => Relations(result.Records.Select(Relation));

    public static Fact Fact(QueryRow row) => new(row.String("subjectId"), row.String("property"), row.String("value"), Claims(row["claims"]));

    public static Fact Fact(IReadOnlyDictionary<string, object?> map) =>
        new((string)map["subjectId"]!, (string)map["property"]!, (string)map["value"]!, Claims(map["claims"]));

    /// <summary>Each fact once, in id order.</summary>
    public static IReadOnlyList<Fact> Facts(IEnumerable<Fact> facts) => facts.DistinctBy(f => f.Id).OrderBy(f => f.Id, StringComparer.Ordinal).ToList();

    public static IReadOnlyList<Fact> Facts(QueryResult result) => Facts(result.Records.Select(Fact));

    /// <summary>A relation's or fact's claims as the store reads them (maps of statement, position, characterization), by statement id.</summary>
    public static IReadOnlyList<Claim> Claims(object? claims) =>
        claims is IEnumerable<object?> items
            ? ClaimMerge.Ordered(items.OfType<IReadOnlyDictionary<string, object?>>().Select(c => new Claim(
                (string)c["statement"]!, EnumNames.Parse<ClaimPosition>((string)c["position"]!), c["characterization"] as string)))
            : [];

    /// <summary>A list of maps in a result, e.g. the relations of an expansion.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, object?>> Maps(object? list) =>
        list is IEnumerable<object?> items ? items.OfType<IReadOnlyDictionary<string, object?>>() : [];
}
