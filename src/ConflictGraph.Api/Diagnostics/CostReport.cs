using ConflictGraph.Api.Loading;
using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Diagnostics;

/// <summary>
/// With <c>ConflictGraph:Diagnostics:Cost</c> on, every response carries
/// <c>extensions.cost = { storeCalls, storeMilliseconds }</c> for its request.
/// </summary>
public sealed class CostReport(IOptions<DiagnosticsOptions> options) : IConfigureExecution
{
    public float SortOrder => 1000;

    /// <summary>Without the report, the next step's own task: no wrapper awaits it.</summary>
    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions executionOptions, ExecutionDelegate next) =>
        options.Value.Cost ? ReportAsync(executionOptions, next) : next(executionOptions);

    private static async Task<ExecutionResult> ReportAsync(ExecutionOptions executionOptions, ExecutionDelegate next)
    {
        var result = await next(executionOptions);
        if (executionOptions.RequestServices?.GetService<StoreCallMeter>() is not { } meter) return result;
        result.Extensions ??= [];
        result.Extensions["cost"] = new Dictionary<string, object?>
        {
            ["storeCalls"] = meter.Calls,
            ["storeMilliseconds"] = Math.Round(meter.Elapsed.TotalMilliseconds, 3),
        };
        return result;
    }
}
