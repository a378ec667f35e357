using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using ConflictGraph.Core.Import.Sources;

namespace ConflictGraph.Core.Import;

/// <summary>
/// The ids of every node in a validated batch, with where each stands: the compact set validation
/// works from and a write asks whether a reference stays inside the batch. Each id is kept once, as
/// UTF-8 in large blocks (about 18 bytes a node for ids of 16 characters), and found through an
/// open-addressing table of its hash and position (16 bytes a slot); a lookup compares the ids
/// byte for byte, so two different ids are never taken for one, whatever their hashes.
/// </summary>
public sealed class BatchNodeIds
{
    private const int BlockSize = 1 << 20;
    // An id's UTF-8 length is kept in two bytes before it; a valid id is far shorter (FieldChecks.MaxIdLength).
    private const int MaxBytes = ushort.MaxValue;

    private readonly List<byte[]> blocks = [];
    private int blockUsed = BlockSize;
    // Location 0 marks an empty slot, so ids are stored from location 1 on.
    private Slot[] slots = new Slot[1024];

    public int Count { get; private set; }

    public bool Contains(string id) => Find(id) >= 0;

    /// <summary>Where the batch gives the node, or null when it does not.</summary>
    public ItemPlace? PlaceOf(string id) => Find(id) is >= 0 and var slot ? ItemPlace.FromOrder(slots[slot].Order) : null;

    /// <summary>
    /// Registers a node. When the id is taken, returns the place given first in import order (which
    /// keeps the id) and the repeat (which the problem is about), whichever was read first.
    /// </summary>
    internal (ItemPlace First, ItemPlace Repeat)? Register(string id, ItemPlace place)
    {
        var bytes = Encode(id, out var rented);
        try
        {
            if (bytes.Length > MaxBytes) throw new ArgumentException($"an id of {bytes.Length} bytes is too long to register", nameof(id));
            var hash = Hash(bytes);
            var slot = Probe(bytes, hash);
            if (slots[slot].Location != 0)
            {
                var registered = ItemPlace.FromOrder(slots[slot].Order);
                if (registered.Order < place.Order) return (registered, place);
                slots[slot].Order = place.Order;
                return (place, registered);
            }
            slots[slot] = new Slot(hash, Store(bytes), place.Order);
            if (++Count * 4 > slots.Length * 3) Grow();
            return null;
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private int Find(string id)
    {
        var bytes = Encode(id, out var rented);
        try
        {
            if (bytes.Length > MaxBytes) return -1;
            var slot = Probe(bytes, Hash(bytes));
            return slots[slot].Location != 0 ? slot : -1;
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The slot holding these bytes, or the empty slot where they would go.</summary>
    private int Probe(ReadOnlySpan<byte> bytes, int hash)
    {
        var mask = slots.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            ref var at = ref slots[slot];
            if (at.Location == 0 || (at.Hash == hash && Stored(at.Location).SequenceEqual(bytes))) return slot;
        }
    }

    private ReadOnlySpan<byte> Stored(int location)
    {
        var block = blocks[location / BlockSize];
        var offset = location % BlockSize;
        var length = block[offset] | (block[offset + 1] << 8);
        return block.AsSpan(offset + 2, length);
    }

    private int Store(ReadOnlySpan<byte> bytes)
    {
        if (blockUsed + 2 + bytes.Length > BlockSize)
        {
            if (blocks.Count == int.MaxValue / BlockSize) throw new InvalidOperationException("the batch's ids outgrow two gigabytes");
            blocks.Add(new byte[BlockSize]);
            // Location 0 means an empty slot: the first block starts at 1.
            blockUsed = blocks.Count == 1 ? 1 : 0;
        }
        var block = blocks[^1];
        var location = (blocks.Count - 1) * BlockSize + blockUsed;
        block[blockUsed] = (byte)bytes.Length;
        block[blockUsed + 1] = (byte)(bytes.Length >> 8);
        bytes.CopyTo(block.AsSpan(blockUsed + 2));
        blockUsed += 2 + bytes.Length;
        return location;
    }

    private void Grow()
    {
        var old = slots;
        slots = new Slot[old.Length * 2];
        var mask = slots.Length - 1;
        foreach (var slot in old)
        {
            if (slot.Location == 0) continue;
            var at = slot.Hash & mask;
            while (slots[at].Location != 0) at = (at + 1) & mask;
            slots[at] = slot;
        }
    }

    // HashCode is seeded at random per process, so no input can be made to pile up in a few slots.
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = new HashCode();
        hash.AddBytes(bytes);
        return hash.ToHashCode();
    }

    private static ReadOnlySpan<byte> Encode(string id, out byte[]? rented)
    {
        var length = Encoding.UTF8.GetByteCount(id);
        rented = ArrayPool<byte>.Shared.Rent(length);
        return rented.AsSpan(0, Encoding.UTF8.GetBytes(id, rented));
    }

    [StructLayout(LayoutKind.Sequential)]
    private record struct Slot(int Hash, int Location, long Order);
}
