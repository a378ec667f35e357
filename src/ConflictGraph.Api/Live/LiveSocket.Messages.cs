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
        var (canRead, write) = http.RequestServices.GetRequiredService<AccessKeys>().Check(authorization);
        if (!canRead)
        {
            await CloseAsync(CloseCodes.Forbidden, "Forbidden: reading needs a key ({\"authorization\": \"Bearer <key>\"} in connection_init)");
            return;
        }
        canWrite = write;
        acknowledged = true;
        Send(Message("connection_ack"));
    }

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
        var operation = new Operation(http.RequestServices.GetRequiredService<IServiceScopeFactory>());
        if (!operations.TryAdd(id, operation))
        {
            await CloseAsync(CloseCodes.DuplicateSubscriber, $"Subscriber for {id} already exists");
            return;
        }
        if (operations.Count > options.MaxSubscriptionsPerConnection)
        {
            operations.TryRemove(id, out _);
            Send(Message("error", id, ErrorsJson($"too many operations on this connection (at most {options.MaxSubscriptionsPerConnection}); complete some first")));
            return;
        }
        _ = ExecuteAsync(id, request, operation);
    }

    private async Task ExecuteAsync(string id, GraphQLHttpRequest request, Operation operation)
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
                UserContext = new GraphRequestContext { CanWrite = canWrite },
                RequestServices = operation.Scope.ServiceProvider,
                CancellationToken = operation.Cancel.Token,
            });
            if (result.Streams is { Count: > 0 } streams)
            {
                operation.Stream = streams.Values.First().Subscribe(new Forwarder(this, id, serializer));
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
        if (operations.TryRemove(id, out var done)) done.Dispose();
    }

    private static string ErrorsJson(ExecutionResult result, IGraphQLTextSerializer serializer)
    {
        using var document = JsonDocument.Parse(serializer.Serialize(result));
        return document.RootElement.TryGetProperty("errors", out var errors) ? errors.GetRawText() : "[]";
    }

    private static string ErrorsJson(string message) => JsonSerializer.Serialize(new[] { new { message } });

    private static string? Id(JsonElement message) =>
        message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } text ? text : null;

    /// <summary>One running operation: its own DI scope (loaders, metering) and a way to stop it.</summary>
    private sealed class Operation(IServiceScopeFactory scopes) : IDisposable
    {
        public AsyncServiceScope Scope { get; } = scopes.CreateAsyncScope();
        public CancellationTokenSource Cancel { get; } = new();
        public IDisposable? Stream { get; set; }

        public void Dispose()
        {
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
            socket.Send(Message("error", id, ErrorsJson(error.Message)));
            if (socket.operations.TryRemove(id, out var operation)) operation.Dispose();
        }

        public void OnCompleted()
        {
            socket.Send(Message("complete", id));
            if (socket.operations.TryRemove(id, out var operation)) operation.Dispose();
        }
    }
}
