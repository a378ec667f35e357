using ConflictGraph.Api.Limits;
using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ConflictGraph.Api.Tests.Limits;

/// <summary>
/// The deadline on each clock it runs on: the system's (the linked source times itself) and another (a test's,
/// through a timer source of its own). What stopped an operation decides the answer: the deadline answers with its
/// error, the caller's cancellation and shutdown are never reported as a deadline.
/// </summary>
public sealed class ExecutionDeadlineTests
{
    private sealed class Lifetime : IHostApplicationLifetime
    {
        public readonly CancellationTokenSource Stopping = new();
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => Stopping.Token;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() => Stopping.Cancel();
    }

    private static ExecutionDeadline Deadline(TimeSpan timeout, TimeProvider clock, Lifetime lifetime) =>
        new(Options.Create(new RequestLimits { ExecutionTimeout = timeout }), clock, lifetime);

    /// <summary>An operation that waits until its token is cancelled, and says when it started waiting.</summary>
    private static (ExecutionDelegate Next, Task Waiting) Stalled()
    {
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return (async options =>
        {
            waiting.SetResult();
            await Task.Delay(Timeout.Infinite, options.CancellationToken);
            return new ExecutionResult { Executed = true };
        }, waiting.Task);
    }

    [Fact]
    public async Task OnTheSystemClockAStalledOperationAnswersWithTheDeadlineError()
    {
        var (next, _) = Stalled();

        var result = await Deadline(TimeSpan.FromMilliseconds(20), TimeProvider.System, new Lifetime())
            .ExecuteAsync(new ExecutionOptions(), next);

        var error = Assert.Single(result.Errors!);
        Assert.IsType<DeadlineError>(error);
        Assert.Equal("QUERY_TOO_COMPLEX", error.Code);
        Assert.True(result.Executed);
    }

    [Fact]
    public async Task OnAnotherClockTheDeadlinePassesWhenThatClockSaysSo()
    {
        var clock = new FakeTimeProvider();
        var (next, waiting) = Stalled();
        var running = Deadline(TimeSpan.FromSeconds(3), clock, new Lifetime()).ExecuteAsync(new ExecutionOptions(), next);
        await waiting;

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(running.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));

        var result = await running;
        Assert.IsType<DeadlineError>(Assert.Single(result.Errors!));
        Assert.Contains("ran longer than 3 s and was stopped", result.Errors![0].Message);
    }

    [Fact]
    public async Task TheCallersCancellationIsNotReportedAsTheDeadline()
    {
        using var caller = new CancellationTokenSource();
        var (next, waiting) = Stalled();
        var running = Deadline(TimeSpan.FromMinutes(5), TimeProvider.System, new Lifetime())
            .ExecuteAsync(new ExecutionOptions { CancellationToken = caller.Token }, next);
        await waiting;

        caller.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ShutdownStopsAnOperationWithoutReportingTheDeadline(bool systemClock)
    {
        var lifetime = new Lifetime();
        var (next, waiting) = Stalled();
        var running = Deadline(TimeSpan.FromMinutes(5), systemClock ? TimeProvider.System : new FakeTimeProvider(), lifetime)
            .ExecuteAsync(new ExecutionOptions(), next);
        await waiting;

        lifetime.StopApplication();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task AnOperationDoneInTimeAnswersItsOwnResult()
    {
        var answer = new ExecutionResult { Executed = true, Data = "done" };

        var result = await Deadline(TimeSpan.FromMinutes(5), TimeProvider.System, new Lifetime())
            .ExecuteAsync(new ExecutionOptions(), options =>
            {
                Assert.True(options.CancellationToken.CanBeCanceled);
                return Task.FromResult(answer);
            });

        Assert.Same(answer, result);
    }
}
