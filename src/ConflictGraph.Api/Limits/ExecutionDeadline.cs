using ConflictGraph.Api.Schema;
using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.Options;

namespace ConflictGraph.Api.Limits;

/// <summary>The error a stopped operation answers with; its code is QUERY_TOO_COMPLEX.</summary>
public sealed class DeadlineError(TimeSpan timeout)
    : ExecutionError($"the operation ran longer than {timeout.TotalSeconds:0.#} s and was stopped; ask for less")
{
    public static bool In(ExecutionResult result) => result.Errors?.Any(e => e is DeadlineError) == true;
}

/// <summary>
/// The one timeout policy: every operation, over HTTP or WebSocket, query, mutation or a
/// subscription's set-up, gets <see cref="RequestLimits.ExecutionTimeout"/> from parsing to its
/// last resolver. The request's token fires when it runs out, and everything long-running checks
/// it (validation, SQLite statements, path searches). A subscription's stream, once set up, runs
/// until the client completes it.
/// </summary>
public sealed class ExecutionDeadline(IOptions<RequestLimits> options, TimeProvider clock, IHostApplicationLifetime lifetime) : IConfigureExecution
{
    public float SortOrder => 0;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions executionOptions, ExecutionDelegate next)
    {
        var timeout = options.Value.ExecutionTimeout;
        var caller = executionOptions.CancellationToken;
        // Shutdown stops running operations too, so SIGTERM does not wait out the host's shutdown timeout.
        var stopping = lifetime.ApplicationStopping;
        // On the system clock the linked source times itself (CancelAfter): one source per operation. Another
        // clock (a test's) gets its own timer source linked in, so that clock decides when the deadline passes.
        var timer = clock == TimeProvider.System ? null : new CancellationTokenSource(timeout, clock);
        var linked = timer is null
            ? CancellationTokenSource.CreateLinkedTokenSource(caller, stopping)
            : CancellationTokenSource.CreateLinkedTokenSource(caller, timer.Token, stopping);
        if (timer is null) linked.CancelAfter(timeout);
        executionOptions.CancellationToken = linked.Token;
        // Stopped by neither the caller nor shutdown: the deadline passed.
        bool TimedOut() => linked.IsCancellationRequested && !caller.IsCancellationRequested && !stopping.IsCancellationRequested;
        var streaming = false;
        try
        {
            var result = await next(executionOptions);
            if (TimedOut()) return Answer(timeout);
            if (result.Streams is { Count: > 0 })
            {
                // Set up in time: the stream lives on under the caller's token (and shutdown's) alone.
                (timer ?? linked).CancelAfter(Timeout.InfiniteTimeSpan);
                streaming = true;
                caller.Register(() =>
                {
                    linked.Dispose();
                    timer?.Dispose();
                });
            }
            return result;
        }
        catch (OperationCanceledException) when (TimedOut())
        {
            return Answer(timeout);
        }
        finally
        {
            if (!streaming)
            {
                linked.Dispose();
                timer?.Dispose();
            }
        }
    }

    private static ExecutionResult Answer(TimeSpan timeout) => new()
    {
        Executed = true,
        Errors = [new DeadlineError(timeout) { Code = ApiErrors.QueryTooComplex }],
    };
}
