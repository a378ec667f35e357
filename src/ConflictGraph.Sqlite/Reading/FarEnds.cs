using System.Collections.Concurrent;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// The relations of some nodes to follow to their far ends: of these types (all when null), in this direction.
/// <paramref name="TypeNames"/> is the types' names joined with commas (null for all types): with the direction, what
/// makes two groups one and orders them, and so the statement's text. <paramref name="Listed"/> false: the relations are no
/// list's items (<see cref="ExpandRequest.Listed"/>) and do not count toward the level's cap.
/// </summary>
internal sealed record EndsGroup(IReadOnlyList<RelationType>? Types, Direction Direction, IReadOnlyCollection<string> NodeIds, string? TypeNames, bool Listed = true);

/// <summary>
/// A query level that follows relations to their far ends only (no claims): every group's relations,
/// the nodes at their far ends and the nodes asked for by id, in one statement. One statement reads
/// one state of the file, so it needs no snapshot: BEGIN and ROLLBACK were two of the level's five executions.
/// </summary>
internal static class FarEnds
{
    /// <summary>
    /// The statement for <paramref name="groups"/> (parameters $g0, $g1, ... their node ids, $ids the nodes
    /// asked for). Each group's relations come from an index alone (a relation's type and ends are its key), each
    /// with the seq of the end away from the node it was found at (the index carries it, schema 15), and each row
    /// brings that far end's node with it, read by seq: one descent of the nodes table, not the id index's and then
    /// that one. Rows of <c>type, from_id, to_id, kind, body, seq, listed</c>; then <c>NULL, NULL, NULL, kind, body, seq, 0</c>
    /// for each node asked for by id there is. A far end shared by several relations comes once a relation, and
    /// <see cref="ReadAsync"/> keeps it once: the statement builds no table of its own (SQLite's ephemeral tables, each
    /// a b-tree with its own page cache for the statement's life, were two of a 2-level request's five).
    /// </summary>
    public static string Sql(IReadOnlyList<EndsGroup> groups)
    {
        // The text is the same for every level with the same groups' types and directions (the benchmark's 2-level
        // request asks one such level each time): made once per shape, not once per level.
        var shape = groups.Count == 1 ? Shape(groups[0]) : string.Join(";", groups.Select(Shape));
        if (Known.TryGetValue(shape, out var known)) return known;
        var sql = Write(groups);
        if (Known.Count < MaxShapes) Known.TryAdd(shape, sql);
        return sql;
    }

    /// <summary>How many statements' texts are kept: far more than the schema's fields make, so a caller naming types of its own cannot grow the set without bound.</summary>
    private const int MaxShapes = 256;

    private static readonly ConcurrentDictionary<string, string> Known = new(StringComparer.Ordinal);

    private static string Shape(EndsGroup group) => $"{(int)group.Direction}:{group.TypeNames ?? "*"}{(group.Listed ? "" : ":single")}";

    /// <summary>The names of the groups' node id parameters, $g0, $g1, ...</summary>
    public static string GroupParameter(int index) => index < GroupParameters.Length ? GroupParameters[index] : $"$g{index}";

    private static readonly string[] GroupParameters = [.. Enumerable.Range(0, 8).Select(i => $"$g{i}")];

    private static string Write(IReadOnlyList<EndsGroup> groups)
    {
        var probes = groups.SelectMany((g, i) =>
        {
            var types = g.Types is null ? null : Traversal.TypeList(g.Types);
            var listed = g.Listed ? 1 : 0;
            // LEFT JOIN keeps the relations first (SQLite never reorders one) and keeps a relation whatever its far end.
            var outgoing = $"SELECT {RelationReads.Keys}, {NodeColumns}, {listed} FROM {Ids.Driving(GroupParameter(i))} CROSS JOIN relations r ON {Traversal.Outgoing("r", "j.value", types)} " +
                           "LEFT JOIN nodes n ON n.seq = r.to_seq";
            var incoming = $"SELECT {RelationReads.Keys}, {NodeColumns}, {listed} FROM {Ids.Driving(GroupParameter(i))} CROSS JOIN {Traversal.IncomingTable("r")} ON {Traversal.Incoming("r", "j.value", types)} " +
                           "LEFT JOIN nodes n ON n.seq = r.from_seq";
            return g.Direction switch
            {
                Direction.Outgoing => [outgoing],
                Direction.Incoming => [incoming],
                _ => new[] { outgoing, incoming },
            };
        });
        return $"{string.Join(" UNION ALL ", probes)} UNION ALL SELECT NULL, NULL, NULL, {NodeColumns}, 0 FROM {Ids.Driving("$ids")} CROSS JOIN nodes n ON n.id = j.value";
    }

    /// <summary>A row's node (alias n): columns 3, 4 and 5; column 6 is 1 when its relation counts toward the cap (<see cref="EndsGroup.Listed"/>).</summary>
    private const string NodeColumns = "n.kind, n.body, n.seq";

    /// <summary>
    /// The groups' relations (claim lists empty) in id order, their far ends and the nodes in <paramref name="nodeIds"/>.
    /// <paramref name="alongside"/> (the level's pages) runs once the statement has found its first row and before it
    /// reads on: SQLite keeps an implicit read transaction until the connection's last active statement finishes, so
    /// what it reads sees the same state of the file, with no BEGIN and ROLLBACK and no second read transaction. Told
    /// whether it shares the transaction: not when the statement found nothing (it has finished by then).
    /// The relations come first, a listed group's read up to <paramref name="cap"/>: the statement hands rows over as SQLite finds
    /// them (it sorts nothing and builds no table), so the reader stops it one relation past the cap, and the read ends
    /// with <see cref="RowCapExceededException"/>. (A LIMIT on the statement, bound to the cap, cost the 2-level request
    /// 1.5 times its CPU at 1M: BENCHMARKS.md, "Request limits that bound the work, session 19".)
    /// </summary>
    public static async Task<Neighborhood> ReadAsync(
        SqliteConnection connection, IReadOnlyList<EndsGroup> groups, IReadOnlyCollection<string> nodeIds,
        Func<bool, Task>? alongside, RowCap cap, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(Sql(groups));
        for (var i = 0; i < groups.Count; i++) Ids.Add(command, GroupParameter(i), groups[i].NodeIds);
        Ids.Add(command, "$ids", nodeIds);
        var found = 0;
        // Each relation once (a relation between two nodes of the level is found at both), by its key's parts: its id is
        // not formatted to find repeats or to order them (RelationKey.Order compares as the ids would).
        var relations = new Dictionary<(RelationType, string, string), Relation>();
        // Each node once (a node at the far end of several relations is parsed once), by seq: handed back in seq order,
        // as the statement that chose them with n.seq IN (SELECT ...) did before.
        var nodes = new Dictionary<long, Node>();
        using var rows = command.Rows(cancellationToken);
        var more = rows.Read();
        if (alongside is not null) await alongside(more);
        for (; more; more = rows.Read())
        {
            if (!rows.IsNull(0))
            {
                if (rows.GetInt64(6) != 0) cap.Check(++found);
                var relation = new Relation(EnumNames.Parse<RelationType>(rows.GetString(0)), rows.GetString(1), rows.GetString(2), []);
                relations.TryAdd((relation.Type, relation.FromId, relation.ToId), relation);
            }
            if (rows.IsNull(5)) continue;
            var seq = rows.GetInt64(5);
            if (!nodes.ContainsKey(seq)) nodes[seq] = Writing.NodeRow.Read(rows, kind: 3, body: 4);
        }
        var ordered = relations.Values.ToList();
        ordered.Sort(RelationKey.Order);
        var seqs = nodes.Keys.ToArray();
        Array.Sort(seqs);
        return new Neighborhood(ordered, Array.ConvertAll(seqs, seq => nodes[seq]));
    }
}
