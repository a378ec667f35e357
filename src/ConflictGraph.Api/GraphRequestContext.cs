using ConflictGraph.Core.Store;

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

    /// <summary>The most list items the answer may hold: <c>MaxListItems</c> for a query, no limit for other operations.</summary>
    internal long ListItemsAllowed = long.MaxValue;

    /// <summary>Why the query was stopped by its list-item budget (the answer's one error); null while it runs on.</summary>
    internal Limits.ListItemsError? ListItemsStopped;

    /// <summary>Cancels the query's resolvers and store calls when its list-item budget stops it.</summary>
    internal CancellationTokenSource? ListItemsStop;

    /// <summary>
    /// The request's loaders (a scoped service), kept here by <c>Limits.ListItemBudget</c> as a query starts, so each resolver
    /// of the query reaches them without a look-up in the request's services; null for other operations, which look them up.
    /// </summary>
    internal Loading.GraphLoaders? Loaders;

    /// <summary>What a level's relation reads may still find while the answer's lists fit (<see cref="RowCap"/>).</summary>
    internal RowCap RowCap => ListItemsAllowed == long.MaxValue ? RowCap.None : RowCap.ForItems(ListItemsAllowed - Interlocked.Read(ref ListItems));
}
