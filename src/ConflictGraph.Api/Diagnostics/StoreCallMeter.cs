using System.Diagnostics;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Api.Diagnostics;

/// <summary>
/// What one request's reads cost, for the cost report: the calls that reached the store and the time spent in them,
/// and the reads answered without one. It is the request's from <see cref="Start"/> to the end of the async method that started it, so the store
/// and the read cache, which serve every request, count into the meter of the request whose flow made the call.
/// </summary>
public sealed class StoreCallMeter
{
    private static readonly AsyncLocal<StoreCallMeter?> current = new();

    private int calls;
    private long ticks;
    private int hits;
    private int shared;
    private ServerRequests? requests;

    /// <summary>The meter of the request being run, or null outside one or with the cost report off.</summary>
    public static StoreCallMeter? Current => current.Value;

    /// <summary>Calls that reached the store, the read cache's own look-ups (data version, change log) among them.</summary>
    public int Calls => calls;

    /// <summary>Time spent in those calls; calls that ran side by side each count whole.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref ticks));

    /// <summary>
    /// Requests those calls sent to the store's server (Neo4j's Query API, counted where each goes to the HTTP client,
    /// set-up and retries included); 0 on SQLite, which sends none.
    /// </summary>
    public int StoreRequests => requests?.Count ?? 0;

    /// <summary>Reads the read cache answered from memory.</summary>
    public int CacheHits => hits;

    /// <summary>Reads that waited for the same read already on its way to the store for another caller, and took its answer.</summary>
    public int SharedCalls => shared;

    /// <summary>
    /// A new meter for the request being run: whatever it calls, however deep and on whichever thread, counts there.
    /// Called inside an async method (the cost report's), it is that method's flow's alone and goes when it returns.
    /// </summary>
    public static StoreCallMeter Start()
    {
        var meter = new StoreCallMeter();
        meter.Begin();
        return meter;
    }

    /// <summary>Runs a piece of work with this as its meter, as <see cref="Start"/> does for the rest of its caller.</summary>
    public async Task<T> MeterAsync<T>(Func<Task<T>> request)
    {
        Begin();
        return await request();
    }

    private void Begin()
    {
        current.Value = this;
        requests = ServerRequests.Start();
    }

    /// <summary>A call that reached the store.</summary>
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

    /// <summary>A read answered from memory, for the current request if its cost is reported.</summary>
    public static void CountHit()
    {
        if (current.Value is { } meter) Interlocked.Increment(ref meter.hits);
    }

    /// <summary>A read answered by another caller's call to the store, for the current request if its cost is reported.</summary>
    public static void CountShared()
    {
        if (current.Value is { } meter) Interlocked.Increment(ref meter.shared);
    }
}
