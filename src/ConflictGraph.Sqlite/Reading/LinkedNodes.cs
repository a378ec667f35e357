using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// The nodes an export's events link to (places, perpetrators, targets), each read once per export in
/// its read transaction: they are few next to the events (a 1M-event graph names about 80,000), so
/// their kinds and labels are not joined into every event's row. Places keep their whole node, for
/// coordinates and precision.
/// </summary>
internal sealed class LinkedNodes(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
{
    private readonly Dictionary<string, (NodeKind Kind, string Label, Place? Place)> read = new(StringComparer.Ordinal);

    private SqliteCommand? command;

    /// <summary>The place with that id; null when the id names no place.</summary>
    public Place? Place(string id) => Find(id)?.Place;

    /// <summary>The node with that id at the far end of a relation with <paramref name="status"/>.</summary>
    public LinkedNode Node(string id, ClaimStatus status) =>
        Find(id) is { } node ? new LinkedNode(id, node.Kind, node.Label, status)
            : throw new InvalidDataException($"a relation of an exported event names '{id}', which is not stored");

    private (NodeKind Kind, string Label, Place? Place)? Find(string id)
    {
        if (read.TryGetValue(id, out var known)) return known;
        if (command is null)
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT kind, label, body FROM nodes WHERE id = $id";
            command.Parameters.Add("$id", SqliteType.Text);
        }
        command.Parameters[0].Value = id;
        using var found = command.ExecuteReader();
        if (!found.Read()) return null;
        var kind = EnumNames.Parse<NodeKind>(found.GetString(0));
        var place = kind == NodeKind.Place ? (Place)NodeRow.Parse(found.GetString(0), found.GetString(2)) : null;
        return read[id] = (kind, found.GetString(1), place);
    }

    public void Dispose() => command?.Dispose();
}
