namespace ConflictGraph.Core.Store;

/// <summary>A write named a node that exists in neither the batch nor the store.</summary>
public sealed class MissingReferenceException(string message) : InvalidOperationException(message);

/// <summary>
/// A write gave a stored node another kind. Relations and references were checked against the
/// stored kind, so a node keeps its kind; delete it first to store it as something else.
/// </summary>
public sealed class NodeKindConflictException(string id, Model.NodeKind stored, Model.NodeKind given)
    : InvalidOperationException($"node '{id}' is stored as {Model.EnumNames.Of(stored)} and cannot become {Model.EnumNames.Of(given)}; delete it first to change its kind")
{
    public string Id { get; } = id;
}

/// <summary>A write named a relation, fact or node that is not in the store.</summary>
public sealed class TargetNotFoundException(string what, string id) : InvalidOperationException($"no {what} '{id}' in the store")
{
    public string Id { get; } = id;
}

/// <summary>The store cannot be reached or refuses to serve.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Another connection or process held the store's write lock longer than the store waits (a large
/// import, say): nothing was written, and the same call may well succeed in a moment.
/// </summary>
public sealed class StoreBusyException(string message, Exception? inner = null) : Exception(message, inner);
