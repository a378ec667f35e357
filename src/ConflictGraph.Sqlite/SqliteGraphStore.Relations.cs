using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.Reading;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite;

public sealed partial class SqliteGraphStore
{
    public async Task<IReadOnlyList<Relation>> GetRelationsAsync(
        IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<RelationType>? types, Direction direction,
        CancellationToken cancellationToken)
    {
        if (nodeIds.Count == 0 || types is { Count: 0 }) return [];
        await using var connection = Open(cancellationToken);
        // The relations and their claims are two statements: one snapshot, so no relation comes back with another state's claims.
        using var snapshot = ReadSnapshot.Begin(connection);
        return (await RelationsAroundAsync(connection, null, nodeIds, types, direction, withClaims: true, RowCap.None, cancellationToken)).Relations;
    }

    public async Task<Neighborhood> ExpandAsync(
        IReadOnlyCollection<ExpandRequest> requests, IReadOnlyCollection<string> nodeIds,
        IReadOnlyList<(NodeQuery Query, PageRequest Page)> pages, RowCap cap, CancellationToken cancellationToken)
    {
        await using var connection = Open(cancellationToken);
        var pageStatements = pages.Sum(p => NodePages.StatementCount(p.Query, p.Page));
        var read = new List<Page<Node>>(pages.Count);
        // The listed pages (an event's statements) share the level's cap, each read one item past what the ones before left of it.
        async Task ReadPagesAsync()
        {
            var held = 0;
            foreach (var (query, page) in pages)
            {
                var found = await NodePages.FindAsync(connection, null, query, cap.After(held).Limit(page), cancellationToken);
                if (page.Listed) cap.Check(held += found.Items.Count);
                read.Add(found);
            }
        }
        // The level's expansion and its pages (an event's statements beside its place) read one state of the file in one
        // read transaction, where a store call each took one each (a check of the write-ahead log and the file's size).
        // A level that follows relations to their ends only (the common case) is one statement: the pages run while it is
        // active, inside its implicit transaction (FarEnds.ReadAsync), with no BEGIN and ROLLBACK.
        if (requests.All(r => r.EndsOnly) && EndsGroups(requests) is { Count: > 0 } endsGroups)
        {
            var found = await FarEnds.ReadAsync(connection, endsGroups, nodeIds, pageStatements == 0 ? null : async shared =>
            {
                // The statement found nothing and has finished: the pages are a read of their own.
                using var own = shared ? default : ReadSnapshot.For(connection, pageStatements);
                await ReadPagesAsync();
            }, cap, cancellationToken);
            return pages.Count == 0 ? found : found with { Pages = read };
        }
        // Otherwise one snapshot for all, begun when the level runs more than one statement.
        var expansion = requests.All(r => r.Types is { Count: 0 }) ? (nodeIds.Count == 0 ? 0 : 1) : 2;
        using var snapshot = ReadSnapshot.For(connection, expansion + pageStatements);
        var level = await ExpandAsync(connection, requests, nodeIds, cap, cancellationToken);
        if (pages.Count == 0) return level;
        await ReadPagesAsync();
        return level with { Pages = read };
    }

    /// <summary>
    /// A level that reads nodes by id alone (one statement) or relations with their claims (several), inside the caller's
    /// snapshot; the level's statements share <paramref name="cap"/>, each reading what the ones before left of it.
    /// </summary>
    private static async Task<Neighborhood> ExpandAsync(
        SqliteConnection connection, IReadOnlyCollection<ExpandRequest> requests, IReadOnlyCollection<string> nodeIds, RowCap cap,
        CancellationToken cancellationToken)
    {
        if (requests.All(r => r.Types is { Count: 0 }))
            return new Neighborhood([], nodeIds.Count == 0 ? [] : await NodeReads.ByIdsAsync(connection, nodeIds.ToHashSet(StringComparer.Ordinal), cancellationToken));
        var relations = new Dictionary<string, Relation>(StringComparer.Ordinal);
        // Requests with the same types, direction and need of claims share one statement; claims are read
        // only for relations someone will show, so a relation read both ways keeps its claims.
        // The nodes to read: those asked for by id and the far end of each relation from the node it was found at.
        // The node a request expands is not read again (its caller has it), unless it is also some relation's far end.
        var ids = nodeIds.ToHashSet(StringComparer.Ordinal);
        var left = cap;
        // Relations no list holds (a single node's field) are read whole and leave the cap as it was.
        foreach (var group in requests.GroupBy(r => (Types: r.Types is null ? null : string.Join(',', r.Types), r.Direction, r.EndsOnly, r.Listed))
                     .OrderBy(g => g.Key.EndsOnly))
        {
            var first = group.First();
            if (first.Types is { Count: 0 }) continue;
            var from = group.Select(r => r.NodeId).ToHashSet(StringComparer.Ordinal);
            IReadOnlyList<Relation> found;
            int rows;
            try
            {
                (found, rows) = await RelationsAroundAsync(connection, null, from, first.Types, first.Direction, !first.EndsOnly,
                    first.Listed ? left : RowCap.None, cancellationToken);
            }
            catch (RowCapExceededException)
            {
                // The level's cap, not what its earlier statements left of it.
                throw new RowCapExceededException(cap);
            }
            if (first.Listed) left = left.After(rows);
            foreach (var relation in found)
            {
                relations.TryAdd(relation.Id, relation);
                if (first.Direction != Direction.Incoming && from.Contains(relation.FromId)) ids.Add(relation.ToId);
                if (first.Direction != Direction.Outgoing && from.Contains(relation.ToId)) ids.Add(relation.FromId);
            }
        }
        var nodes = ids.Count == 0 ? [] : await NodeReads.ByIdsAsync(connection, ids, cancellationToken);
        return new Neighborhood(relations.Values.ToList(), nodes);
    }

    /// <summary>
    /// Requests with the same types and direction, listed or not (<see cref="ExpandRequest.Listed"/>), as one group, in an
    /// order that keeps the statement's text the same for the same fields.
    /// </summary>
    private static List<EndsGroup> EndsGroups(IReadOnlyCollection<ExpandRequest> requests)
    {
        // A level has a few groups (the benchmark's two): each request finds its own by a look along the list.
        var groups = new List<EndsGroup>();
        foreach (var request in requests)
        {
            if (request.Types is { Count: 0 }) continue;
            var names = request.Types is null ? null : string.Join(',', request.Types);
            EndsGroup? group = null;
            foreach (var known in groups)
                if (known.Direction == request.Direction && known.TypeNames == names && known.Listed == request.Listed) group = known;
            if (group is null) groups.Add(group = new EndsGroup(request.Types, request.Direction, new HashSet<string>(StringComparer.Ordinal), names, request.Listed));
            ((HashSet<string>)group.NodeIds).Add(request.NodeId);
        }
        groups.Sort(static (a, b) => a.Direction != b.Direction ? ((int)a.Direction).CompareTo((int)b.Direction)
            : StringComparer.Ordinal.Compare(a.TypeNames, b.TypeNames) is var byTypes and not 0 ? byTypes : a.Listed.CompareTo(b.Listed));
        return groups;
    }

    /// <summary>
    /// Relations at the given nodes, each once, in id order: the nodes drive, one index probe each (relations_from or
    /// relations_to), and the walk reads those indexes alone (a relation's key is its id). SQLite hands the walk's rows
    /// over as it finds them (no sort, no table of its own; ordered and kept once here), so the reader stops it one past
    /// <paramref name="cap"/> (<see cref="ClaimReads.QueryAsync"/>): a relation between two of the nodes is found at both
    /// ends, counts twice (in <c>Rows</c>, what the walk found) and is kept once.
    /// </summary>
    private static async Task<(IReadOnlyList<Relation> Relations, int Rows)> RelationsAroundAsync(
        SqliteConnection connection, SqliteTransaction? transaction, IReadOnlyCollection<string> nodeIds,
        IReadOnlyCollection<RelationType>? types, Direction direction, bool withClaims, RowCap cap, CancellationToken cancellationToken)
    {
        var typeList = types is null ? null : Ids.In("$types");
        string Around(string table, Func<string, string, string?, string> at) =>
            $"SELECT {RelationReads.Keys} FROM {Ids.Driving("$ids")} CROSS JOIN {table} ON {at("r", "j.value", typeList)}";
        var outgoing = Around("relations r", Traversal.Outgoing);
        var incoming = Around(Traversal.IncomingTable("r"), Traversal.Incoming);
        var sql = direction switch
        {
            Direction.Outgoing => outgoing,
            Direction.Incoming => incoming,
            _ => $"{outgoing} UNION ALL {incoming}",
        };
        var found = await RelationReads.KeyedAsync(connection, transaction, sql, c =>
        {
            Ids.Add(c, "$ids", nodeIds);
            if (types is not null) Ids.Add(c, "$types", types.Select(EnumNames.Of));
        }, withClaims, cap, cancellationToken);
        var relations = direction == Direction.Both ? found.DistinctBy(r => (r.Type, r.FromId, r.ToId)).ToList() : [.. found];
        relations.Sort(RelationKey.Order);
        return (relations, found.Count);
    }

    /// <summary>
    /// The statements come as SQLite finds them (DISTINCT keeps its rows as it goes; no sort), ordered by id here, so the
    /// reader stops one statement past <paramref name="cap"/>.
    /// </summary>
    public async Task<IReadOnlyList<ReportedCasualties>> GetCasualtyReportsAsync(IReadOnlyCollection<string> eventIds, RowCap cap, CancellationToken cancellationToken)
    {
        if (eventIds.Count == 0) return [];
        await using var connection = Open(cancellationToken);
        await using var command = connection.Command(
            $"SELECT DISTINCT n.kind, n.body FROM {Ids.Driving("$ids")} CROSS JOIN refs f ON f.target_id = j.value AND f.field = 'eventId' " +
            "CROSS JOIN nodes n ON n.id = f.node_id");
        Ids.Add(command, "$ids", eventIds);
        var statements = new List<Statement>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (Writing.NodeRow.Read(reader) is Statement statement) statements.Add(statement);
                cap.Check(statements.Count);
            }
        }
        statements.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        var wanted = eventIds.ToHashSet(StringComparer.Ordinal);
        return statements.SelectMany(s => s.CasualtyReports.Where(r => wanted.Contains(r.EventId)).Select(r => new ReportedCasualties(s.Id, r))).ToList();
    }
}
