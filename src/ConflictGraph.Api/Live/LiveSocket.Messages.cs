using System.Text.Json;
using ConflictGraph.Api.Transport;
using GraphQL;
using GraphQL.Types;

namespace ConflictGraph.Api.Live;

public sealed partial class LiveSocket
{
    private async Task HandleAsync(string text)
    {
        JsonElement message;
        try
        {
            using var document = JsonDocument.Parse(text);
            message = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            await CloseAsync(CloseCodes.BadRequest, "Invalid message received: not JSON");
            return;
        }
        var type = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()
            : null;
        switch (type)
        {
            case "connection_init":
                await InitAsync(message);
                break;
            case "ping":
                Send(Message("pong"));
                break;
            case "pong":
                break;
            case "subscribe":
                await SubscribeAsync(message);
                break;
            case "complete":
                if (Id(message) is { } id && operations.TryRemove(id, out var operation)) operation.Dispose();
                break;
            default:
                await CloseAsync(CloseCodes.BadRequest, type is null ? "Invalid message received: no type" : $"Invalid message type '{type}'");
                break;
        }
    }

    private async Task InitAsync(JsonElement message)
    {
        if (initReceived)
        {
            await CloseAsync(CloseCodes.TooManyInitRequests, "Too many initialisation requests");
            return;
        }
        initReceived = true;
        string? authorization = null;
        if (message.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.Object)
            foreach (var property in payload.EnumerateObject())
                if (property.Name.Equals("authorization", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
                    authorization = property.Value.GetString();
        authorization ??= http.Request.Headers.Authorization.ToString();
        this.authorization = authorization;
        if (!Access().CanRead)
        {
            await CloseAsync(CloseCodes.Forbidden, "Forbidden: reading needs a key ({\"authorization\": \"Bearer <key>\"} in connection_init)");
            return;
        }
        acknowledged = true;
        Send(Message("connection_ack"));
    }

    /// <summary>What the connection's key allows now: a key removed from the settings stops working on open sockets too.</summary>
    private Access Access() => http.RequestServices.GetRequiredService<AccessKeys>().Check(authorization);

    private async Task SubscribeAsync(JsonElement message)
    {
        if (!acknowledged)
        {
            await CloseAsync(CloseCodes.Unauthorized, "Unauthorized: send connection_init first");
            return;
        }
        if (Id(message) is not { } id || !message.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object
            || !payload.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
        {
            await CloseAsync(CloseCodes.BadRequest, "Invalid message received: subscribe needs an id and a payload with a query");
            return;
        }
        GraphQLHttpRequest request;
        try
        {
            request = GraphQLHttpRequest.FromJson(payload, http.RequestServices.GetRequiredService<IGraphQLTextSerializer>());
        }
        catch (GraphQLHttpRequest.Refusal refusal)
        {
            await CloseAsync(CloseCodes.BadRequest, $"Invalid message received: {refusal.Message}");
            return;
        }
        var access = Access();
        if (!access.CanRead)
        {
            await CloseAsync(CloseCodes.Forbidden, "Forbidden: the connection's key no longer allows reading");
            return;
        }
        if (operations.ContainsKey(id))
        {
            await CloseAsync(CloseCodes.DuplicateSubscriber, $"Subscriber for {id} already exists");
            return;
        }
        if (operations.Count >= options.MaxSubscriptionsPerConnection)
        {
            Send(Message("error", id, ErrorsJson($"too many operations on this connection (at most {options.MaxSubscriptionsPerConnection}); complete some first", "BAD_REQUEST")));
            return;
        }
        // The scope exists only once the operation is accepted, and is disposed whichever way it ends.
        var operation = new Operation(http.RequestServices.GetRequiredService<IServiceScopeFactory>());
        if (!operations.TryAdd(id, operation))
        {
            operation.Dispose();
            await CloseAsync(CloseCodes.DuplicateSubscriber, $"Subscriber for {id} already exists");
            return;
        }
        _ = ExecuteAsync(id, request, operation, access.Writer);
    }

    private async Task ExecuteAsync(string id, GraphQLHttpRequest request, Operation operation, string? writer)
    {
        var serializer = http.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        try
        {
            var result = await operation.Scope.ServiceProvider.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(new ExecutionOptions
            {
                Query = request.Query,
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                UserContext = new GraphRequestContext { Writer = writer, OverWebSocket = true },
                RequestServices = operation.Scope.ServiceProvider,
                CancellationToken = operation.Cancel.Token,
            });
            if (result.Streams is { Count: > 0 } streams)
            {
                operation.Stream = streams.Values.First().Subscribe(new Forwarder(this, id, serializer));
                // Completed (or the socket closed) while it was being set up: end the stream too.
                if (!operations.ContainsKey(id)) operation.Stream.Dispose();
                return;
            }
            if (!result.Executed)
                Send(Message("error", id, ErrorsJson(result, serializer)));
            else
            {
                Send(Message("next", id, serializer.Serialize(result)));
                Send(Message("complete", id));
            }
        }
        catch (OperationCanceledException) when (operation.Cancel.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            http.RequestServices.GetRequiredService<ILogger<LiveSocket>>().LogError(e, "operation {Id} failed", id);
            Send(Message("error", id, ErrorsJson("internal error; the service log has the details", "INTERNAL")));
        }
        if (operations.TryRemove(id, out var done)) done.Dispose();
    }

    private static string ErrorsJson(ExecutionResult result, IGraphQLTextSerializer serializer)
    {
        using var document = JsonDocument.Parse(serializer.Serialize(result));
        return document.RootElement.TryGetProperty("errors", out var errors) ? errors.GetRawText() : "[]";
    }

    private static string ErrorsJson(string message, string code) => JsonSerializer.Serialize(new[] { new { message, extensions = new { code } } });

    private static string? Id(JsonElement message) =>
        message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } text ? text : null;

    /// <summary>One running operation: its own DI scope (loaders, metering) and a way to stop it.</summary>
    private sealed class Operation(IServiceScopeFactory scopes) : IDisposable
    {
        public AsyncServiceScope Scope { get; } = scopes.CreateAsyncScope();
        public CancellationTokenSource Cancel { get; } = new();
        public IDisposable? Stream { get; set; }

        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) != 0) return;
            Cancel.Cancel();
            Stream?.Dispose();
            Cancel.Dispose();
            _ = Scope.DisposeAsync().AsTask();
        }
    }

    private sealed class Forwarder(LiveSocket socket, string id, IGraphQLTextSerializer serializer) : IObserver<ExecutionResult>
    {
        public void OnNext(ExecutionResult value)
        {
            if (value.Errors?.Any(e => e.Code == SlowSubscriberException.Code) == true)
            {
                _ = socket.CloseAsync(CloseCodes.SlowConsumer, "Client too slow: its subscription fell behind");
                return;
            }
            socket.Send(Message("next", id, serializer.Serialize(value)));
        }

        public void OnError(Exception error)
        {
            if (error is SlowSubscriberException || error.InnerException is SlowSubscriberException)
            {
                _ = socket.CloseAsync(CloseCodes.SlowConsumer, "Client too slow: its subscription fell behind");
                return;
            }
            // Exception text stays in the log; the client gets a code and a sentence.
            socket.http.RequestServices.GetRequiredService<ILogger<LiveSocket>>().LogError(error, "subscription {Id} failed", id);
            socket.Send(Message("error", id, ErrorsJson("the subscription failed; the service log has the details", "INTERNAL")));
            if (socket.operations.TryRemove(id, out var operation)) operation.Dispose();
        }

        public void OnCompleted()
        {
            socket.Send(Message("complete", id));
            if (socket.operations.TryRemove(id, out var operation)) operation.Dispose();
        }
    }
}
