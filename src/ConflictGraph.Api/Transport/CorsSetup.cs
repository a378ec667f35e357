namespace ConflictGraph.Api.Transport;

/// <summary>The browser origins (section <c>ConflictGraph:Cors</c>) allowed to call the API.</summary>
public static class CorsSetup
{
    public const string Policy = "ConflictGraph";

    public static IServiceCollection AddBrowserOrigins(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CorsSettings>().Bind(configuration.GetSection(CorsSettings.Section))
            .Validate(o => o.Origins.All(origin => Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/"),
                $"{CorsSettings.Section}:Origins: each must be a scheme and host such as https://example.org, with no path")
            .ValidateOnStart();
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
