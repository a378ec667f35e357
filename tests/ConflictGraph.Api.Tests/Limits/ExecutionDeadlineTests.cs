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

    private static Task<ExecutionResult> Done(ExecutionOptions options) => Task.FromResult(new ExecutionResult { Executed = true });

    [Fact]
    public async Task OnTheSystemClockASourceNothingCancelledIsKeptAndServesTheNextOperation()
    {
        var deadline = Deadline(TimeSpan.FromMinutes(5), TimeProvider.System, new Lifetime());
        CancellationToken first = default, second = default;

        await deadline.ExecuteAsync(new ExecutionOptions(), options => { first = options.CancellationToken; return Done(options); });
        Assert.Equal(1, deadline.IdleSources);
        await deadline.ExecuteAsync(new ExecutionOptions(), options => { second = options.CancellationToken; return Done(options); });

        Assert.Equal(1, deadline.IdleSources);
        Assert.Equal(first, second);
        Assert.True(second.CanBeCanceled);
        Assert.False(second.IsCancellationRequested);
    }

    [Fact]
    public async Task ASourceTheDeadlineOrTheCallerCancelledIsNeverKept()
    {
        var deadline = Deadline(TimeSpan.FromMilliseconds(20), TimeProvider.System, new Lifetime());
        var (next, _) = Stalled();
        Assert.IsType<DeadlineError>(Assert.Single((await deadline.ExecuteAsync(new ExecutionOptions(), next)).Errors!));
        Assert.Equal(0, deadline.IdleSources);

        using var caller = new CancellationTokenSource();
        var (stalled, waiting) = Stalled();
        var running = Deadline(TimeSpan.FromMinutes(5), TimeProvider.System, new Lifetime())
            .ExecuteAsync(new ExecutionOptions { CancellationToken = caller.Token }, stalled);
        await waiting;
        caller.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        // The next operation on the deadline that stopped one starts with a token nothing has cancelled.
        await deadline.ExecuteAsync(new ExecutionOptions(), options =>
        {
            Assert.False(options.CancellationToken.IsCancellationRequested);
            return Done(options);
        });
    }

    [Fact]
    public async Task AnOperationsLeftoverRegistrationIsNotCalledWhenALaterOperationIsStopped()
    {
        var deadline = Deadline(TimeSpan.FromMilliseconds(50), TimeProvider.System, new Lifetime());
        var leftover = false;
        await deadline.ExecuteAsync(new ExecutionOptions(), options =>
        {
            // Registered and never disposed, as careless code might.
            options.CancellationToken.Register(() => leftover = true);
            return Done(options);
        });

        var (next, _) = Stalled();
        var result = await deadline.ExecuteAsync(new ExecutionOptions(), next);

        Assert.IsType<DeadlineError>(Assert.Single(result.Errors!));
        Assert.False(leftover);
    }

    [Fact]
    public async Task ACallerAlreadyCancelledStopsTheOperationAtOnceAndIsNotTheDeadline()
    {
        using var caller = new CancellationTokenSource();
        caller.Cancel();
        var deadline = Deadline(TimeSpan.FromMinutes(5), TimeProvider.System, new Lifetime());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => deadline.ExecuteAsync(
            new ExecutionOptions { CancellationToken = caller.Token }, async options =>
            {
                Assert.True(options.CancellationToken.IsCancellationRequested);
                await Task.Delay(Timeout.Infinite, options.CancellationToken);
                return new ExecutionResult();
            }));
        Assert.Equal(0, deadline.IdleSources);
    }

    [Fact]
    public async Task NoMoreSourcesAreKeptThanTheCap()
    {
        var deadline = Deadline(TimeSpan.FromMinutes(5), TimeProvider.System, new Lifetime());
        var release = new TaskCompletionSource<ExecutionResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = Enumerable.Range(0, ExecutionDeadline.MaxIdleSources + 30)
            .Select(_ => deadline.ExecuteAsync(new ExecutionOptions(), _ => release.Task)).ToList();

        release.SetResult(new ExecutionResult { Executed = true });
        await Task.WhenAll(running);

        Assert.Equal(ExecutionDeadline.MaxIdleSources, deadline.IdleSources);
    }

    [Fact]
    public async Task OnAnotherClockNoSourceIsKept()
    {
        var deadline = Deadline(TimeSpan.FromMinutes(5), new FakeTimeProvider(), new Lifetime());

        await deadline.ExecuteAsync(new ExecutionOptions(), Done);

        Assert.Equal(0, deadline.IdleSources);
    }
}
