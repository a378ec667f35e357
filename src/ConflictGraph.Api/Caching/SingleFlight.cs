using System.Collections.Concurrent;

namespace ConflictGraph.Api.Caching;

/// <summary>
/// Concurrent callers asking for the same key share one call: the first starts it, the others
/// wait for its outcome (value or error alike). Each waits with its own cancellation; the shared
/// call is cancelled only when every caller waiting for it has gone.
/// </summary>
/// <remarks>
/// Built for the miss that nobody else asks for at the same time, the common one when reads spread over a large
/// graph: the first caller runs the call on its own thread with the state it was given (no closure), and a call
/// that completes at once costs one flight object and its place in the table, nothing else. Only a caller that
/// joins a running call makes the flight allocate what sharing needs (the outcome the joiners wait for).
/// </remarks>
/// <typeparam name="TKey">Compared with its default equality (a tuple of a number and a string, say, with no string built to join them).</typeparam>
public sealed class SingleFlight<TKey> where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Flight> flights = new();

    /// <param name="state">Handed to <paramref name="call"/>, so the call can be a static lambda.</param>
    /// <param name="joined">Called when this caller joins a call already started rather than starting it; null for no one to tell.</param>
    /// <remarks>
    /// Callers of one key are expected to ask for one result type (the read cache's keys begin with the read's name);
    /// a caller asking a key for another type than the running call's is not shared with it but calls on its own.
    /// </remarks>
    public async ValueTask<T> RunAsync<TState, T>(
        TKey key, TState state, Func<TState, CancellationToken, ValueTask<T>> call, Action? joined, CancellationToken cancellationToken)
    {
        while (true)
        {
            var found = flights.GetOrAdd(key, static _ => new Flight<T>());
            if (found is not Flight<T> flight) return await call(state, cancellationToken);
            switch (flight.Join(out var outcome))
            {
                case Turn.Gone:
                    // Abandoned by all its callers and being cancelled, or finished: start afresh.
                    flights.TryRemove(new KeyValuePair<TKey, Flight>(key, found));
                    continue;
                case Turn.Wait:
                    joined?.Invoke();
                    try
                    {
                        return await outcome!.WaitAsync(cancellationToken);
                    }
                    finally
                    {
                        flight.Leave();
                    }
            }
            // This caller starts the call, on its own thread and outside any lock: a miss then costs no trip through
            // the thread pool's queue, which under load is where the time would go.
            ValueTask<T> pending;
            try
            {
                pending = call(state, flight.Token);
            }
            catch (Exception e)
            {
                pending = ValueTask.FromException<T>(e);
            }
            if (pending.IsCompletedSuccessfully)
            {
                var value = pending.Result;
                Finish(key, flight)?.SetResult(value);
                return value;
            }
            var task = pending.AsTask();
            if (task.IsCompleted) Finish(key, flight)?.SetFromTask(task);
            else _ = FinishWhenDoneAsync(key, flight, task);
            try
            {
                return await task.WaitAsync(cancellationToken);
            }
            finally
            {
                flight.Leave();
            }
        }
    }

    private async Task FinishWhenDoneAsync<T>(TKey key, Flight<T> flight, Task<T> task)
    {
        try
        {
            await task;
        }
        catch
        {
            // Its callers see the error through the task itself.
        }
        Finish(key, flight)?.SetFromTask(task);
    }

    /// <summary>
    /// Takes a flight whose call has ended out of the table and gives back what those who joined it wait on, for the
    /// caller to hand the outcome to: the flight is gone from the table before anyone sees the outcome, so a caller
    /// after it starts afresh.
    /// </summary>
    private TaskCompletionSource<T>? Finish<T>(TKey key, Flight<T> flight)
    {
        var waiting = flight.Finish();
        flights.TryRemove(new KeyValuePair<TKey, Flight>(key, flight));
        return waiting;
    }

    /// <summary>How many calls are running now (for tests).</summary>
    public int Running => flights.Count;

    private enum Turn
    {
        Start,
        Wait,
        Gone,
    }

    /// <summary>
    /// A shared call, typed by its result. It is itself the source of the call's cancellation (one object a
    /// flight rather than two) and its own lock: it is private to this class, so nothing else locks on it.
    /// </summary>
    private abstract class Flight : CancellationTokenSource;

    private sealed class Flight<T> : Flight
    {
        private TaskCompletionSource<T>? joiners;
        private int waiting;
        private bool started;
        private bool finished;
        private bool abandoned;

        /// <summary>
        /// Start: the caller runs the call. Wait: the call runs already; <paramref name="outcome"/> is its outcome,
        /// set on the thread pool, never inline on the caller that ran it. Gone: start afresh.
        /// </summary>
        public Turn Join(out Task<T>? outcome)
        {
            outcome = null;
            lock (this)
            {
                if (finished || abandoned) return Turn.Gone;
                waiting++;
                if (!started)
                {
                    started = true;
                    return Turn.Start;
                }
                joiners ??= new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
                outcome = joiners.Task;
                return Turn.Wait;
            }
        }

        /// <summary>The call has ended: no one joins any more; those who did wait for what this returns.</summary>
        public TaskCompletionSource<T>? Finish()
        {
            lock (this)
            {
                finished = true;
                return joiners;
            }
        }

        /// <summary>A caller stops waiting (answered or cancelled): the last to go from an unfinished call cancels it.</summary>
        public void Leave()
        {
            lock (this)
            {
                if (--waiting > 0 || finished || abandoned) return;
                abandoned = true;
            }
            Cancel();
        }
    }
}
