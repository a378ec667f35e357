using System.Data.Common;
using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Rules;
using ConflictGraph.Core.Store;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation.Errors.Custom;

namespace ConflictGraph.Api.Transport;

/// <summary>The store is busy (another process holds its write lock): try again in a moment.</summary>
public sealed class StoreBusyError(int retryAfterSeconds)
    : ExecutionError($"the graph store is busy with another writer; retry in {retryAfterSeconds} s")
{
    public int RetryAfterSeconds { get; } = retryAfterSeconds;
}

/// <summary>Every error leaves with an <c>extensions.code</c>, and never with exception details, paths or driver messages.</summary>
public sealed class ErrorCodes() : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeExceptionDetails = false, ExposeData = false })
{
    /// <summary>How long a client should wait before retrying a busy store.</summary>
    public const int BusyRetrySeconds = 2;

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        if (executionError is ComplexityError) executionError.Code = ApiErrors.QueryTooComplex;
        executionError.Code ??= ApiErrors.Internal;
        var info = base.GetInfo(executionError);
        if (executionError is StoreBusyError busy)
        {
            info.Extensions ??= new Dictionary<string, object?>();
            info.Extensions["retryAfterSeconds"] = busy.RetryAfterSeconds;
        }
        return info;
    }

    /// <summary>Turns exceptions from resolvers into errors a client can act on; anything unexpected is logged and hidden.</summary>
    public static void Handle(UnhandledExceptionContext context, ILogger logger)
    {
        var field = context.FieldContext?.FieldAst.Name.StringValue;
        switch (context.OriginalException)
        {
            // The request was stopped (its deadline, the client leaving, shutdown): whatever the store threw is that.
            case var _ when context.ExecutionOptions.CancellationToken.IsCancellationRequested:
                context.Exception = ApiErrors.Error(ApiErrors.QueryTooComplex, "the operation was stopped before it finished");
                break;
            // The one place a cursor we did not issue becomes an error the client can act on.
            case InvalidCursorException e:
                context.Exception = ApiErrors.BadInput($"after: {e.Message}");
                break;
            case SearchTextTooLongException e:
                context.Exception = ApiErrors.BadInput($"{field}: {e.Message}");
                break;
            // A path search whose answer could not be shown to be the first paths: refused, never answered in part.
            case PathSearchTooWideException e:
                context.Exception = ApiErrors.Error(ApiErrors.QueryTooComplex, $"{field}: {e.Message}");
                break;
            case StoreUnavailableException e:
                logger.LogError(e, "store unavailable");
                context.Exception = ApiErrors.Error(ApiErrors.StoreUnavailable, "the graph store is unavailable; the service log has the details");
                break;
            // Another process holds the store's write lock (a large import, say): say when to retry, not why.
            case StoreBusyException e:
                logger.LogWarning("the store was busy: {Reason}", e.Message);
                context.Exception = new StoreBusyError(BusyRetrySeconds) { Code = ApiErrors.StoreUnavailable };
                break;
            case DbException e:
                logger.LogError(e, "the store failed in {Field}", field);
                context.Exception = ApiErrors.Error(ApiErrors.StoreUnavailable, "the graph store failed to answer; the service log has the details");
                break;
            case Live.SlowSubscriberException e:
                context.Exception = ApiErrors.Error(Live.SlowSubscriberException.Code, e.Message);
                break;
            case OperationCanceledException:
                context.Exception = ApiErrors.Error(ApiErrors.QueryTooComplex, "the operation was stopped before it finished");
                break;
            default:
                logger.LogError(context.OriginalException, "unhandled error in {Field}", field);
                context.Exception = ApiErrors.Error(ApiErrors.Internal, "internal error; the service log has the details");
                break;
        }
    }
}
