using System.Collections.Concurrent;

namespace ConflictGraph.Api.Caching;

/// <summary>
/// Concurrent callers asking for the same key share one call: the first starts it, the others
/// wait for its outcome (value or error alike). Each waits with its own cancellation; the shared
/// call is cancelled only when every caller waiting for it has gone.
/// </summary>
/// <typeparam name="TKey">Compared with its default equality (a tuple of a number and a string, say, with no string built to join them).</typeparam>
public sealed class SingleFlight<TKey> where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Flight> flights = new();

    /// <param name="joined">Called when this caller joins a call already started rather than starting it; null for no one to tell.</param>
    public async Task<T> RunAsync<T>(TKey key, Func<CancellationToken, Task<T>> call, Action? joined, CancellationToken cancellationToken)
    {
        while (true)
        {
            var flight = flights.GetOrAdd(key, static _ => new Flight());
            if (!flight.TryJoin())
            {
                // Abandoned by all its callers and being cancelled: start afresh.
                flights.TryRemove(new KeyValuePair<TKey, Flight>(key, flight));
                continue;
            }
            var task = flight.Start(async token => await call(token), () => flights.TryRemove(new KeyValuePair<TKey, Flight>(key, flight)), out var started);
            if (!started) joined?.Invoke();
            try
            {
                return (T)(await task.WaitAsync(cancellationToken))!;
            }
            finally
            {
                flight.Leave();
            }
        }
    }

    /// <summary>How many calls are running now (for tests).</summary>
    public int Running => flights.Count;

    private sealed class Flight
    {
        private readonly Lock gate = new();
        private readonly CancellationTokenSource cancel = new();
        private Task<object?>? task;
        private int waiting;
        private bool abandoned;

        public bool TryJoin()
        {
            lock (gate)
            {
                if (abandoned) return false;
                waiting++;
                return true;
            }
        }

        /// <summary>
        /// The shared call, started by its first caller on its own thread and outside the lock: a
        /// miss then costs no trip through the thread pool's queue, which under load is where the
        /// time would go. The others wait for its outcome, resumed on the pool, never inline.
        /// </summary>
        public Task<object?> Start(Func<CancellationToken, Task<object?>> call, Action done, out bool started)
        {
            TaskCompletionSource<object?> outcome;
            lock (gate)
            {
                started = task is null;
                if (!started) return task!;
                outcome = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
                task = outcome.Task;
            }
            _ = RunAsync(call, done, outcome);
            return outcome.Task;
        }

        private async Task RunAsync(Func<CancellationToken, Task<object?>> call, Action done, TaskCompletionSource<object?> outcome)
        {
            object? value = null;
            Exception? failure = null;
            try
            {
                value = await call(cancel.Token);
            }
            catch (Exception e)
            {
                failure = e;
            }
            // Gone from the table before anyone sees the outcome, so a caller after it starts afresh.
            done();
            if (failure is OperationCanceledException cancelled) outcome.SetCanceled(cancelled.CancellationToken);
            else if (failure is not null) outcome.SetException(failure);
            else outcome.SetResult(value);
        }

        public void Leave()
        {
            lock (gate)
            {
                if (--waiting > 0 || task is null || task.IsCompleted) return;
                abandoned = true;
            }
            cancel.Cancel();
        }
    }
}
