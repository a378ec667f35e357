namespace ConflictGraph.Api.Live;

/// <summary>Live updates: the change notifier and the WebSocket bounds (section <c>ConflictGraph:Live</c>).</summary>
public static class LiveSetup
{
    public static IServiceCollection AddLiveUpdates(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LiveOptions>(configuration.GetSection(LiveOptions.Section));
        services.AddSingleton<InProcessChangeNotifier>();
        services.AddSingleton<IGraphChangeNotifier>(provider => provider.GetRequiredService<InProcessChangeNotifier>());
        return services.AddSingleton<LiveConnections>();
    }

    /// <summary>Accepts WebSocket upgrades; <c>/graphql</c> hands them to <see cref="LiveSocket"/>.</summary>
    public static WebApplication UseLiveUpdates(this WebApplication app)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        return app;
    }
}
