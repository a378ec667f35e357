using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using ConflictGraph.Api.Transport;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Live;

/// <summary>
/// One WebSocket speaking graphql-transport-ws: connection_init and ack, ping/pong, subscribe,
/// next, error and complete, with the protocol's close codes. Outgoing messages go through a
/// bounded buffer; a client that stops reading is closed rather than allowed to hold others up.
/// </summary>
public sealed partial class LiveSocket
{
    public const string Subprotocol = "graphql-transport-ws";

    private readonly WebSocket socket;
    private readonly HttpContext http;
    private readonly LiveOptions options;
    private readonly Channel<string> outgoing;
    private readonly ConcurrentDictionary<string, IDisposable> operations = new();
    private readonly CancellationTokenSource closing;
    private volatile bool initReceived;
    private volatile bool acknowledged;
    private bool canWrite;
    private int closed;

    private LiveSocket(WebSocket socket, HttpContext http, LiveOptions options)
    {
        this.socket = socket;
        this.http = http;
        this.options = options;
        outgoing = Channel.CreateBounded<string>(new BoundedChannelOptions(options.SendBuffer) { SingleReader = true });
        closing = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
    }

    public static async Task RunAsync(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<LiveOptions>>().Value;
        var connections = http.RequestServices.GetRequiredService<LiveConnections>();
        var offered = http.WebSockets.WebSocketRequestedProtocols.Contains(Subprotocol);
        using var socket = await http.WebSockets.AcceptWebSocketAsync(offered ? Subprotocol : null);
        if (!offered)
        {
            await socket.CloseAsync(CloseCodes.SubprotocolNotAcceptable, $"Subprotocol not acceptable: use {Subprotocol}", CancellationToken.None);
            return;
        }
        if (!connections.TryEnter(options.MaxConnections))
        {
            await socket.CloseAsync(CloseCodes.TryAgainLater, "Too many connections; try again later", CancellationToken.None);
            return;
        }
        try
        {
            await new LiveSocket(socket, http, options).RunAsync();
        }
        finally
        {
            connections.Leave();
        }
    }

    private async Task RunAsync()
    {
        var sending = SendLoopAsync();
        var initTimer = InitTimeoutAsync();
        try
        {
            while (!closing.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var message = await ReceiveAsync();
                if (message is null) break;
                await HandleAsync(message);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            foreach (var operation in operations.Values) operation.Dispose();
            operations.Clear();
            outgoing.Writer.TryComplete();
            await closing.CancelAsync();
            await Task.WhenAll(sending, initTimer);
            closing.Dispose();
        }
    }

    private async Task InitTimeoutAsync()
    {
        try
        {
            await Task.Delay(options.InitTimeout, closing.Token);
            if (!initReceived) await CloseAsync(CloseCodes.InitTimeout, "Connection initialisation timeout");
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>One whole text message, or null when the client closed; oversized or binary messages close the socket.</summary>
    private async Task<string?> ReceiveAsync()
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, closing.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await CloseAsync(WebSocketCloseStatus.NormalClosure, "");
                return null;
            }
            if (result.MessageType == WebSocketMessageType.Binary)
            {
                await CloseAsync(CloseCodes.BadRequest, "Binary messages are not supported");
                return null;
            }
            message.Write(buffer, 0, result.Count);
            if (message.Length > options.MaxMessageBytes)
            {
                await CloseAsync(CloseCodes.BadRequest, $"Message larger than {options.MaxMessageBytes} bytes");
                return null;
            }
            if (result.EndOfMessage) return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
        }
    }

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var message in outgoing.Reader.ReadAllAsync(closing.Token))
                await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, closing.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
    }

    /// <summary>Queues a message; a full buffer means the client stopped reading, and it is disconnected.</summary>
    private void Send(string message)
    {
        if (Volatile.Read(ref closed) != 0 || outgoing.Writer.TryWrite(message)) return;
        _ = CloseAsync(CloseCodes.SlowConsumer, $"Client too slow: more than {options.SendBuffer} messages waiting");
    }

    private async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        if (Interlocked.Exchange(ref closed, 1) != 0) return;
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseOutputAsync(status, reason, CancellationToken.None);
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            await closing.CancelAsync();
        }
    }

    private static string Message(string type, string? id = null, string? payloadJson = null)
    {
        var builder = new StringBuilder("{");
        if (id is not null) builder.Append("\"id\":").Append(JsonSerializer.Serialize(id)).Append(',');
        builder.Append("\"type\":").Append(JsonSerializer.Serialize(type));
        if (payloadJson is not null) builder.Append(",\"payload\":").Append(payloadJson);
        return builder.Append('}').ToString();
    }
}
