using ConflictGraph.Core.Model;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>Reads relations with their claims: one statement for the relations, one for all their claims.</summary>
internal static class RelationReads
{
    /// <param name="sql">Selects id, type, from_id, to_id (in that order) from relations.</param>
    public static async Task<IReadOnlyList<Relation>> QueryAsync(
        SqliteConnection connection, string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken,
        SqliteTransaction? transaction = null)
    {
        var rows = new List<(string Id, RelationType Type, string From, string To)>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = sql;
            bind(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                rows.Add((reader.GetString(0), Core.Model.EnumNames.Parse<RelationType>(reader.GetString(1)), reader.GetString(2), reader.GetString(3)));
        }
        if (rows.Count == 0) return [];
        var claims = await ClaimsAsync(connection, transaction, rows.Select(r => r.Id), cancellationToken);
        return rows.Select(r =>
        {
            var (claimed, disputed) = claims.TryGetValue(r.Id, out var c) ? c : ([], []);
            return new Relation(r.Type, r.From, r.To, claimed, disputed);
        }).ToList();
    }

    private static async Task<Dictionary<string, (List<string> Claimed, List<string> Disputed)>> ClaimsAsync(
        SqliteConnection connection, SqliteTransaction? transaction, IEnumerable<string> relationIds, CancellationToken cancellationToken)
    {
        var claims = new Dictionary<string, (List<string>, List<string>)>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"SELECT relation_id, statement_id, disputes FROM claims WHERE relation_id IN {Ids.In("$ids")} ORDER BY statement_id";
        Ids.Add(command, "$ids", relationIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            if (!claims.TryGetValue(id, out var entry)) claims[id] = entry = ([], []);
            (reader.GetInt64(2) == 0 ? entry.Item1 : entry.Item2).Add(reader.GetString(1));
        }
        return claims;
    }
}
