namespace ConflictGraph.Benchmarks;

/// <summary>One query's measurements at one graph size in one mode.</summary>
public sealed record LoadResult(
    string Query, int Events, BenchMode Mode, long Requests, long Failures, TimeSpan Elapsed,
    double P50Milliseconds, double P99Milliseconds, string? Problem)
{
    /// <summary>
    /// The reads one cold request of a variant asks (store calls, cache hits, shared calls), from a store-call probe: a
    /// service of its own with the cost report on, asked once per variant before this one started.
    /// </summary>
    public double? StoreCallsPerRequest { get; init; }

    /// <summary>The bytes allocated per request (or why no figure is trusted), from an allocation probe under the same load.</summary>
    public AllocationFigure? Allocation { get; init; }

    public double RequestsPerSecond => Requests / Math.Max(Elapsed.TotalSeconds, 1e-9);

    /// <summary>
    /// The mean size of an answer's body in the measured run: spread variants can ask for more at one size of graph
    /// than at another (a country's month holds ten times the events at 1M), so a p50 is read beside it.
    /// </summary>
    public double? AnswerBytesPerRequest { get; init; }

    /// <summary>The service's CPU (utime + stime) per request over the measured run, in ms: unlike the p50, it barely moves with the load.</summary>
    public double? CpuMillisecondsPerRequest { get; init; }

    /// <summary>
    /// The load client's own CPU (this process's utime + stime) per request over the measured run, in ms: it shares the
    /// machine's cores with the service, so what it takes the service cannot have.
    /// </summary>
    public double? ClientCpuMillisecondsPerRequest { get; init; }

    /// <summary>The service's context switches over the measured run (when its driver was given a way to read them).</summary>
    public ContextSwitches? ServiceSwitches { get; init; }

    /// <summary>The load client's own (this process's) context switches over the measured run.</summary>
    public ContextSwitches? ClientSwitches { get; init; }

    /// <summary>
    /// With a non-blocking client (loop, async): the answers whose bytes had not all arrived when they were first read, so
    /// that connection's thread waited for them on that socket alone; null for the blocking clients.
    /// </summary>
    public long? Stalls { get; init; }

    /// <summary>A scenario beside the query (e.g. "a write every 5 s"), or null.</summary>
    public string? Scenario { get; init; }
}
