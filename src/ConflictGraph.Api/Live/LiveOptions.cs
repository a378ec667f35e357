namespace ConflictGraph.Api.Live;

/// <summary>Bounds of live updates over WebSocket (section <c>ConflictGraph:Live</c>).</summary>
public sealed class LiveOptions
{
    public const string Section = "ConflictGraph:Live";

    /// <summary>Open WebSocket connections the service accepts at once.</summary>
    public int MaxConnections { get; set; } = 1000;

    /// <summary>Open WebSocket connections one client address may hold at once.</summary>
    public int MaxConnectionsPerClient { get; set; } = 20;

    /// <summary>How long an initialised connection may stay with nothing running and nothing said before it is closed.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Active subscriptions one connection may hold.</summary>
    public int MaxSubscriptionsPerConnection { get; set; } = 20;

    /// <summary>Messages waiting to be sent to one connection; a client that lets more pile up is disconnected.</summary>
    public int SendBuffer { get; set; } = 256;

    /// <summary>Change sets waiting for one subscription before it counts as too slow.</summary>
    public int ChangeBuffer { get; set; } = 256;

    /// <summary>
    /// How often live updates look for writes in the store's change log while anyone subscribes
    /// (writes by other processes, the CLI among them; this process's own writes are seen at once).
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a new connection may take to send connection_init.</summary>
    public TimeSpan InitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest message accepted from a client.</summary>
    public int MaxMessageBytes { get; set; } = 256 * 1024;
}
