using System.Buffers.Binary;
using System.Runtime.CompilerServices;
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
/// transcoding per link), and each link is made once per node and claim status, so a row's links cost no
/// allocation once their nodes are known.
/// The events link to these nodes in no order, so nearly every look-up reads memory no cache holds: the
/// table is laid out for few such reads. A slot holds a 64-bit hash of the id and the node, whose links
/// sit in the node's own object; the id is checked against the node's id string, which the export reads
/// next anyway. So a look-up reads a slot, the node and its id, where a dictionary keyed by byte arrays read
/// a bucket, an entry, the key's array, the node and an array of its links.
/// </summary>
internal sealed class LinkedNodes(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
{
    private Slot[] slots = new Slot[1 << 12];

    private int count;

    private SqliteCommand? command;

    /// <summary>The place with that id, as a link with <paramref name="status"/>; null when the id names no place.</summary>
    public LinkedPlace? Place(ReadOnlySpan<byte> id, ClaimStatus status)
    {
        var found = Find(id);
        return found.Place is { } place ? found.Places[(int)status] ??= new LinkedPlace(place, status) : null;
    }

    /// <summary>The node with that id at the far end of a relation with <paramref name="status"/>.</summary>
    public LinkedNode Node(ReadOnlySpan<byte> id, ClaimStatus status)
    {
        var found = Find(id);
        return found.Label is { } label ? found.Nodes[(int)status] ??= new LinkedNode(found.Id, found.Kind, label, status)
            : throw new InvalidDataException($"a relation of an exported event names '{Encoding.UTF8.GetString(id)}', which is not stored");
    }

    private Linked Find(ReadOnlySpan<byte> id)
    {
        var hash = Hash(id);
        var mask = slots.Length - 1;
        for (var i = (int)hash & mask; slots[i].Node is { } node; i = (i + 1) & mask)
            if (slots[i].Hash == hash && node.Is(id)) return node;
        var read = Read(Encoding.UTF8.GetString(id));
        if (++count > slots.Length >> 1) Grow();
        Put(slots, hash, read);
        return read;
    }

    private Linked Read(string id)
    {
        if (command is null)
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT kind, label, body FROM nodes WHERE id = $id";
            command.Parameters.Add("$id", SqliteType.Text);
        }
        command.Parameters[0].Value = id;
        using var found = command.ExecuteReader();
        if (!found.Read()) return new Linked(id, default, null, null);
        var kind = EnumNames.Parse<NodeKind>(found.GetString(0));
        var place = kind == NodeKind.Place ? (Place)NodeRow.Read(found, body: 2) : null;
        return new Linked(id, kind, found.GetString(1), place);
    }

    private void Grow()
    {
        var larger = new Slot[slots.Length << 1];
        foreach (var slot in slots)
            if (slot.Node is not null) Put(larger, slot.Hash, slot.Node);
        slots = larger;
    }

    private static void Put(Slot[] table, ulong hash, Linked node)
    {
        var mask = table.Length - 1;
        var i = (int)hash & mask;
        while (table[i].Node is not null) i = (i + 1) & mask;
        table[i] = new Slot(hash, node);
    }

    /// <summary>A 64-bit hash of the id's bytes, eight at a time (ids are short; two ids with one hash are told apart by their text).</summary>
    private static ulong Hash(ReadOnlySpan<byte> id)
    {
        const ulong Odd = 0x9E3779B97F4A7C15;
        var hash = (ulong)id.Length * Odd;
        for (; id.Length >= 8; id = id[8..]) hash = Mix(hash ^ BinaryPrimitives.ReadUInt64LittleEndian(id));
        ulong tail = 0;
        for (var i = 0; i < id.Length; i++) tail |= (ulong)id[i] << (8 * i);
        return Mix(hash ^ tail);

        static ulong Mix(ulong value)
        {
            value *= Odd;
            return value ^ (value >> 29);
        }
    }

    public void Dispose() => command?.Dispose();

    private readonly record struct Slot(ulong Hash, Linked? Node);

    /// <summary>How many claim statuses there are: a node keeps a link per status in its own object.</summary>
    private const int Statuses = 4;

    static LinkedNodes()
    {
        if (Enum.GetValues<ClaimStatus>().Length != Statuses) throw new InvalidOperationException($"LinkedNodes keeps {Statuses} links a node, one per claim status");
    }

    /// <summary>The links made so far of one node, one per claim status, inside the node's object.</summary>
    [InlineArray(Statuses)]
    private struct PerStatus<T>
    {
        private T? first;
    }

    /// <summary>A node as its links show it (a label of null: the id names no stored node), with the links made so far.</summary>
    private sealed class Linked(string id, NodeKind kind, string? label, Place? place)
    {
        public string Id { get; } = id;

        public NodeKind Kind { get; } = kind;

        public string? Label { get; } = label;

        public Place? Place { get; } = place;

        public PerStatus<LinkedNode> Nodes;

        public PerStatus<LinkedPlace> Places;

        /// <summary>Whether <paramref name="utf8"/> is this node's id: compared as ASCII without a string, else as text.</summary>
        public bool Is(ReadOnlySpan<byte> utf8) => Ascii.Equals(utf8, Id) || (!Ascii.IsValid(utf8) && Encoding.UTF8.GetString(utf8) == Id);
    }
}
