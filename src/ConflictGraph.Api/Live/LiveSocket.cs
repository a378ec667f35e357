using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Live;

/// <summary>
/// One WebSocket speaking graphql-transport-ws: connection_init and ack, ping/pong, subscribe,
/// next, error and complete, with the protocol's close codes. Outgoing messages go through a
/// bounded buffer; a client that stops reading is closed (1008) rather than allowed to hold
/// others up. Closing sends the close frame first and then waits briefly for the client's, so the
/// code arrives instead of a reset. Timers run on the registered <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class LiveSocket
{
    public const string Subprotocol = "graphql-transport-ws";

    /// <summary>How long a close frame may take to go out, and the client to answer it, before the connection is dropped.</summary>
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(10);

    private readonly WebSocket socket;
    private readonly HttpContext http;
    private readonly LiveOptions options;
    private readonly TimeProvider clock;
    private readonly Channel<string> outgoing;
    private readonly ConcurrentDictionary<string, Operation> operations = new();
    private readonly CancellationTokenSource receiving;
    private readonly CancellationTokenSource stopping;
    private volatile bool initReceived;
    private volatile bool acknowledged;
    private string? authorization;
    private long lastActivity;
    private int closed;

    private LiveSocket(WebSocket socket, HttpContext http, LiveOptions options, TimeProvider clock)
    {
        this.socket = socket;
        this.http = http;
        this.options = options;
        this.clock = clock;
        outgoing = Channel.CreateBounded<string>(new BoundedChannelOptions(options.SendBuffer) { SingleReader = true });
        var lifetime = http.RequestServices.GetRequiredService<IHostApplicationLifetime>();
        receiving = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        stopping = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        // Shutdown closes every socket with 1001 instead of waiting out the host's shutdown timeout.
        lifetime.ApplicationStopping.Register(() => _ = CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "The service is shutting down"));
        Touch();
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
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (connections.TryEnter(client, options.MaxConnections, options.MaxConnectionsPerClient) is { } refusal)
        {
            await socket.CloseAsync(CloseCodes.TryAgainLater, refusal, CancellationToken.None);
            return;
        }
        try
        {
            await new LiveSocket(socket, http, options, http.RequestServices.GetRequiredService<TimeProvider>()).RunAsync();
        }
        finally
        {
            connections.Leave(client);
        }
    }

    private async Task RunAsync()
    {
        var sending = SendLoopAsync();
        var watching = WatchAsync();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var message = await ReceiveAsync();
                if (message is null) break;
                Touch();
                await HandleAsync(message);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            StopOperations();
            outgoing.Writer.TryComplete();
            await stopping.CancelAsync();
            await Task.WhenAll(sending, watching);
            receiving.Dispose();
            stopping.Dispose();
        }
    }

    /// <summary>Closes a connection that never sent connection_init in time (4408), or sat idle after it.</summary>
    private async Task WatchAsync()
    {
        try
        {
            await Task.Delay(options.InitTimeout, clock, stopping.Token);
            if (!initReceived)
            {
                await CloseAsync(CloseCodes.InitTimeout, "Connection initialisation timeout");
                return;
            }
            while (true)
            {
                var quiet = clock.GetUtcNow() - new DateTimeOffset(Interlocked.Read(ref lastActivity), TimeSpan.Zero);
                if (operations.IsEmpty && quiet >= options.IdleTimeout)
                {
                    await CloseAsync(WebSocketCloseStatus.NormalClosure, $"Idle: nothing ran for {options.IdleTimeout.TotalSeconds:0} s");
                    return;
                }
                await Task.Delay(quiet < options.IdleTimeout ? options.IdleTimeout - quiet : options.IdleTimeout, clock, stopping.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Touch() => Interlocked.Exchange(ref lastActivity, clock.GetUtcNow().UtcTicks);

    /// <summary>One whole text message, or null when the client closed; oversized or binary messages close the socket.</summary>
    private async Task<string?> ReceiveAsync()
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, receiving.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await CloseAsync(WebSocketCloseStatus.NormalClosure, "");
                return null;
            }
            if (Volatile.Read(ref closed) != 0) continue;
            if (result.MessageType == WebSocketMessageType.Binary)
            {
                await CloseAsync(CloseCodes.BadRequest, "Binary messages are not supported");
                continue;
            }
            message.Write(buffer, 0, result.Count);
            if (message.Length > options.MaxMessageBytes)
            {
                await CloseAsync(CloseCodes.BadRequest, $"Message larger than {options.MaxMessageBytes} bytes");
                message.SetLength(0);
                continue;
            }
            if (result.EndOfMessage) return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
        }
    }

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var message in outgoing.Reader.ReadAllAsync(stopping.Token))
            {
                if (Volatile.Read(ref closed) != 0) break;
                await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Queues a message; a full buffer means the client stopped reading, and it is disconnected.</summary>
    private void Send(string message)
    {
        if (Volatile.Read(ref closed) != 0 || outgoing.Writer.TryWrite(message)) return;
        _ = CloseAsync(CloseCodes.SlowConsumer, $"Client too slow: more than {options.SendBuffer} messages waiting");
    }

    /// <summary>
    /// Stops every operation, drops what was queued, sends the close frame (after the message
    /// being sent, if any), then gives the client a moment to answer before the connection goes.
    /// </summary>
    private async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        if (Interlocked.Exchange(ref closed, 1) != 0) return;
        StopOperations();
        outgoing.Writer.TryComplete();
        using var grace = new CancellationTokenSource(CloseGrace, clock);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseOutputAsync(status, reason, grace.Token);
            receiving.CancelAfter(CloseGrace);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }

    private void StopOperations()
    {
        foreach (var id in operations.Keys)
            if (operations.TryRemove(id, out var operation)) operation.Dispose();
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
