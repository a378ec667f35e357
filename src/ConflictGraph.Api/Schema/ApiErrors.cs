using GraphQL;

namespace ConflictGraph.Api.Schema;

/// <summary>The error codes clients can rely on, in <c>extensions.code</c>.</summary>
public static class ApiErrors
{
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string NotFound = "NOT_FOUND";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
    public const string QueryTooComplex = "QUERY_TOO_COMPLEX";
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string StoreUnavailable = "STORE_UNAVAILABLE";
    public const string Internal = "INTERNAL";

    public static ExecutionError Error(string code, string message) => new(message) { Code = code };

    public static ExecutionError BadInput(string message) => Error(BadUserInput, message);
}
