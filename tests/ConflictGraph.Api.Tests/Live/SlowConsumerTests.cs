using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Live;

/// <summary>
/// Issue 10: a client that stops reading is closed with 1008 and a reason, over a real socket
/// (Kestrel on a loopback port), where unread messages back up into the server's send buffer.
/// </summary>
public sealed class SlowConsumerTests : IDisposable
{
    private readonly ConflictGraphApp app = ConflictGraphApp.With(new Dictionary<string, string?>
    {
        ["ConflictGraph:Live:SendBuffer"] = "2",
        ["ConflictGraph:Live:ChangeBuffer"] = "1000",
    });

    [Fact]
    public async Task AClientThatStopsReadingIsClosedWith1008()
    {
        app.UseKestrel(0);
        app.StartServer();
        var http = app.CreateClient();
        await app.ReadyClientAsync();
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new Uri(http.BaseAddress!.ToString().Replace("http", "ws") + "graphql"), CancellationToken.None);
        await SendAsync(socket, new { type = "connection_init" });
        await SendAsync(socket, new
        {
            id = "slow", type = "subscribe",
            payload = new { query = "subscription { graphChanged { nodes { node { ... on Place { description } } } } }" },
        });
        await app.WaitForSubscribersAsync();

        // Writes whose change messages are large, all at once, while the client reads nothing; it starts
        // reading right after, well within the time the server gives a close handshake.
        var description = new string('d', 900_000);
        var imports = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => app.PostGraphQLAsync(
            "mutation($p: [PlaceInput!]) { importGraph(input: { places: $p }) { created } }",
            new { p = new[] { new { id = $"place:flood-{i}", name = $"Flood {i}", kind = "CITY", description } } },
            key: ConflictGraphApp.WriteKey)));
        Assert.All(imports, import => Assert.Empty(import.Errors));

        var buffer = new byte[1 << 20];
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        WebSocketReceiveResult result;
        do result = await socket.ReceiveAsync(buffer, patience.Token);
        while (result.MessageType != WebSocketMessageType.Close);

        Assert.Equal(1008, (int)socket.CloseStatus!);
        Assert.StartsWith("Client too slow", socket.CloseStatusDescription);
    }

    private static Task SendAsync(ClientWebSocket socket, object message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message)), WebSocketMessageType.Text, true, CancellationToken.None);

    public void Dispose() => app.Dispose();
}
