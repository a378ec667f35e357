namespace ConflictGraph.Api.Live;

/// <summary>Live updates: the change feed (tailing the store's change log) and the WebSocket bounds (section <c>ConflictGraph:Live</c>).</summary>
public static class LiveSetup
{
    public static IServiceCollection AddLiveUpdates(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LiveOptions>().Bind(configuration.GetSection(LiveOptions.Section))
            .Validate(o => o.MaxConnections > 0 && o.MaxConnectionsPerClient > 0 && o.MaxSubscriptionsPerConnection > 0 && o.SendBuffer > 0
                           && o.ChangeBuffer > 0 && o.MaxMessageBytes > 0 && o.PollInterval > TimeSpan.Zero && o.InitTimeout > TimeSpan.Zero && o.IdleTimeout > TimeSpan.Zero,
                $"{LiveOptions.Section}: every bound (MaxConnections, MaxConnectionsPerClient, MaxSubscriptionsPerConnection, SendBuffer, ChangeBuffer, MaxMessageBytes, PollInterval, InitTimeout, IdleTimeout) must be positive")
            .ValidateOnStart();
        services.AddSingleton<ChangeFeed>();
        return services.AddSingleton<LiveConnections>();
    }

    /// <summary>Accepts WebSocket upgrades; <c>/graphql</c> hands them to <see cref="LiveSocket"/>.</summary>
    public static WebApplication UseLiveUpdates(this WebApplication app)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        return app;
    }
}
