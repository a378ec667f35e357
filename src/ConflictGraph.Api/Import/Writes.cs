using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Store;
using GraphQL;

namespace ConflictGraph.Api.Import;

/// <summary>Who may write, and as whom the change log records it.</summary>
public static class Writes
{
    /// <summary>The write as the request's key names it.</summary>
    /// <exception cref="ExecutionError">UNAUTHENTICATED when the request carried no write key.</exception>
    public static WriteContext Require(IResolveFieldContext context) =>
        context.UserContext is GraphRequestContext { Writer: { } writer }
            ? new WriteContext(writer)
            : throw ApiErrors.Error(ApiErrors.Unauthenticated, "writing needs a write key: send 'Authorization: Bearer <key>'; nothing was written");
}
