using ConflictGraph.Api.Schema;
using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Diagnostics;

/// <summary>
/// With <c>ConflictGraph:Diagnostics:Cost</c> on, every response carries <c>extensions.cost</c> for its request:
/// <c>storeCalls</c> and <c>storeMilliseconds</c> for the calls that reached the store (the read cache's own look-ups
/// of the data version and the change log among them), <c>storeRequests</c> for the requests those calls sent to the
/// store's server (Neo4j's Query API; 0 on SQLite), <c>cacheHits</c> for reads answered from memory, and
/// <c>sharedCalls</c> for reads that took the answer of the same read already on its way to the store for another caller.
/// </summary>
public sealed class CostReport(IOptions<DiagnosticsOptions> options) : IOperationStep
{
    /// <summary>Last of our steps, closest to the resolvers.</summary>
    public float Order => 1000;

    /// <summary>With the report off, the step is not in the chain at all.</summary>
    public bool Runs => options.Value.Cost;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions executionOptions, ExecutionDelegate next)
    {
        var meter = new StoreCallMeter();
        var result = await meter.MeterAsync(() => next(executionOptions));
        result.Extensions ??= [];
        result.Extensions["cost"] = new Dictionary<string, object?>
        {
            ["storeCalls"] = meter.Calls,
            ["storeRequests"] = meter.StoreRequests,
            ["storeMilliseconds"] = Math.Round(meter.Elapsed.TotalMilliseconds, 3),
            ["cacheHits"] = meter.CacheHits,
            ["sharedCalls"] = meter.SharedCalls,
        };
        return result;
    }
}
