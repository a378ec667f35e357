using ConflictGraph.Core.History;
using ConflictGraph.Core.Model;
using ConflictGraph.Sqlite.Reading;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.History;

/// <summary>The targets of some entries as stored now, as <see cref="HistoryJson"/> writes them: the 'after' of each target's newest entry.</summary>
internal static class CurrentStates
{
    /// <returns>JSON by target id; a target that is not stored is left out.</returns>
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(
        SqliteConnection connection, SqliteTransaction transaction, IEnumerable<HistoryEntry> entries, CancellationToken cancellationToken)
    {
        var byTarget = entries.GroupBy(e => e.Target).ToDictionary(g => g.Key, g => g.Select(e => e.TargetId).Distinct().ToList());
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        if (byTarget.TryGetValue(HistoryTarget.Node, out var nodes))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT id, kind, body FROM nodes WHERE id IN {Ids.In("$ids")}";
            Ids.Add(command, "$ids", nodes);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                states[reader.GetString(0)] = HistoryJson.Node(EnumNames.Parse<NodeKind>(reader.GetString(1)), reader.GetString(2));
        }
        if (byTarget.TryGetValue(HistoryTarget.Relation, out var relations))
            foreach (var relation in await RelationReads.QueryAsync(connection, $"SELECT id, type, from_id, to_id FROM relations WHERE id IN {Ids.In("$ids")}",
                c => Ids.Add(c, "$ids", relations), cancellationToken, transaction))
                states[relation.Id] = HistoryJson.Of(relation);
        if (byTarget.TryGetValue(HistoryTarget.Fact, out var facts))
            foreach (var fact in await FactReads.QueryAsync(connection, $"{FactReads.Columns} WHERE f.id IN {Ids.In("$ids")}",
                c => Ids.Add(c, "$ids", facts), cancellationToken, transaction))
                states[fact.Id] = HistoryJson.Of(fact);
        return states;
    }
}
