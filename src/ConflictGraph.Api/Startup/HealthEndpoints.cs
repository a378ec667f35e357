using System.Text.Json;
using ConflictGraph.Api.Transport;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConflictGraph.Api.Startup;

public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    /// <summary>
    /// <c>/health/live</c>: the process answers. <c>/health/ready</c>: the store is open, seeded and
    /// answering, or why not. The reason is plain words; what went wrong in full (a path, a driver's
    /// message) goes only to callers with a write key, and to the log.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
        return routes;
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var live = http.Request.Path.StartsWithSegments("/health/live");
        if (report.Status == HealthStatus.Healthy) return http.Response.WriteAsync(JsonSerializer.Serialize(new { status = live ? "live" : "ready" }));
        var failed = report.Entries.Values.FirstOrDefault(e => e.Status != HealthStatus.Healthy);
        var privileged = http.RequestServices.GetRequiredService<AccessKeys>().Check(http.Request.Headers.Authorization).CanWrite;
        return http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = "not ready",
            reason = failed.Description ?? "not ready",
            detail = privileged && failed.Data?.TryGetValue("detail", out var found) == true ? found : null,
        }));
    }
}
