namespace ConflictGraph.Api.Startup;

public static class HealthEndpoints
{
    /// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: the store is open and seeded, or why not.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health/live", () => Results.Json(new { status = "live" })).ExcludeFromDescription();
        routes.MapGet("/health/ready", (Readiness readiness) => readiness.IsReady
            ? Results.Json(new { status = "ready" })
            : Results.Json(new { status = "not ready", reason = readiness.Problem }, statusCode: StatusCodes.Status503ServiceUnavailable))
            .ExcludeFromDescription();
        return routes;
    }
}
