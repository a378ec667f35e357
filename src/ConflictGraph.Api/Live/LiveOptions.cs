namespace ConflictGraph.Api.Live;

/// <summary>Bounds of live updates over WebSocket (section <c>ConflictGraph:Live</c>).</summary>
public sealed class LiveOptions
{
    public const string Section = "ConflictGraph:Live";

    /// <summary>Open WebSocket connections the service accepts at once.</summary>
    public int MaxConnections { get; set; } = 1000;

    /// <summary>Active subscriptions one connection may hold.</summary>
    public int MaxSubscriptionsPerConnection { get; set; } = 20;

    /// <summary>Messages waiting to be sent to one connection; a client that lets more pile up is disconnected.</summary>
    public int SendBuffer { get; set; } = 256;

    /// <summary>Change sets waiting for one subscription before it counts as too slow.</summary>
    public int ChangeBuffer { get; set; } = 256;

    /// <summary>How long a new connection may take to send connection_init.</summary>
    public TimeSpan InitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest message accepted from a client.</summary>
    public int MaxMessageBytes { get; set; } = 256 * 1024;
}
