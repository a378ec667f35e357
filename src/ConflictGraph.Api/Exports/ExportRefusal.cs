using ConflictGraph.Api.Schema;

namespace ConflictGraph.Api.Exports;

/// <summary>A request an export cannot serve, with the HTTP status and GraphQL-style error code it is answered with.</summary>
public sealed class ExportRefusal(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public static ExportRefusal BadInput(string message) => new(StatusCodes.Status400BadRequest, ApiErrors.BadUserInput, message);

    /// <summary>The error as GraphQL clients already read them: <c>{"errors":[{"message", "extensions":{"code"}}]}</c>.</summary>
    public IResult ToResult() =>
        Results.Json(new { errors = new[] { new { message = Message, extensions = new { code = Code } } } }, statusCode: Status);
}
