using Microsoft.Extensions.Options;


namespace ConflictGraph.Api.Diagnostics;

/// <summary>Registers and maps the diagnostics feature; it does nothing unless configured on.</summary>
public static class DiagnosticsSetup
{
    public static IServiceCollection AddDiagnostics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DiagnosticsOptions>().Bind(configuration.GetSection(DiagnosticsOptions.Section));
        services.AddSingleton<GraphQL.DI.IConfigureExecution, CostReport>();
        return services;
    }

    public static WebApplication MapDiagnostics(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<DiagnosticsOptions>>().Value.Floor) app.MapFloor();
        return app;
    }
}
