using ConflictGraph.Core.Aggregation;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Neo4j;

// REVIEW: Neo4j side pending (issue 13). Aggregates and event exports are specified by IGraphStore's
// documentation and the shared conformance suite (AggregateTests); until this store implements them
// in Cypher, these members refuse rather than answer wrongly.
public sealed partial class Neo4jGraphStore
{
    private const string AggregatesPending = "not yet on Neo4j (issue 13): use the SQLite store";

    public Task<EventAggregate> AggregateEventsAsync(EventAggregateQuery query, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"event aggregates are {AggregatesPending}");

    public IAsyncEnumerable<EventRecord> ExportEventsAsync(EventSelection selection, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"event exports are {AggregatesPending}");
}
