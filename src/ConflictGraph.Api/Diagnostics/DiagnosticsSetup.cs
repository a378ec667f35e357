using ConflictGraph.Api.Schema;
using Microsoft.Extensions.Options;


namespace ConflictGraph.Api.Diagnostics;

/// <summary>Registers and maps the diagnostics feature; it does nothing unless configured on.</summary>
public static class DiagnosticsSetup
{
    public static IServiceCollection AddDiagnostics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DiagnosticsOptions>().Bind(configuration.GetSection(DiagnosticsOptions.Section));
        // ASP.NET Core logs each request in several Information lines; unless asked for (or its level set outright), only its warnings.
        var requestLogging = configuration.GetSection(DiagnosticsOptions.Section).Get<DiagnosticsOptions>()?.RequestLogging ?? false;
        if (!requestLogging && configuration["Logging:LogLevel:Microsoft.AspNetCore"] is null)
            services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning));
        services.AddOperationStep<CostReport>();
        return services;
    }

    public static WebApplication MapDiagnostics(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<DiagnosticsOptions>>().Value.Floor) app.MapFloor();
        return app;
    }
}
