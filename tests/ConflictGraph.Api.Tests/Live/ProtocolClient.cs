using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConflictGraph.Api.Tests.Infrastructure;

namespace ConflictGraph.Api.Tests.Live;

/// <summary>A graphql-transport-ws client over a real WebSocket to the in-memory service.</summary>
public sealed class ProtocolClient(WebSocket socket) : IAsyncDisposable
{
    // A guard against a hung test, not a timing under test.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public WebSocket Socket => socket;

    public static async Task<ProtocolClient> ConnectAsync(ConflictGraphApp app, string? subprotocol = "graphql-transport-ws")
    {
        await app.ReadyClientAsync();
        var client = app.Server.CreateWebSocketClient();
        if (subprotocol is not null) client.SubProtocols.Add(subprotocol);
        var socket = await client.ConnectAsync(new Uri("ws://localhost/graphql"), CancellationToken.None);
        return new ProtocolClient(socket);
    }

    public static async Task<ProtocolClient> ConnectAndInitAsync(ConflictGraphApp app, object? payload = null)
    {
        var client = await ConnectAsync(app);
        await client.SendAsync(new { type = "connection_init", payload });
        Assert.Equal("connection_ack", (await client.ReceiveAsync())!["type"]!.GetValue<string>());
        return client;
    }

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public Task SendTextAsync(string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next message, or null when the server closed the socket (see <see cref="CloseStatus"/>).</summary>
    public async Task<JsonNode?> ReceiveAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, patience.Token);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return JsonNode.Parse(message.ToArray());
        }
    }

    /// <summary>Reads until the server closes, returning the close code and reason.</summary>
    public async Task<(int? Code, string? Reason)> ClosedAsync()
    {
        while (await ReceiveAsync() is not null)
        {
        }
        return ((int?)socket.CloseStatus, socket.CloseStatusDescription);
    }

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        socket.Dispose();
    }
}
