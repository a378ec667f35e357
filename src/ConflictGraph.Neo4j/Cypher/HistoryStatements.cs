using ConflictGraph.Neo4j.Layout;

namespace ConflictGraph.Neo4j.Cypher;

/// <summary>The change log's statements: :History entries, numbered by the data-version counter.</summary>
public static partial class Statements
{
    /// <summary>
    /// Takes the next <c>$count</c> sequence numbers and returns the last: the data version is the
    /// log's newest sequence number. Because the right-hand side of SET reads the property it sets,
    /// Cypher takes the node's write lock before reading it, and a write lock is held until the
    /// transaction ends (Neo4j Operations Manual, "Locks and deadlocks", lost updates:
    /// https://neo4j.com/docs/operations-manual/current/database-internals/locks-deadlocks/). So writers
    /// take turns on the counter from their first entry to their commit, each one's numbers follow the
    /// last committed ones, and the log's order is commit order. The schema creates the counter.
    /// </summary>
    public const string TakeSequences =
        $"MATCH (m:{Labels.Meta} {{key: 'dataVersion'}}) SET m.value = m.value + $count RETURN m.value AS last";

    /// <summary>Appends entries, each row a map of <see cref="Properties.History"/>.</summary>
    public const string WriteHistory = $"UNWIND $entries AS e CREATE (h:{Labels.History}) SET h = e";

    private const string HistoryColumns =
        "h.seq AS seq, h.kind AS kind, h.target AS target, h.nodeKind AS nodeKind, h.targetId AS targetId, h.statementId AS statementId, " +
        "h.batchId AS batchId, h.writer AS writer, h.at AS at, h.batchFirst AS batchFirst, h.aboutIds AS aboutIds";

    /// <summary>
    /// The entry's columns with its 'before', whether a later entry of the same target exists, and that entry's 'before'
    /// (this entry's 'after'), found through the target index; and the target as stored now (<see cref="StoredTarget"/>,
    /// null when it is gone), which is the 'after' of the target's newest entry, read in the same request. Whether a later
    /// entry exists is bound by a WITH before the RETURN, so that each entry reads only the 'after' it has: the next
    /// entry's 'before' when there is one, else the stored target: Neo4j's planner solves a subquery expression inside a
    /// CASE as a nested plan that runs only when its branch is taken, never as a RollUpApply run for every row (its
    /// SubqueryExpressionSolver), so an older entry reads no stored target and the newest no later entry.
    /// </summary>
    private static readonly string HistoryStates =
        $"WITH h, EXISTS {{ MATCH (n:{Labels.History} {{targetId: h.targetId}}) WHERE n.seq > h.seq }} AS hasNext " +
        $"RETURN {HistoryColumns}, h.before AS before, hasNext, " +
        $"CASE WHEN hasNext THEN head(COLLECT {{ MATCH (n:{Labels.History} {{targetId: h.targetId}}) WHERE n.seq > h.seq WITH n ORDER BY n.seq LIMIT 1 RETURN n.before AS before }}) END AS nextBefore, " +
        $"CASE WHEN hasNext THEN null ELSE {StoredTarget} END AS stored " +
        "ORDER BY seq";

    private static string TargetIs(Core.History.HistoryTarget target) => $"'{Core.Model.EnumNames.Of(target)}'";

    /// <summary>
    /// The entry's target as stored now, as one map, each kind through its own index: a node (kind and body) through the
    /// node id's constraint; a fact (<see cref="FactMap"/>) through the fact id's; a relation (<see cref="RelationMap"/>)
    /// by its stored id, one branch a relation type, since Neo4j indexes a relationship property per type (each type's
    /// <c>r.id</c> index, which export pages along). Every entry's target id is the id its target is stored under, so
    /// entries written before this read existed are found alike.
    /// </summary>
    private static string StoredTarget =>
        $"CASE h.target " +
        $"WHEN {TargetIs(Core.History.HistoryTarget.Node)} THEN head(COLLECT {{ MATCH (n:{Labels.Node} {{id: h.targetId}}) RETURN {{kind: {Labels.KindExpression("n")}, body: n.body}} AS stored }}) " +
        $"WHEN {TargetIs(Core.History.HistoryTarget.Relation)} THEN head(COLLECT {{ " +
        string.Join(" UNION ALL ", RelationshipTypes.Relations.Select(type =>
            $"MATCH (a:{Labels.Node})-[r:{type} {{id: h.targetId}}]->(b:{Labels.Node}) RETURN {RelationMap} AS stored")) + " }) " +
        $"WHEN {TargetIs(Core.History.HistoryTarget.Fact)} THEN head(COLLECT {{ MATCH (s:{Labels.Node})-[:{RelationshipTypes.HasFact}]->(f:{Labels.Fact} {{id: h.targetId}}) RETURN {FactMap} AS stored }}) " +
        "END";

    /// <summary>Entries after a sequence number, oldest first, without before and after (what live updates tail), along the seq index.</summary>
    public const string HistoryTail =
        $"MATCH (h:{Labels.History}) WHERE h.seq > $after RETURN {HistoryColumns} ORDER BY h.seq LIMIT $limit";

    /// <summary>One page of the log (or of one target's entries), with before and after.</summary>
    public static string HistoryPage(bool oneTarget) =>
        $"MATCH (h:{Labels.History}) WHERE h.seq > $after{(oneTarget ? " AND h.targetId = $targetId" : "")} WITH h ORDER BY h.seq LIMIT $limit {HistoryStates}";

    public static string HistoryCount(bool oneTarget) =>
        $"MATCH (h:{Labels.History}){(oneTarget ? " WHERE h.targetId = $targetId" : "")} RETURN count(h) AS total";

    /// <summary>
    /// The count and the page in one statement: the count's one row, then the page's rows beside it; OPTIONAL CALL keeps
    /// the row (its columns null) when the page is empty, so a page past the end still carries the total.
    /// </summary>
    public static string HistoryCountedPage(bool oneTarget) =>
        $"CALL () {{ {HistoryCount(oneTarget)} }} OPTIONAL CALL () {{ {HistoryPage(oneTarget)} }} RETURN * ORDER BY seq";

    /// <summary>Every entry of the targets, with before and after.</summary>
    public static readonly string HistoryOfTargets = $"UNWIND $ids AS id MATCH (h:{Labels.History} {{targetId: id}}) {HistoryStates}";

    /// <summary>
    /// What compaction needs of each entry, a page of targets at a time: the targets after <c>$after</c>
    /// in id order (along the target index), each with its entries in order.
    /// </summary>
    public const string HistoryOutline =
        $"MATCH (h:{Labels.History}) WHERE h.targetId > $after WITH DISTINCT h.targetId AS targetId ORDER BY targetId LIMIT $limit " +
        $"MATCH (e:{Labels.History} {{targetId: targetId}}) RETURN targetId, e.seq AS seq, e.kind AS kind, e.at AS at ORDER BY targetId, seq";

    /// <summary>The log's newest sequence number and its size.</summary>
    public const string HistoryHead =
        $"MATCH (h:{Labels.History}) RETURN coalesce(max(h.seq), 0) AS newest, count(h) AS total";

    public const string DeleteHistory = $"UNWIND $seqs AS s MATCH (h:{Labels.History} {{seq: s}}) DELETE h";

    /// <summary>Removes one claim node by its key (statement, a space, target).</summary>
    public const string DeleteClaim = $"MATCH (c:{Labels.Claim} {{key: $key}}) DETACH DELETE c";
}
