using System.Net.WebSockets;

namespace ConflictGraph.Api.Live;

/// <summary>The graphql-transport-ws close codes, and ours for overload.</summary>
public static class CloseCodes
{
    public const WebSocketCloseStatus BadRequest = (WebSocketCloseStatus)4400;
    public const WebSocketCloseStatus Unauthorized = (WebSocketCloseStatus)4401;
    public const WebSocketCloseStatus Forbidden = (WebSocketCloseStatus)4403;
    public const WebSocketCloseStatus SubprotocolNotAcceptable = (WebSocketCloseStatus)4406;
    public const WebSocketCloseStatus InitTimeout = (WebSocketCloseStatus)4408;
    public const WebSocketCloseStatus DuplicateSubscriber = (WebSocketCloseStatus)4409;
    public const WebSocketCloseStatus TooManyInitRequests = (WebSocketCloseStatus)4429;
    public const WebSocketCloseStatus TryAgainLater = (WebSocketCloseStatus)1013;
    public const WebSocketCloseStatus SlowConsumer = WebSocketCloseStatus.PolicyViolation;
}
