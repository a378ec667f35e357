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
        var nodes = new List<Node>();
        using var rows = command.Rows(cancellationToken);
        while (rows.Read()) nodes.Add(NodeRow.Read(rows));
        return nodes;
    }
}
