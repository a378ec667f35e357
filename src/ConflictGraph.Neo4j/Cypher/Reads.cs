using ConflictGraph.Neo4j.Layout;

namespace ConflictGraph.Neo4j.Cypher;

/// <summary>
/// Every Cypher statement the store runs. Values always travel as parameters; labels and
/// relationship types come from the layout tables (never from input), and each query shape has one
/// fixed text, so Neo4j's plan cache serves it. Every node lookup by id goes through the :Node
/// label, whose uniqueness constraint is the index that answers it.
/// </summary>
public static partial class Statements
{
    // Fragments shared across this partial class are properties: static field initializers of a
    // partial class run in no defined order across its files.
    private static string Kind => Labels.KindExpression("n");

    public static readonly string NodesByIds =
        $"UNWIND $ids AS id MATCH (n:{Labels.Node} {{id: id}}) RETURN {Kind} AS kind, n.body AS body";

    public static readonly string StoredBodies =
        $"UNWIND $ids AS id MATCH (n:{Labels.Node} {{id: id}}) RETURN n.id AS id, {Kind} AS kind, n.body AS body";

    public static readonly string MissingIds =
        $"UNWIND $ids AS id OPTIONAL MATCH (n:{Labels.Node} {{id: id}}) WITH id, n WHERE n IS NULL RETURN id";

    /// <summary>
    /// Statements carrying casualty figures for the events, from each event back along the reference: up to $cap of them
    /// (<see cref="CapParameter"/>, one past the <see cref="Core.Store.RowCap"/>), the LIMIT before the sort.
    /// </summary>
    public static readonly string CasualtyStatements =
        $"UNWIND $ids AS id MATCH (:{Labels.Node} {{id: id}})<-[:{References.ReportsCasualtiesOf}]-(n:{Labels.Of(Core.Model.NodeKind.Statement)}) " +
        $"WITH DISTINCT n LIMIT ${CapParameter} RETURN {Kind} AS kind, n.body AS body ORDER BY n.id";

    /// <summary>Nodes whose fields name the node (to rewrite their bodies when it is deleted).</summary>
    public static readonly string Referencing =
        $"MATCH (:{Labels.Node} {{id: $id}})<-[:{References.AnyType}]-(n:{Labels.Node}) WHERE n.id <> $id " +
        $"WITH DISTINCT n RETURN {Kind} AS kind, n.body AS body";

    /// <summary>The full-text index of every node's whole text (<c>n.search</c>).</summary>
    public const string TextIndex = "conflictgraph_search";

    /// <summary>The full-text index of the named kinds' names (<c>n.names</c>).</summary>
    public const string NameIndex = "conflictgraph_names";

    /// <summary>
    /// The order of full-text hits, best score first, then id: a total order, so search's tiers and a words filter's
    /// matches keep the same hits however they are split or limited.
    /// </summary>
    public const string HitOrder = "ORDER BY score DESC, id";

    /// <summary>Search's whole text alone, when no kind asked for has names (so no name tier).</summary>
    public static readonly string TextSearch =
        $"{Hits(TextIndex, null)}RETURN node.id AS id, kind, score {HitOrder} LIMIT $limit";

    /// <summary>
    /// Search's two tiers (SearchText.Names) in one statement, each a list of maps of id, kind and score, best first
    /// (score, then id: a total order): <c>names</c>, the name index's first $limit hits; <c>texts</c>, when the names
    /// leave room, the whole text's first $limit hits less the names'. The caller keeps as many texts as there is room
    /// for, which are the hits a second statement limited to that room would return.
    /// </summary>
    public static readonly string Search =
        $"CALL () {{ {Hits(NameIndex, null)}{Ranked("names")} }} " +
        $"CALL (names) {{ WITH * WHERE size(names) < $limit {Hits(TextIndex, "[hit IN names | hit.id]")}{Ranked("texts")} }} " +
        "RETURN names, texts";

    /// <summary>The hits of one full-text index of the kinds asked for ($kinds, null for any), less the ids <paramref name="exclude"/> lists.</summary>
    private static string Hits(string index, string? exclude) =>
        $"CALL db.index.fulltext.queryNodes('{index}', $query) YIELD node, score " +
        $"WITH node, score, {Labels.KindExpression("node")} AS kind WHERE ($kinds IS NULL OR kind IN $kinds){(exclude is null ? "" : $" AND NOT node.id IN {exclude}")} ";

    /// <summary>The first $limit hits, sorted by a WITH before they are collected (the order collect keeps), as <paramref name="name"/>.</summary>
    private static string Ranked(string name) =>
        $"WITH node.id AS id, kind, score {HitOrder} LIMIT $limit RETURN collect({{id: id, kind: kind, score: score}}) AS {name}";

    // Variable-length bounds cannot be parameters; they come from the core's traversal ceilings.
    public static readonly string PlacesWithin =
        $"UNWIND $ids AS id MATCH (root:{Labels.Node} {{id: id}}) " +
        $"OPTIONAL MATCH (p:{Labels.Of(Core.Model.NodeKind.Place)})-[:{RelationshipTypes.Of(Core.Model.RelationType.LocatedIn)}*1..{Core.Rules.TraversalLimits.MaxContainmentDepth}]->(root) " +
        "RETURN id AS root, collect(DISTINCT p.id) AS inside";

    /// <summary>
    /// Nodes per kind, a column named by each kind's label, and <c>relations</c>, in one statement. Each count is an
    /// uncorrelated subquery whose whole query is one <c>count</c> with no grouping key (the relations: one such branch
    /// per type, summed), the shape Neo4j's planner answers from its count store (NodeCountFromCountStore,
    /// RelationshipCountFromCountStore) and plans per subquery as it plans a statement of its own. A kind with no nodes
    /// counts 0.
    /// </summary>
    public static readonly string Stats =
        string.Concat(Labels.Kinds.Select(label => $"CALL () {{ MATCH (n:{label}) RETURN count(n) AS {label} }} ")) +
        "CALL () { CALL () { " + string.Join(" UNION ALL ", RelationshipTypes.Relations.Select(type => $"MATCH ()-[r:{type}]->() RETURN count(r) AS count")) +
        " } RETURN sum(count) AS relations } " +
        $"RETURN {string.Join(", ", Labels.Kinds)}, relations";

    public static readonly string ExportNodes =
        $"MATCH (n:{Labels.Node}) WHERE n.id > $after RETURN {Kind} AS kind, n.body AS body, n.id AS id ORDER BY n.id LIMIT $limit";

    public const string BumpVersion = $"MERGE (m:{Labels.Meta} {{key: 'dataVersion'}}) SET m.value = coalesce(m.value, 0) + 1";

    public const string DataVersion = $"OPTIONAL MATCH (m:{Labels.Meta} {{key: 'dataVersion'}}) RETURN coalesce(m.value, 0) AS version";
}
