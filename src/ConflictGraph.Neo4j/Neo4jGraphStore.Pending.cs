using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Neo4j;

// REVIEW: Neo4j side pending (issue 12, neo4j engineer). The claims model (facts, characterized
// claims, PART_OF families) is specified by IGraphStore's documentation and the shared conformance
// suite (ClaimTests, FactTests, EstimateTests); until this store implements it, these members refuse
// rather than answer wrongly, and CypherSyntaxTests leaves them out.
public sealed partial class Neo4jGraphStore
{
    private const string Pending = "not yet on Neo4j (issue 12): use the SQLite store for facts and characterized claims";

    /// <summary>Refuses a batch this store would not keep whole: facts, or claims with characterizations.</summary>
    private static void RefusePendingClaimsModel(GraphBatch batch)
    {
        if (batch.Facts.Count > 0) throw new NotSupportedException($"facts are {Pending}");
        if (batch.Relations.Any(r => r.Claims.Any(c => c.Characterization is not null)))
            throw new NotSupportedException($"characterized claims are {Pending}");
    }

    public Task<IReadOnlyList<Fact>> GetFactsAsync(IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"GetFactsAsync is {Pending}");

    public Task<Page<Fact>> FindFactsAsync(FactQuery query, PageRequest page, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"FindFactsAsync is {Pending}");

    public Task<IReadOnlyDictionary<string, EventFamily>> GetEventFamiliesAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"GetEventFamiliesAsync is {Pending}");

    // Import refuses facts here, so a Neo4j graph holds none and its export (the CLI's) stays whole without them.
    public IAsyncEnumerable<Fact> ExportFactsAsync(CancellationToken cancellationToken) => AsyncEnumerable.Empty<Fact>();
}
