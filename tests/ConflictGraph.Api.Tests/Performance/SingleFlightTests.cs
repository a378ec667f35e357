using ConflictGraph.Api.Caching;

namespace ConflictGraph.Api.Tests.Performance;

/// <summary>
/// <see cref="SingleFlight{TKey}"/> on its own: callers of one key share the call running for it, each waits with its own
/// cancellation, the call is cancelled only when all have gone, an error reaches every waiter and is not kept, a call
/// that completes at once leaves nothing behind, and a key asked with another result type is never answered with the
/// running call's.
/// </summary>
public sealed class SingleFlightTests
{
    private static CancellationToken None => CancellationToken.None;

    /// <summary>A call that runs until the test lets it finish, counting how often it was started and seeing its token.</summary>
    private sealed class Gate<T>
    {
        private readonly TaskCompletionSource<T> outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<CancellationToken> started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int calls;

        public int Calls => Volatile.Read(ref calls);

        /// <summary>The token the first call was given, once it has started.</summary>
        public Task<CancellationToken> Started => started.Task;

        public static ValueTask<T> Call(Gate<T> gate, CancellationToken token)
        {
            Interlocked.Increment(ref gate.calls);
            gate.started.TrySetResult(token);
            return new ValueTask<T>(gate.outcome.Task.WaitAsync(token));
        }

        public void Answer(T value) => outcome.SetResult(value);

        public void Fail(Exception error) => outcome.SetException(error);
    }

    private static ValueTask<string> At(string value, CancellationToken _) => ValueTask.FromResult(value);

    [Fact]
    public async Task CallersOfOneKeyShareTheRunningCallAndAllButItsStarterAreToldTheyJoined()
    {
        var flights = new SingleFlight<string>();
        var gate = new Gate<string>();
        var joined = 0;
        var first = flights.RunAsync("k", gate, Gate<string>.Call, () => Interlocked.Increment(ref joined), None).AsTask();
        await gate.Started;
        var others = Enumerable.Range(0, 9)
            .Select(_ => Task.Run(() => flights.RunAsync("k", gate, Gate<string>.Call, () => Interlocked.Increment(ref joined), None).AsTask()))
            .ToList();
        while (Volatile.Read(ref joined) < 9) await Task.Yield();
        Assert.Equal(1, flights.Running);
        gate.Answer("shared");

        Assert.Equal("shared", await first);
        Assert.All(await Task.WhenAll(others), answer => Assert.Equal("shared", answer));
        Assert.Equal(1, gate.Calls);
        Assert.Equal(9, joined);
        Assert.Equal(0, flights.Running);
    }

    [Fact]
    public async Task ACallThatCompletesAtOnceLeavesNothingBehindAndIsNotKept()
    {
        var flights = new SingleFlight<string>();
        var calls = 0;
        for (var i = 0; i < 3; i++)
        {
            var answer = await flights.RunAsync("k", i, (n, _) =>
            {
                calls++;
                return ValueTask.FromResult($"answer {n}");
            }, () => Assert.Fail("nobody else was running"), None);
            Assert.Equal($"answer {i}", answer);
            Assert.Equal(0, flights.Running);
        }
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task OneWaiterGivingUpLeavesTheCallRunningForTheOthers()
    {
        var flights = new SingleFlight<string>();
        var gate = new Gate<string>();
        using var impatient = new CancellationTokenSource();
        var leaving = flights.RunAsync("k", gate, Gate<string>.Call, null, impatient.Token).AsTask();
        var token = await gate.Started;
        var staying = flights.RunAsync("k", gate, Gate<string>.Call, null, None).AsTask();

        impatient.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        Assert.False(token.IsCancellationRequested);
        gate.Answer("still wanted");
        Assert.Equal("still wanted", await staying);
        Assert.Equal(1, gate.Calls);
    }

    [Fact]
    public async Task AJoinerGivingUpLeavesTheCallRunningForItsStarter()
    {
        var flights = new SingleFlight<string>();
        var gate = new Gate<string>();
        var starting = flights.RunAsync("k", gate, Gate<string>.Call, null, None).AsTask();
        var token = await gate.Started;
        using var impatient = new CancellationTokenSource();
        var leaving = flights.RunAsync("k", gate, Gate<string>.Call, null, impatient.Token).AsTask();

        impatient.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        Assert.False(token.IsCancellationRequested);
        gate.Answer("kept going");
        Assert.Equal("kept going", await starting);
        Assert.Equal(1, gate.Calls);
    }

    [Fact]
    public async Task WhenEveryWaiterHasGoneTheCallIsCancelledAndTheNextCallerStartsAfresh()
    {
        var flights = new SingleFlight<string>();
        var gate = new Gate<string>();
        using var first = new CancellationTokenSource();
        using var second = new CancellationTokenSource();
        var a = flights.RunAsync("k", gate, Gate<string>.Call, null, first.Token).AsTask();
        var token = await gate.Started;
        var b = flights.RunAsync("k", gate, Gate<string>.Call, null, second.Token).AsTask();

        first.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a);
        Assert.False(token.IsCancellationRequested);
        second.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => b);
        Assert.True(token.IsCancellationRequested);

        Assert.Equal("fresh", await flights.RunAsync("k", "fresh", At, null, None));
        Assert.Equal(0, flights.Running);
    }

    [Fact]
    public async Task AnErrorReachesEveryWaiterAndTheNextCallerCallsAgain()
    {
        var flights = new SingleFlight<string>();
        var gate = new Gate<string>();
        var waiters = new List<Task<string>> { flights.RunAsync("k", gate, Gate<string>.Call, null, None).AsTask() };
        await gate.Started;
        waiters.AddRange(Enumerable.Range(0, 4).Select(_ => flights.RunAsync("k", gate, Gate<string>.Call, null, None).AsTask()));
        gate.Fail(new InvalidOperationException("the store is down"));

        foreach (var waiter in waiters)
            Assert.Equal("the store is down", (await Assert.ThrowsAsync<InvalidOperationException>(() => waiter)).Message);
        Assert.Equal(1, gate.Calls);
        Assert.Equal("back", await flights.RunAsync("k", "back", At, null, None));
    }

    [Fact]
    public async Task ACallThatThrowsBeforeItReturnsATaskFailsItsCallerAndLeavesNothingBehind()
    {
        var flights = new SingleFlight<string>();
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            flights.RunAsync<int, string>("k", 0, (_, _) => throw new ArgumentException("bad read"), null, None).AsTask());
        Assert.Equal("bad read", error.Message);
        Assert.Equal(0, flights.Running);
        Assert.Equal("next", await flights.RunAsync("k", "next", At, null, None));
    }

    [Fact]
    public async Task AKeyAskedWithAnotherResultTypeIsCalledApartNotAnsweredWithTheRunningCall()
    {
        var flights = new SingleFlight<string>();
        var gate = new Gate<string>();
        var text = flights.RunAsync("k", gate, Gate<string>.Call, null, None).AsTask();
        await gate.Started;

        var number = await flights.RunAsync("k", 42, (n, _) => ValueTask.FromResult(n), () => Assert.Fail("not shared across types"), None);
        Assert.Equal(42, number);
        gate.Answer("text");
        Assert.Equal("text", await text);
        Assert.Equal(1, gate.Calls);
    }

    [Fact]
    public async Task CallsOfDifferentKeysRunApart()
    {
        var flights = new SingleFlight<(long, string)>();
        var one = new Gate<string>();
        var two = new Gate<string>();
        var a = flights.RunAsync((0, "k"), one, Gate<string>.Call, null, None).AsTask();
        // The same text after a write is another key: it never joins the call that started before.
        var b = flights.RunAsync((1, "k"), two, Gate<string>.Call, null, None).AsTask();
        await one.Started;
        await two.Started;
        Assert.Equal(2, flights.Running);
        two.Answer("after");
        one.Answer("before");
        Assert.Equal(("before", "after"), (await a, await b));
    }
}
