using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.Reading;

namespace ConflictGraph.Sqlite;

public sealed partial class SqliteGraphStore
{
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetPlacesWithinAsync(
        IReadOnlyCollection<string> placeIds, CancellationToken cancellationToken)
    {
        var within = placeIds.Distinct().ToDictionary(id => id, _ => new List<string>());
        if (within.Count == 0) return new Dictionary<string, IReadOnlyList<string>>();
        await using var connection = Open(cancellationToken);
        await using var command = connection.Command(
            $"WITH RECURSIVE inside(root, id, depth) AS (SELECT value, value, 0 FROM json_each($ids) " +
            $"UNION SELECT inside.root, r.from_id, inside.depth + 1 FROM inside CROSS JOIN {Traversal.IncomingTable("r")} ON {Traversal.Incoming("r", "inside.id", "('LOCATED_IN')")} " +
            $"WHERE inside.depth < {TraversalLimits.MaxContainmentDepth}) " +
            "SELECT DISTINCT root, id FROM inside WHERE id <> root ORDER BY root, id");
        Ids.Add(command, "$ids", within.Keys);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) within[reader.GetString(0)].Add(reader.GetString(1));
        return within.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value);
    }

    /// <summary>
    /// The walk hands its links over as it finds them (the recursion's queue and DISTINCT keep their rows as they go; no
    /// sort), so the reader stops it one link past <paramref name="cap"/>, before any relation is read.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Relation>>> GetEscalationAsync(
        IReadOnlyCollection<string> eventIds, ChainDirection direction, int maxDepth, RowCap cap, CancellationToken cancellationToken)
    {
        TraversalLimits.CheckEscalationDepth(maxDepth);
        var chains = eventIds.Distinct().ToDictionary(id => id, _ => new List<string>());
        if (chains.Count == 0) return chains.ToDictionary(c => c.Key, _ => (IReadOnlyList<Relation>)[]);
        // Backward walks from an event to what it answered (outgoing edges); forward to what answered
        // it. Both is the two walks together, never a zigzag into side branches.
        string Walk(string way, string far, string table, string step) =>
            $"SELECT chain.root, r.id, r.{far}, chain.depth + 1, chain.way FROM chain CROSS JOIN {table} ON {step} " +
            $"WHERE chain.way = '{way}' AND chain.depth < $depth";
        const string escalation = "('RETALIATION_FOR', 'RESPONSE_TO')";
        var steps = $"{Walk("b", "to_id", "relations r", Traversal.Outgoing("r", "chain.node", escalation))} UNION " +
                    $"{Walk("f", "from_id", Traversal.IncomingTable("r"), Traversal.Incoming("r", "chain.node", escalation))}";
        await using var connection = Open(cancellationToken);
        var links = new List<(string Root, string Relation)>();
        await using (var command = connection.Command(
            "WITH RECURSIVE chain(root, relation, node, depth, way) AS (" +
            "SELECT value, NULL, value, 0, 'b' FROM json_each($ids) WHERE $backward " +
            "UNION ALL SELECT value, NULL, value, 0, 'f' FROM json_each($ids) WHERE $forward " +
            $"UNION {steps}) " +
            "SELECT DISTINCT root, relation FROM chain WHERE relation IS NOT NULL"))
        {
            Ids.Add(command, "$ids", chains.Keys);
            command.Parameters.AddWithValue("$depth", maxDepth);
            command.Parameters.AddWithValue("$backward", direction != ChainDirection.Forward);
            command.Parameters.AddWithValue("$forward", direction != ChainDirection.Backward);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                links.Add((reader.GetString(0), reader.GetString(1)));
                cap.Check(links.Count);
            }
        }
        var relations = (await RelationReads.ByIdsAsync(connection, links.Select(l => l.Relation), cancellationToken)).ToDictionary(r => r.Id);
        foreach (var (root, relation) in links) chains[root].Add(relation);
        return chains.ToDictionary(c => c.Key, c => (IReadOnlyList<Relation>)c.Value.Order(StringComparer.Ordinal).Select(id => relations[id]).ToList());
    }

    public async Task<IReadOnlyList<GraphPath>> FindPathsAsync(
        string fromId, string toId, int maxDepth, int limit, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var transaction = connection.BeginTransaction(deferred: true);
        // The ends' kinds alone: the search needs no body, and the answer's nodes are read by the API as it asks for them.
        var kinds = KindsOf(connection, transaction, fromId == toId ? [fromId] : [fromId, toId], cancellationToken);
        if (kinds.Count < (fromId == toId ? 1 : 2)) return [];
        // The walk reads only the relations' keys; the claims are read for the relations on the paths found.
        var paths = await ShortestPaths.FindAsync(new ShortestPaths.Reads(
            (ids, ct) => Task.FromResult(RelationKeysAround(connection, transaction, ids, int.MaxValue, ct)!),
            (ids, end, ct) => Task.FromResult(RelationsBetween(connection, transaction, ids, end, kinds[end], ct)),
            RelationsWithin: (ids, most, ct) => Task.FromResult(RelationKeysAround(connection, transaction, ids, most, ct)),
            RelationCount: (ids, cap, ct) => RelationCountAroundAsync(connection, transaction, ids, cap, ct)),
            fromId, toId, maxDepth, limit, cancellationToken);
        if (paths.Count == 0) return paths;
        var claimed = (await RelationReads.ByIdsAsync(connection, paths.SelectMany(p => p.Relations.Select(r => r.Id)).Distinct(), cancellationToken, transaction))
            .ToDictionary(r => r.Id, StringComparer.Ordinal);
        return paths.Select(p => p with { Relations = p.Relations.Select(r => claimed.GetValueOrDefault(r.Id, r)).ToList() }).ToList();
    }

    /// <summary>The kinds of those of <paramref name="ids"/> that are nodes, from their rows' kind column (no body read).</summary>
    private static Dictionary<string, NodeKind> KindsOf(
        Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction,
        IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        using var command = connection.Command($"SELECT n.id, n.kind FROM {Ids.Driving("$ids")} CROSS JOIN nodes n ON n.id = j.value", transaction);
        Ids.Add(command, "$ids", ids);
        var kinds = new Dictionary<string, NodeKind>(StringComparer.Ordinal);
        using var rows = command.Rows(cancellationToken);
        while (rows.Read()) kinds[rows.GetString(0)] = EnumNames.Parse<NodeKind>(rows.GetString(1));
        return kinds;
    }

    /// <summary>
    /// Every relation at any of <paramref name="nodeIds"/>, keys only: the outgoing ones from the unique
    /// (type, from_id, to_id) index alone, the incoming ones through relations_to and their rows; null when there are
    /// more than <paramref name="most"/>, the statement stopped one row past them.
    /// </summary>
    private static IReadOnlyList<Relation>? RelationKeysAround(
        Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction,
        IReadOnlyCollection<string> nodeIds, int most, CancellationToken cancellationToken)
    {
        using var command = connection.Command(
            $"SELECT {RelationReads.Keys} FROM {Ids.Driving("$ids")} CROSS JOIN {Traversal.KeyTable("r")} ON r.type IN {Traversal.AllTypes} AND {Traversal.Outgoing("r", "j.value")} " +
            $"UNION ALL SELECT {RelationReads.Keys} FROM {Ids.Driving("$ids")} CROSS JOIN {Traversal.IncomingTable("r")} ON {Traversal.Incoming("r", "j.value")}", transaction);
        Ids.Add(command, "$ids", nodeIds);
        return Traversal.ReadKeys(command, nodeIds, most, cancellationToken);
    }

    /// <summary>
    /// How many relations <see cref="RelationKeysAround"/> would read for <paramref name="nodeIds"/>, counted up to
    /// <paramref name="cap"/> in the entries of the relations_from and relations_to indexes alone (no row), so a hub
    /// costs the search at most <paramref name="cap"/> index entries to weigh, not its relations' rows. The count is
    /// exact (a relation between two of the nodes is counted for each), so the search also tells from it that a level
    /// would be cut (<c>ShortestPaths.Reads.RelationCount</c>).
    /// </summary>
    private static async Task<int> RelationCountAroundAsync(
        Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction,
        IReadOnlyCollection<string> nodeIds, int cap, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(
            $"SELECT count(*) FROM (SELECT 1 FROM {Ids.Driving("$ids")} CROSS JOIN relations r INDEXED BY relations_from ON {Traversal.Outgoing("r", "j.value")} " +
            $"UNION ALL SELECT 1 FROM {Ids.Driving("$ids")} CROSS JOIN {Traversal.IncomingTable("r")} ON {Traversal.Incoming("r", "j.value")} LIMIT $cap)", transaction);
        Ids.Add(command, "$ids", nodeIds);
        command.Parameters.AddWithValue("$cap", cap);
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Relations between any of <paramref name="nodeIds"/> and <paramref name="target"/>, either way,
    /// keys only: for each node one seek in the relations' unique (type, from_id, to_id) index per
    /// relation type that can join the target's kind that way (RelationRules; every write is checked
    /// against them), so the cost is a fixed number of seeks a node, never the relations of either end.
    /// (Reading each node's relations to keep those that reach the target read every relation of a hub
    /// on the way, and every row of the others.)
    /// </summary>
    private static IReadOnlyList<Relation> RelationsBetween(
        Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction,
        IReadOnlyCollection<string> nodeIds, string target, NodeKind targetKind, CancellationToken cancellationToken)
    {
        var into = Traversal.TypeList(Enum.GetValues<RelationType>().Where(t => RelationRules.ToKinds(t).Contains(targetKind)));
        var outOf = Traversal.TypeList(Enum.GetValues<RelationType>().Where(t => RelationRules.FromKinds(t).Contains(targetKind)));
        using var command = connection.Command(
            $"SELECT {RelationReads.Keys} FROM {Ids.Driving("$ids")} CROSS JOIN {Traversal.KeyTable("r")} ON r.type IN {into} AND r.from_id = j.value AND r.to_id = $target " +
            $"UNION ALL SELECT {RelationReads.Keys} FROM {Ids.Driving("$ids")} CROSS JOIN {Traversal.KeyTable("r")} ON r.type IN {outOf} AND r.from_id = $target AND r.to_id = j.value", transaction);
        Ids.Add(command, "$ids", nodeIds);
        command.Parameters.AddWithValue("$target", target);
        return Traversal.ReadKeys(command, [.. nodeIds, target], int.MaxValue, cancellationToken)!;
    }
}
