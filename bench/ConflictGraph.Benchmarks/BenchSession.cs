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
        driver = new LoadDriver(client, options);
    }

    public static async Task<BenchSession> StartAsync(RepoLayout layout, string store, bool cacheReads, BenchOptions options, CancellationToken cancellationToken) =>
        new(await ApiServer.StartAsync(layout, store, cacheReads, cancellationToken), options);

    private IReadOnlyList<BenchQuery> Queries(GraphWorkspace graph, BenchMode mode) =>
        QueryCatalog.For(graph, mode).Where(q => options.Only.Count == 0 || q.Name == BenchQuery.Floor || options.Only.Any(o => q.Name.Contains(o, StringComparison.OrdinalIgnoreCase))).ToList();

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
        var query = Queries(graph, mode).FirstOrDefault(q => q.Name == BenchQuery.TwoLevel);
        if (query is null) return;
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

    private static void Print(LoadResult result) => Console.WriteLine(result.Problem is { } problem && result.Requests == 0
        ? $"  [{result.Mode}] {result.Query}: FAILED {problem}"
        : $"  [{result.Mode}{(result.Scenario is null ? "" : ", " + result.Scenario)}] {result.Query}: " +
          $"{result.RequestsPerSecond:N0} req/s, p50 {result.P50Milliseconds:F2} ms, p99 {result.P99Milliseconds:F2} ms");

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
    }
}
