namespace ConflictGraph.Api.Startup;

/// <summary>Opening and seeding the store at start (section <c>ConflictGraph:Seed</c>), and the readiness that follows it.</summary>
public static class StartupSetup
{
    public static IServiceCollection AddStartupSeeding(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SeedOptions>(configuration.GetSection(SeedOptions.Section));
        services.AddSingleton<Readiness>();
        return services.AddHostedService<StartupSeeding>();
    }
}
