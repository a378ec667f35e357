using System.Buffers;
using System.Text.Json;
using ConflictGraph.Api.Ide;
using ConflictGraph.Api.Limits;
using ConflictGraph.Api.Schema;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Transport;

/// <summary>
/// <c>/graphql</c> as the GraphQL-over-HTTP spec gives it: POST with JSON, GET for queries only,
/// the response media type the client accepts, and the status codes that go with it.
/// Browsers asking for HTML get the IDE.
/// </summary>
public static class GraphQLEndpoint
{
    public const string Path = "/graphql";

    public static IEndpointRouteBuilder MapGraphQLEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], HandleAsync).ExcludeFromDescription();
        return routes;
    }

    private static async Task HandleAsync(HttpContext http)
    {
        if (http.WebSockets.IsWebSocketRequest)
        {
            await Live.LiveSocket.RunAsync(http);
            return;
        }
        var services = http.RequestServices;
        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        var accept = http.Request.Headers.Accept.ToString();
        var isGet = HttpMethods.IsGet(http.Request.Method);
        if (isGet && MediaTypes.WantsHtml(accept) && !http.Request.Query.ContainsKey("query"))
        {
            await IdePage.ServeAsync(http);
            return;
        }
        var media = MediaTypes.Choose(accept);
        if (media is null)
        {
            await RefuseAsync(http, StatusCodes.Status406NotAcceptable, MediaTypes.Json,
                $"cannot answer in any type the Accept header allows; accept {MediaTypes.GraphQLResponse} or {MediaTypes.Json}");
            return;
        }

        GraphQLHttpRequest request;
        try
        {
            request = isGet ? GraphQLHttpRequest.FromQueryString(http.Request.Query, serializer) : await ReadBodyAsync(http, serializer);
        }
        catch (GraphQLHttpRequest.Refusal refusal)
        {
            await RefuseAsync(http, refusal.Status, media, refusal.Message);
            return;
        }
        // Access first: without a read key nothing is registered, and a known hash answers exactly like an unknown one.
        var access = services.GetRequiredService<AccessKeys>().Check(http.Request.Headers.Authorization);
        if (!access.CanRead)
        {
            await RefuseAsync(http, StatusCodes.Status401Unauthorized, media, "reading needs a key: send 'Authorization: Bearer <key>'", ApiErrors.Unauthenticated);
            return;
        }
        var (query, persistedError) = services.GetRequiredService<Caching.PersistedQueries>().Resolve(request.Query, request.Extensions);
        if (persistedError is not null)
        {
            http.Response.StatusCode = media == MediaTypes.GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
            http.Response.ContentType = MediaTypes.ContentType(media);
            await serializer.WriteAsync(http.Response.Body, new ExecutionResult { Errors = [persistedError] }, http.RequestAborted);
            return;
        }
        request = request with { Query = query };
        if (request.Query is null)
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, media, "no 'query' given");
            return;
        }
        if (isGet && request.OperationType() is OperationType.Mutation or OperationType.Subscription)
        {
            http.Response.Headers.Allow = "POST";
            await RefuseAsync(http, StatusCodes.Status405MethodNotAllowed, media, "mutations run only over POST");
            return;
        }
        await ExecuteAsync(http, request, media, access.Writer, serializer);
    }

    private static async Task ExecuteAsync(HttpContext http, GraphQLHttpRequest request, string media, string? writer, IGraphQLTextSerializer serializer)
    {
        // The deadline (ExecutionDeadline) and every other limit apply inside the executer, alike for WebSocket operations.
        var result = await http.RequestServices.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            UserContext = new GraphRequestContext { Writer = writer },
            RequestServices = http.RequestServices,
            User = http.User,
            CancellationToken = http.RequestAborted,
        });
        // With graphql-response+json, a request that never ran (parse or validation failure) is a 400, and one stopped by the deadline a 503.
        http.Response.StatusCode = media != MediaTypes.GraphQLResponse ? StatusCodes.Status200OK
            : DeadlineError.In(result) ? StatusCodes.Status503ServiceUnavailable
            : !result.Executed ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        http.Response.ContentType = MediaTypes.ContentType(media);
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static async Task<GraphQLHttpRequest> ReadBodyAsync(HttpContext http, IGraphQLTextSerializer serializer)
    {
        if (!MediaTypes.IsJson(http.Request.ContentType))
            throw new GraphQLHttpRequest.Refusal(StatusCodes.Status415UnsupportedMediaType,
                $"send the request as {MediaTypes.Json} (UTF-8), not '{http.Request.ContentType}'");
        var max = http.RequestServices.GetRequiredService<IOptions<RequestLimits>>().Value.MaxBodyBytes;
        if (http.Request.ContentLength > max) throw TooLarge(max);
        // Bodies are read into pooled buffers: most are a few hundred bytes, and every request has one.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(http.Request.ContentLength ?? 1024, 256), Math.Min(max + 1, 1 << 20)));
        var used = 0;
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(buffer.AsMemory(used), http.RequestAborted)) > 0)
            {
                used += read;
                if (used > max) throw TooLarge(max);
                if (used == buffer.Length) buffer = Grow(buffer, used);
            }
            using var document = JsonDocument.Parse(buffer.AsMemory(0, used));
            return GraphQLHttpRequest.FromJson(document.RootElement, serializer);
        }
        catch (JsonException e)
        {
            throw new GraphQLHttpRequest.Refusal(StatusCodes.Status400BadRequest, $"the body is not valid JSON: {e.Message}");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Grow(byte[] full, int used)
    {
        var larger = ArrayPool<byte>.Shared.Rent(full.Length * 2);
        full.AsSpan(0, used).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(full);
        return larger;
    }

    private static GraphQLHttpRequest.Refusal TooLarge(long max) =>
        new(StatusCodes.Status413PayloadTooLarge, $"the request body is larger than the limit of {max} bytes");

    private static async Task RefuseAsync(HttpContext http, int status, string media, string message, string code = "BAD_REQUEST")
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = MediaTypes.ContentType(media);
        await JsonSerializer.SerializeAsync(http.Response.Body,
            new { errors = new[] { new { message, extensions = new { code } } } }, cancellationToken: http.RequestAborted);
    }
}
