namespace ConflictGraph.Api.Live;

/// <summary>Counts open WebSocket connections against the configured maximum.</summary>
public sealed class LiveConnections
{
    private int open;

    public int Open => Volatile.Read(ref open);

    public bool TryEnter(int max)
    {
        if (Interlocked.Increment(ref open) <= max) return true;
        Interlocked.Decrement(ref open);
        return false;
    }

    public void Leave() => Interlocked.Decrement(ref open);
}
