using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ConflictGraph.Api.Tests.Live;

/// <summary>
/// Issue 10, WebSocket items: timers on a fake clock (no race with the real one), close codes that
/// arrive as codes, a per-client connection cap, idle connections closed, keys re-checked per
/// operation, and subscription failures that say a code rather than exception text.
/// </summary>
public sealed class ProtocolHardeningTests : IDisposable
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.Parse("2026-12-01T00:00:00Z"));
    private readonly ConflictGraphApp app;

    public ProtocolHardeningTests()
    {
        app = ConflictGraphApp.With(new Dictionary<string, string?>
        {
            ["ConflictGraph:Live:InitTimeout"] = "00:00:10",
            ["ConflictGraph:Live:IdleTimeout"] = "00:05:00",
            ["ConflictGraph:Live:MaxConnectionsPerClient"] = "3",
        }, services => services.AddSingleton<TimeProvider>(clock));
    }

    /// <summary>Moves the fake clock on in small steps, letting the server's timers run between them.</summary>
    private async Task AdvanceAsync(TimeSpan by)
    {
        for (var step = TimeSpan.Zero; step < by; step += TimeSpan.FromSeconds(1))
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }
    }

    [Fact]
    public async Task NoInitBeforeTheTimeoutClosesWith4408()
    {
        await using var client = await ProtocolClient.ConnectAsync(app);
        await AdvanceAsync(TimeSpan.FromSeconds(11));

        var (code, reason) = await client.ClosedAsync();

        Assert.Equal(4408, code);
        Assert.Equal("Connection initialisation timeout", reason);
    }

    [Fact]
    public async Task AnInitialisedConnectionWithNothingRunningIsClosedWhenIdle()
    {
        await using var client = await ProtocolClient.ConnectAndInitAsync(app);
        await AdvanceAsync(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(2));

        var (code, reason) = await client.ClosedAsync();

        Assert.Equal(1000, code);
        Assert.StartsWith("Idle", reason);
    }

    [Fact]
    public async Task AnActiveSubscriptionKeepsTheConnectionOpen()
    {
        await using var client = await ProtocolClient.ConnectAndInitAsync(app);
        await client.SubscribeAsync("1", "subscription { graphChanged { nodes { id } } }");
        await app.WaitForSubscribersAsync();
        await AdvanceAsync(TimeSpan.FromMinutes(6));

        await client.SendAsync(new { type = "ping" });
        Assert.Equal("pong", (await client.ReceiveAsync())!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task OneClientCannotTakeMoreThanItsShareOfConnections()
    {
        var clients = new List<ProtocolClient>();
        for (var i = 0; i < 3; i++) clients.Add(await ProtocolClient.ConnectAndInitAsync(app));
        await using var fourth = await ProtocolClient.ConnectAsync(app);

        var (code, reason) = await fourth.ClosedAsync();

        Assert.Equal(1013, code);
        Assert.Contains("Too many connections from this client", reason);
        foreach (var client in clients) await client.DisposeAsync();
    }

    [Fact]
    public async Task AWriteKeyRemovedFromTheSettingsStopsWorkingOnAnOpenSocket()
    {
        await using var client = await ProtocolClient.ConnectAndInitAsync(app, new { authorization = $"Bearer {ConflictGraphApp.WriteKey}" });
        const string write = """mutation { importGraph(input: { places: [{ id: "place:keytest", name: "Key test", kind: CITY }] }) { created } }""";
        await client.SubscribeAsync("before", write);
        Assert.Equal(1, (await client.ReceiveAsync())!["payload"]!["data"]!["importGraph"]!["created"]!.GetValue<int>());
        Assert.Equal("complete", (await client.ReceiveAsync())!["type"]!.GetValue<string>());

        var configuration = (IConfigurationRoot)app.Services.GetRequiredService<IConfiguration>();
        configuration["ConflictGraph:Auth:WriteKeys:0"] = "a-new-key";
        configuration.Reload();

        await client.SubscribeAsync("after", write.Replace("keytest", "keytest-2"));
        var refused = (await client.ReceiveAsync())!;
        Assert.Equal("UNAUTHENTICATED", refused["payload"]!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    public void Dispose() => app.Dispose();
}
