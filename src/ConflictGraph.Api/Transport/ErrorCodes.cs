using ConflictGraph.Api.Schema;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation.Errors.Custom;

namespace ConflictGraph.Api.Transport;

/// <summary>Every error leaves with an <c>extensions.code</c>, and never with exception details.</summary>
public sealed class ErrorCodes() : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeExceptionDetails = false, ExposeData = false })
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        if (executionError is ComplexityError) executionError.Code = ApiErrors.QueryTooComplex;
        executionError.Code ??= ApiErrors.Internal;
        return base.GetInfo(executionError);
    }

    /// <summary>Turns exceptions from resolvers into errors a client can act on; anything unexpected is logged and hidden.</summary>
    public static void Handle(UnhandledExceptionContext context, ILogger logger)
    {
        switch (context.OriginalException)
        {
            // The one place a cursor we did not issue becomes an error the client can act on.
            case InvalidCursorException e:
                context.Exception = ApiErrors.BadInput($"after: {e.Message}");
                break;
            case StoreUnavailableException e:
                logger.LogError(e, "store unavailable");
                context.Exception = ApiErrors.Error(ApiErrors.StoreUnavailable, $"the graph store is unavailable: {e.Message}");
                break;
            case Live.SlowSubscriberException e:
                context.Exception = ApiErrors.Error(Live.SlowSubscriberException.Code, e.Message);
                break;
            case OperationCanceledException:
                context.Exception = ApiErrors.Error(ApiErrors.QueryTooComplex, "the operation ran longer than the configured execution timeout and was stopped");
                break;
            default:
                logger.LogError(context.OriginalException, "unhandled error in {Field}", context.FieldContext?.FieldDefinition.Name);
                context.Exception = ApiErrors.Error(ApiErrors.Internal, "internal error; the service log has the details");
                break;
        }
    }
}
