namespace ConflictGraph.Core.Store;

/// <summary>
/// Requests a store sends over the network to its server (Neo4j's Query API; SQLite sends none), counted for the
/// flow that started the tally: a store call can take more than one, and on Aura or a cluster each is a round trip.
/// </summary>
public sealed class ServerRequests
{
    private static readonly AsyncLocal<ServerRequests?> current = new();

    private int count;

    /// <summary>Requests sent since the tally started, from this flow and whatever it awaited or started.</summary>
    public int Count => count;

    /// <summary>
    /// A tally for the calling flow. Set outside an async method it would stay in the caller's flow; start it inside
    /// the async method whose work it counts, so it goes when that method returns.
    /// </summary>
    public static ServerRequests Start()
    {
        var tally = new ServerRequests();
        current.Value = tally;
        return tally;
    }

    /// <summary>One request sent to the server, for the flow's tally if one is started.</summary>
    public static void CountOne()
    {
        if (current.Value is { } tally) Interlocked.Increment(ref tally.count);
    }
}
