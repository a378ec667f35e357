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
        var typeFilter = types is null ? "" : $" AND r.type IN {Ids.In("$types")}";
        var outgoing = $"{RelationColumns} WHERE r.from_id IN {Ids.In("$ids")}{typeFilter}";
        var incoming = $"{RelationColumns} WHERE r.to_id IN {Ids.In("$ids")}{typeFilter}";
        var sql = direction switch
        {
            Direction.Outgoing => outgoing,
            Direction.Incoming => incoming,
            _ => $"{outgoing} UNION {incoming}",
        } + " ORDER BY 1";
        await using var connection = Open();
        return await RelationReads.QueryAsync(connection, sql, c =>
        {
            Ids.Add(c, "$ids", nodeIds);
            if (types is not null) Ids.Add(c, "$types", types.Select(EnumNames.Of));
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<Relation>> GetRelationsCitedByAsync(IReadOnlyCollection<string> statementIds, CancellationToken cancellationToken)
    {
        if (statementIds.Count == 0) return [];
        await using var connection = Open();
        return await RelationReads.QueryAsync(connection,
            $"{RelationColumns} WHERE r.id IN (SELECT relation_id FROM claims WHERE statement_id IN {Ids.In("$ids")}) ORDER BY 1",
            c => Ids.Add(c, "$ids", statementIds), cancellationToken);
    }

    public async Task<IReadOnlyList<ReportedCasualties>> GetCasualtyReportsAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        if (eventIds.Count == 0) return [];
        await using var connection = Open();
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
