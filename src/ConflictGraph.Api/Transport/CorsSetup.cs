namespace ConflictGraph.Api.Transport;

/// <summary>The browser origins (section <c>ConflictGraph:Cors</c>) allowed to call the API.</summary>
public static class CorsSetup
{
    public const string Policy = "ConflictGraph";

    public static IServiceCollection AddBrowserOrigins(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection(CorsSettings.Section).Get<CorsSettings>()?.Origins ?? [];
        return services.AddCors(cors => cors.AddPolicy(Policy, policy =>
        {
            if (origins.Count > 0) policy.WithOrigins([.. origins]).AllowAnyHeader().WithMethods("GET", "POST");
        }));
    }

    public static WebApplication UseBrowserOrigins(this WebApplication app)
    {
        app.UseCors(Policy);
        return app;
    }
}
