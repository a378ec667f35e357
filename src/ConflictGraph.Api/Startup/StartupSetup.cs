namespace ConflictGraph.Api.Startup;

/// <summary>Opening and seeding the store at start (section <c>ConflictGraph:Seed</c>), and the health checks that follow it.</summary>
public static class StartupSetup
{
    public static IServiceCollection AddStartupSeeding(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SeedOptions>().Bind(configuration.GetSection(SeedOptions.Section))
            .Validate(o => o.Path is null || File.Exists(o.Path) || Directory.Exists(o.Path),
                $"{SeedOptions.Section}:Path does not exist; give a folder of *.json seed files or one file")
            .ValidateOnStart();
        services.AddSingleton<Readiness>();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [HealthEndpoints.ReadyTag]);
        return services.AddHostedService<StartupSeeding>();
    }
}
