namespace ConflictGraph.Core.Store;

/// <summary>A write named a node that exists in neither the batch nor the store.</summary>
public sealed class MissingReferenceException(string message) : InvalidOperationException(message);

/// <summary>The store cannot be reached or refuses to serve.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
