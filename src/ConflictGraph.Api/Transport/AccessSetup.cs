namespace ConflictGraph.Api.Transport;

public static class AccessSetup
{
    /// <summary>Who may read and write: the keys of section <c>ConflictGraph:Auth</c>.</summary>
    public static IServiceCollection AddAccessKeys(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AccessOptions>(configuration.GetSection(AccessOptions.Section));
        return services.AddSingleton<AccessKeys>();
    }
}
