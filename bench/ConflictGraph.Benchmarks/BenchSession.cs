namespace ConflictGraph.Benchmarks;

/// <summary>One service over one store (read cache on or off), with the client that loads it.</summary>
public sealed class BenchSession : IAsyncDisposable
{
    private readonly ApiServer server;
    private readonly HttpClient client;
    private readonly LoadDriver driver;
    private readonly BenchOptions options;

    private BenchSession(ApiServer server, BenchOptions options)
    {
        this.server = server;
        this.options = options;
        client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency + 1, UseCookies = false })
        {
            BaseAddress = server.Address,
            Timeout = TimeSpan.FromSeconds(60),
        };
        driver = new LoadDriver(client, options, () => server.ProcessorTime);
    }

    public static async Task<BenchSession> StartAsync(RepoLayout layout, string store, bool cacheReads, BenchOptions options, CancellationToken cancellationToken) =>
        new(await ApiServer.StartAsync(layout, store, cacheReads, options.Port, cancellationToken), options);

    private IReadOnlyList<BenchQuery> Queries(GraphWorkspace graph, BenchMode mode) =>
        QueryCatalog.For(graph, mode).Where(q => q.Name == BenchQuery.Floor || options.Includes(q.Name)).ToList();

    /// <summary>A warm-up round over every query (so JIT tiering lands on none), then each query measured.</summary>
    public async Task RunAsync(GraphWorkspace graph, BenchMode mode, List<LoadResult> loads, CancellationToken cancellationToken)
    {
        var queries = Queries(graph, mode);
        await driver.WarmUpAsync(queries, cancellationToken);
        foreach (var query in queries)
        {
            var result = await driver.RunAsync(query, graph.Events, mode, cancellationToken);
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
          $"{result.CpuMillisecondsPerRequest:F3} ms CPU and {result.AnswerBytesPerRequest:N0} answer bytes a request");

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
    }
}
