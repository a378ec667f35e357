using ConflictGraph.Sqlite.Reading;

namespace ConflictGraph.Sqlite.Writing;

/// <summary>A connection for one write, with foreign keys checked; closing it lets go of its token, then gives its handle back to the pool.</summary>
internal sealed class WriteConnection(string connectionString) : InterruptibleConnection(connectionString);
