using System.Diagnostics;

namespace ConflictGraph.Api.Loading;

/// <summary>Counts one request's store calls and the time spent in them.</summary>
public sealed class StoreCallMeter
{
    private int calls;
    private long ticks;

    public int Calls => calls;

    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref ticks));

    public async Task<T> MeasureAsync<T>(Func<Task<T>> call)
    {
        Interlocked.Increment(ref calls);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await call();
        }
        finally
        {
            Interlocked.Add(ref ticks, Stopwatch.GetElapsedTime(started).Ticks);
        }
    }
}
