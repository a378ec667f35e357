using System.Text;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace ConflictGraph.Sqlite.Reading;

/// <summary>
/// The nodes an export's events link to (places, perpetrators, targets), each read once per export in
/// its read transaction: they are few next to the events (a 1M-event graph names about 80,000), so
/// their kinds and labels are not joined into every event's row. Places keep their whole node, for
/// coordinates and precision. Found by the id's UTF-8 bytes as SQLite hands them over (no string and no
/// transcoding per link; the hash reads half as many bytes as one over characters would), and each link is
/// made once per node and claim status, so a row's links cost no allocation once their nodes are known.
/// </summary>
internal sealed class LinkedNodes(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
{
    private static readonly int Statuses = Enum.GetValues<ClaimStatus>().Length;

    private readonly Dictionary<byte[], Linked?> read = new(Utf8Keys.Instance);

    private SqliteCommand? command;

    /// <summary>The place with that id, as a link with <paramref name="status"/>; null when the id names no place.</summary>
    public LinkedPlace? Place(ReadOnlySpan<byte> id, ClaimStatus status) =>
        Find(id) is { Place: { } place } found ? found.Places[(int)status] ??= new LinkedPlace(place, status) : null;

    /// <summary>The node with that id at the far end of a relation with <paramref name="status"/>.</summary>
    public LinkedNode Node(ReadOnlySpan<byte> id, ClaimStatus status) =>
        Find(id) is { } found ? found.Nodes[(int)status] ??= new LinkedNode(found.Id, found.Kind, found.Label, status)
            : throw new InvalidDataException($"a relation of an exported event names '{Encoding.UTF8.GetString(id)}', which is not stored");

    private Linked? Find(ReadOnlySpan<byte> id)
    {
        if (read.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(id, out var known)) return known;
        var key = Encoding.UTF8.GetString(id);
        if (command is null)
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT kind, label, body FROM nodes WHERE id = $id";
            command.Parameters.Add("$id", SqliteType.Text);
        }
        command.Parameters[0].Value = key;
        using var found = command.ExecuteReader();
        if (!found.Read()) return read[id.ToArray()] = null;
        var kind = EnumNames.Parse<NodeKind>(found.GetString(0));
        var place = kind == NodeKind.Place ? (Place)NodeRow.Read(found, body: 2) : null;
        return read[id.ToArray()] = new Linked(key, kind, found.GetString(1), place);
    }

    public void Dispose() => command?.Dispose();

    /// <summary>A node as its links show it, with the links made so far, one per claim status.</summary>
    private sealed record Linked(string Id, NodeKind Kind, string Label, Place? Place)
    {
        public LinkedNode?[] Nodes { get; } = new LinkedNode?[Statuses];

        public LinkedPlace?[] Places { get; } = new LinkedPlace?[Statuses];
    }
}

/// <summary>Ids compared by their UTF-8 bytes, and looked up by a span of them without an array.</summary>
internal sealed class Utf8Keys : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
{
    public static Utf8Keys Instance { get; } = new();

    public bool Equals(byte[]? x, byte[]? y) => x is null ? y is null : y is not null && x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] key) => GetHashCode(key.AsSpan());

    public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

    public int GetHashCode(ReadOnlySpan<byte> alternate)
    {
        var hash = new HashCode();
        hash.AddBytes(alternate);
        return hash.ToHashCode();
    }

    public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
}
