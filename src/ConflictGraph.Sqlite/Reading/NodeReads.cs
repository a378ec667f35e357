using ConflictGraph.Core.Model;
using ConflictGraph.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

internal static class NodeReads
{
    public static async Task<IReadOnlyList<Node>> ByIdsAsync(
        SqliteConnection connection, IEnumerable<string> ids, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using var command = connection.Command($"SELECT n.kind, n.body FROM {Ids.Driving("$ids")} CROSS JOIN nodes n ON n.id = j.value", transaction);
        Ids.Add(command, "$ids", ids);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>Reads nodes from a command selecting kind and body first.</summary>
    public static async Task<IReadOnlyList<Node>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var nodes = new List<Node>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) nodes.Add(NodeRow.Read(reader));
        return nodes;
    }
}
