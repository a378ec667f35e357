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
public sealed class CostReport(IOptions<DiagnosticsOptions> options) : IConfigureExecution
{
    public float SortOrder => 1000;

    /// <summary>Without the report, the next step's own task: no wrapper awaits it.</summary>
    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions executionOptions, ExecutionDelegate next) =>
        options.Value.Cost ? ReportAsync(executionOptions, next) : next(executionOptions);

    private static async Task<ExecutionResult> ReportAsync(ExecutionOptions executionOptions, ExecutionDelegate next)
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
