using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Transport;

public static class AccessSetup
{
    /// <summary>Who may read and write: the keys of section <c>ConflictGraph:Auth</c>, checked at start.</summary>
    public static IServiceCollection AddAccessKeys(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.Section))
            .Validate(o => o.WriteKeys.Concat(o.ReadKeys).Concat(o.NamedWriteKeys.Values).All(k => !string.IsNullOrWhiteSpace(k) && k.Trim() == k),
                $"{AccessOptions.Section}: a read or write key is empty or has spaces around it")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccessOptions>, AccessOptionsValidator>();
        return services.AddSingleton<AccessKeys>();
    }
}
