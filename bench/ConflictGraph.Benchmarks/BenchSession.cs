namespace ConflictGraph.Benchmarks;

/// <summary>One service over one store (read cache on or off), with the client that loads it.</summary>
public sealed class BenchSession : IAsyncDisposable
{
    private readonly ApiServer server;
    private readonly HttpClient client;
    private readonly LoadDriver driver;
    private readonly BenchOptions options;
    private readonly ProbeFigures probes;

    private BenchSession(ApiServer server, BenchOptions options, ProbeFigures probes)
    {
        this.server = server;
        this.options = options;
        this.probes = probes;
        client = server.Client(options.Concurrency);
        driver = new LoadDriver(client, options, () => server.ProcessorTime);
    }

    /// <summary>
    /// Runs the probes for <paramref name="modes"/> (store calls, allocated bytes: <see cref="ServiceProbes"/>), then starts the
    /// measured service, as shipped with the read cache on or off.
    /// </summary>
    public static async Task<BenchSession> StartAsync(
        RepoLayout layout, string store, GraphWorkspace graph, bool cacheReads, IReadOnlyList<BenchMode> modes, BenchOptions options, CancellationToken cancellationToken)
    {
        var probes = await ServiceProbes.RunAsync(layout, store, graph, cacheReads, modes, options, cancellationToken);
        var setup = ServiceSetup.Measured(cacheReads, writes: !options.NoWrites);
        return new(await ApiServer.StartAsync(layout, store, setup, options.Port, cancellationToken), options, probes);
    }

    private IReadOnlyList<BenchQuery> Queries(GraphWorkspace graph, BenchMode mode) => QueryCatalog.Measured(graph, mode, options);

    /// <summary>A warm-up round over every query (so JIT tiering lands on none), then each query measured.</summary>
    public async Task RunAsync(GraphWorkspace graph, BenchMode mode, List<LoadResult> loads, CancellationToken cancellationToken)
    {
        var queries = Queries(graph, mode);
        await driver.WarmUpAsync(queries, cancellationToken);
        foreach (var query in queries)
        {
            var result = probes.Complete(await driver.RunAsync(query, graph.Events, mode, cancellationToken), ServiceProbes.AllocationMode);
            loads.Add(result);
            Print(result);
        }
    }

    /// <summary>The 2-level query for three write intervals while a small write lands every interval.</summary>
    public async Task RunUnderWritesAsync(GraphWorkspace graph, BenchMode mode, List<LoadResult> loads, CancellationToken cancellationToken)
    {
        if (options.NoWrites || TwoLevel(graph, mode) is not { } query) return;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writes = new WriteLoad(client, graph, options.WriteEvery);
        var writing = writes.RunAsync(stop.Token);
        var result = await driver.RunAsync(query, graph.Events, mode, cancellationToken, options.WriteEvery * 3);
        await stop.CancelAsync();
        await writing;
        result = result with { Scenario = $"a write every {options.WriteEvery.TotalSeconds:F0} s ({writes.Written} written)" };
        loads.Add(result);
        Print(result);
    }

    /// <summary>
    /// The 2-level query as <see cref="BenchOptions.Burst"/> concurrent requests for different ids: call it
    /// first on a fresh service for the cold burst; <see cref="FinishBurstAsync"/> sends the warm one.
    /// </summary>
    public async Task<BurstTiming?> ColdBurstAsync(GraphWorkspace graph, BenchMode mode, CancellationToken cancellationToken) =>
        TwoLevel(graph, mode) is { } query ? await BurstTiming.MeasureAsync(server.Address, query, ColdIds, options.Burst, cancellationToken) : null;

    /// <summary>The same burst with other ids on the now warm service, reported beside the cold one.</summary>
    public async Task FinishBurstAsync(GraphWorkspace graph, BenchMode mode, BurstTiming? cold, List<BurstResult> bursts, CancellationToken cancellationToken)
    {
        if (cold is null || TwoLevel(graph, mode) is not { } query) return;
        var warm = await BurstTiming.MeasureAsync(server.Address, query, WarmIds, options.Burst, cancellationToken);
        var result = new BurstResult(graph.Events, mode, options.Burst, cold, warm);
        bursts.Add(result);
        Console.WriteLine($"  [{result.Mode}, burst of {result.Size}] cold: {cold.Elapsed.TotalMilliseconds:N0} ms, p50 {cold.P50Milliseconds:F2} ms, " +
                          $"p99 {cold.P99Milliseconds:F2} ms; warm: {warm.Elapsed.TotalMilliseconds:N0} ms, p50 {warm.P50Milliseconds:F2} ms, p99 {warm.P99Milliseconds:F2} ms");
    }

    // Different spread ids for the two bursts; the warm one may find entries the load left in the cache, as warm traffic would.
    private const long ColdIds = 7_700_011, WarmIds = 8_800_031;

    private BenchQuery? TwoLevel(GraphWorkspace graph, BenchMode mode) => Queries(graph, mode).FirstOrDefault(q => q.Name == BenchQuery.TwoLevel);

    private static void Print(LoadResult result) => Console.WriteLine(result.Problem is { } problem && result.Requests == 0
        ? $"  [{result.Mode}] {result.Query}: FAILED {problem}"
        : $"  [{result.Mode}{(result.Scenario is null ? "" : ", " + result.Scenario)}] {result.Query}: " +
          $"{result.RequestsPerSecond:N0} req/s, p50 {result.P50Milliseconds:F2} ms, p99 {result.P99Milliseconds:F2} ms, " +
          $"{result.CpuMillisecondsPerRequest:F3} ms CPU and {result.AnswerBytesPerRequest:N0} answer bytes a request, the client {result.ClientCpuMillisecondsPerRequest:F3} ms CPU");

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
    }
}
