using ConflictGraph.Core.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConflictGraph.Api.Startup;

/// <summary>
/// Ready when start-up opened and seeded the store and the store answers now: a store that goes
/// away turns the service not-ready again, and back when it returns.
/// </summary>
public sealed class StoreHealthCheck(Readiness readiness, IGraphStore store) : IHealthCheck
{
    /// <summary>How long the store has to answer the check.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsReady) return HealthCheckResult.Unhealthy(readiness.Problem, data: Detail(readiness.Detail));
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        try
        {
            await store.GetDataVersionAsync(patience.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("the store does not answer", data: Detail(e.Message));
        }
    }

    private static IReadOnlyDictionary<string, object> Detail(string? detail) =>
        detail is null ? new Dictionary<string, object>() : new Dictionary<string, object> { ["detail"] = detail };
}
