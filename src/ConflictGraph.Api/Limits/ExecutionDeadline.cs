using System.Collections.Concurrent;
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
public sealed class ExecutionDeadline(IOptions<RequestLimits> options, TimeProvider clock, IHostApplicationLifetime lifetime) : IOperationStep
{
    /// <summary>Idle sources kept for later operations; more operations at once than this make their own.</summary>
    public const int MaxIdleSources = 64;

    private static readonly Action<object?> Cancel = source => ((CancellationTokenSource)source!).Cancel();

    private readonly ConcurrentQueue<CancellationTokenSource> idle = new();
    private int idleCount;

    /// <summary>First: from parsing to the last resolver.</summary>
    public float Order => 0;

    /// <summary>Sources waiting for an operation, for tests.</summary>
    public int IdleSources => Volatile.Read(ref idleCount);

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions executionOptions, ExecutionDelegate next)
    {
        var timeout = options.Value.ExecutionTimeout;
        var caller = executionOptions.CancellationToken;
        // Shutdown stops running operations too, so SIGTERM does not wait out the host's shutdown timeout.
        var stopping = lifetime.ApplicationStopping;
        // One source per operation, timed on this service's clock and linked to the caller and to shutdown the way
        // CreateLinkedTokenSource links (either one cancels it). On the system clock a source whose operation ended
        // with nothing cancelled is reset and kept for a later operation, timer and all, instead of a new source and
        // timer each time.
        var source = Rent();
        source.CancelAfter(timeout);
        var fromCaller = caller.UnsafeRegister(Cancel, source);
        var fromStopping = stopping.UnsafeRegister(Cancel, source);
        executionOptions.CancellationToken = source.Token;
        // Stopped by neither the caller nor shutdown: the deadline passed.
        bool TimedOut() => source.IsCancellationRequested && !caller.IsCancellationRequested && !stopping.IsCancellationRequested;
        var streaming = false;
        try
        {
            var result = await next(executionOptions);
            if (TimedOut()) return Answer(timeout);
            if (result.Streams is { Count: > 0 })
            {
                // Set up in time: the stream lives on under the caller's token (and shutdown's) alone. When the caller
                // ends it, the source is let go without being cancelled (registered last, this runs first).
                source.CancelAfter(Timeout.InfiniteTimeSpan);
                streaming = true;
                caller.Register(() =>
                {
                    fromCaller.Dispose();
                    fromStopping.Dispose();
                    source.Dispose();
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
                // Once these return, neither the caller nor shutdown can reach the source any more.
                fromCaller.Dispose();
                fromStopping.Dispose();
                Return(source);
            }
        }
    }

    private CancellationTokenSource Rent()
    {
        if (clock != TimeProvider.System) return new CancellationTokenSource(Timeout.InfiniteTimeSpan, clock);
        if (!idle.TryDequeue(out var source)) return new CancellationTokenSource();
        Interlocked.Decrement(ref idleCount);
        return source;
    }

    /// <summary>
    /// Keeps a source for a later operation only if nothing cancelled it and its timer never fired (TryReset says so,
    /// and drops any registration left on its token); any other source is disposed, as before.
    /// </summary>
    private void Return(CancellationTokenSource source)
    {
        if (clock == TimeProvider.System && source.TryReset())
        {
            if (Interlocked.Increment(ref idleCount) <= MaxIdleSources)
            {
                idle.Enqueue(source);
                return;
            }
            Interlocked.Decrement(ref idleCount);
        }
        source.Dispose();
    }

    private static ExecutionResult Answer(TimeSpan timeout) => new()
    {
        Executed = true,
        Errors = [new DeadlineError(timeout) { Code = ApiErrors.QueryTooComplex }],
    };
}
