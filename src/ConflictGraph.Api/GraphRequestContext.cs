namespace ConflictGraph.Api;

/// <summary>
/// What the transport learned about the caller, handed to resolvers as GraphQL.NET's user context.
/// </summary>
public sealed class GraphRequestContext : Dictionary<string, object?>
{
    /// <summary>The name of the write key the request carried (what the change log records); null without one.</summary>
    public string? Writer { get; init; }

    /// <summary>True when the request carried a configured write key.</summary>
    public bool CanWrite => Writer is not null;

    /// <summary>True for an operation sent over the WebSocket, where subscriptions can stream.</summary>
    public bool OverWebSocket { get; init; }

    /// <summary>Items of every list the operation's answer holds so far, which <c>Limits.ListItemBudget</c> keeps under its limit.</summary>
    internal long ListItems;
}
