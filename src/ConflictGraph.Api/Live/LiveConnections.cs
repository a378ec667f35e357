namespace ConflictGraph.Api.Live;

/// <summary>Counts open WebSocket connections against the configured maximum, in all and per client address.</summary>
public sealed class LiveConnections
{
    private readonly Lock sync = new();
    private readonly Dictionary<string, int> perClient = new(StringComparer.Ordinal);
    private int open;

    public int Open
    {
        get
        {
            lock (sync) return open;
        }
    }

    /// <summary>Null when the connection may open; otherwise why not.</summary>
    public string? TryEnter(string client, int max, int maxPerClient)
    {
        lock (sync)
        {
            if (open >= max) return "Too many connections; try again later";
            var mine = perClient.GetValueOrDefault(client);
            if (mine >= maxPerClient) return $"Too many connections from this client (at most {maxPerClient}); close some first";
            perClient[client] = mine + 1;
            open++;
            return null;
        }
    }

    public void Leave(string client)
    {
        lock (sync)
        {
            open--;
            if (--perClient[client] == 0) perClient.Remove(client);
        }
    }
}
