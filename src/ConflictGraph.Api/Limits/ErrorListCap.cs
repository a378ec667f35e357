using ConflictGraph.Api.Schema;
using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Limits;

/// <summary>
/// No response lists more than <see cref="RequestLimits.MaxErrors"/> errors: the rest are
/// counted in one last error, so a document that breaks a rule a million times answers in
/// kilobytes.
/// </summary>
public sealed class ErrorListCap(IOptions<RequestLimits> options) : IOperationStep
{
    /// <summary>Right inside the deadline, so it sees every error, the deadline's own aside.</summary>
    public float Order => 1;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions executionOptions, ExecutionDelegate next)
    {
        var result = await next(executionOptions);
        var max = options.Value.MaxErrors;
        if (result.Errors is not { } errors || errors.Count <= max) return result;
        var kept = new ExecutionErrors();
        foreach (var error in errors.Take(max)) kept.Add(error);
        var left = errors.Count - max;
        var code = errors.Skip(max).Select(e => e.Code).Distinct().Count() == 1 ? errors.ElementAt(max).Code : ApiErrors.BadUserInput;
        kept.Add(new ExecutionError($"{left} more error(s) left out; at most {max} are listed") { Code = code ?? ApiErrors.BadUserInput });
        result.Errors = kept;
        return result;
    }
}
