using ConflictGraph.Core.Model;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.Reading;

namespace ConflictGraph.Sqlite;

public sealed partial class SqliteGraphStore
{
    private const string RelationColumns = "SELECT r.id, r.type, r.from_id, r.to_id FROM relations r";

    public async Task<IReadOnlyList<Relation>> GetRelationsAsync(
        IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<RelationType>? types, Direction direction,
        CancellationToken cancellationToken)
    {
        if (nodeIds.Count == 0 || types is { Count: 0 }) return [];
        await using var connection = Open(cancellationToken);
        return await RelationsAroundAsync(connection, null, nodeIds, types, direction, cancellationToken);
    }

    public async Task<Neighborhood> ExpandAsync(
        IReadOnlyCollection<ExpandRequest> requests, IReadOnlyCollection<string> nodeIds, CancellationToken cancellationToken)
    {
        await using var connection = Open(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var relations = new Dictionary<string, Relation>(StringComparer.Ordinal);
        // Requests with the same types and direction share one statement.
        foreach (var group in requests.GroupBy(r => (Types: r.Types is null ? null : string.Join(',', r.Types), r.Direction)))
        {
            var first = group.First();
            if (first.Types is { Count: 0 }) continue;
            foreach (var relation in await RelationsAroundAsync(
                connection, transaction, group.Select(r => r.NodeId).ToList(), first.Types, first.Direction, cancellationToken))
                relations.TryAdd(relation.Id, relation);
        }
        var ids = relations.Values.SelectMany(r => new[] { r.FromId, r.ToId }).Concat(nodeIds).ToHashSet(StringComparer.Ordinal);
        var nodes = ids.Count == 0 ? [] : await NodeReads.ByIdsAsync(connection, ids, cancellationToken, transaction);
        return new Neighborhood(relations.Values.ToList(), nodes);
    }

    private static async Task<IReadOnlyList<Relation>> RelationsAroundAsync(
        Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction? transaction,
        IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<RelationType>? types, Direction direction, CancellationToken cancellationToken)
    {
        var typeFilter = types is null ? "" : $" AND r.type IN {Ids.In("$types")}";
        var outgoing = $"{RelationColumns} WHERE r.from_id IN {Ids.In("$ids")}{typeFilter}";
        var incoming = $"{RelationColumns} WHERE r.to_id IN {Ids.In("$ids")}{typeFilter}";
        var sql = direction switch
        {
            Direction.Outgoing => outgoing,
            Direction.Incoming => incoming,
            _ => $"{outgoing} UNION {incoming}",
        } + " ORDER BY 1";
        return await RelationReads.QueryAsync(connection, sql, c =>
        {
            Ids.Add(c, "$ids", nodeIds);
            if (types is not null) Ids.Add(c, "$types", types.Select(EnumNames.Of));
        }, cancellationToken, transaction);
    }

    public async Task<IReadOnlyList<ReportedCasualties>> GetCasualtyReportsAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        if (eventIds.Count == 0) return [];
        await using var connection = Open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT kind, body FROM nodes WHERE id IN (SELECT node_id FROM refs WHERE field = 'eventId' AND target_id IN {Ids.In("$ids")}) ORDER BY id";
        Ids.Add(command, "$ids", eventIds);
        var wanted = eventIds.ToHashSet(StringComparer.Ordinal);
        return (await NodeReads.ReadAsync(command, cancellationToken)).OfType<Statement>()
            .SelectMany(s => s.CasualtyReports.Where(r => wanted.Contains(r.EventId)).Select(r => new ReportedCasualties(s.Id, r)))
            .ToList();
    }
}
