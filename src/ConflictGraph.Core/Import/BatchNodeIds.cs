using ConflictGraph.Core.Import.Sources;

namespace ConflictGraph.Core.Import;

/// <summary>
/// The ids of every node in a validated batch, by fingerprint, with where each stands: the
/// compact set validation works from (16 bytes and a place per node, not the node).
/// </summary>
public sealed class BatchNodeIds
{
    private readonly Dictionary<UInt128, long> places = [];

    public int Count => places.Count;

    public bool Contains(string id) => places.ContainsKey(Fingerprint.Of(id));

    /// <summary>Where the batch gives the node, or null when it does not.</summary>
    public ItemPlace? PlaceOf(string id) => places.TryGetValue(Fingerprint.Of(id), out var order) ? ItemPlace.FromOrder(order) : null;

    /// <summary>
    /// Registers a node. When the id is taken, returns the place given first in import order (which
    /// keeps the id) and the repeat (which the problem is about), whichever was read first.
    /// </summary>
    internal (ItemPlace First, ItemPlace Repeat)? Register(string id, ItemPlace place)
    {
        var key = Fingerprint.Of(id);
        if (places.TryAdd(key, place.Order)) return null;
        var registered = ItemPlace.FromOrder(places[key]);
        if (registered.Order < place.Order) return (registered, place);
        places[key] = place.Order;
        return (place, registered);
    }
}
