namespace ConflictGraph.Benchmarks;

/// <summary>What a session's probes found, keyed by mode and query name.</summary>
public sealed record ProbeFigures(IReadOnlyDictionary<(BenchMode Mode, string Query), double> StoreCalls, IReadOnlyDictionary<string, AllocationFigure> Allocations)
{
    /// <summary>A measured row with the probes' figures for it: store calls in every mode, allocated bytes in the mode they were probed in.</summary>
    public LoadResult Complete(LoadResult load, BenchMode allocationMode) => load with
    {
        StoreCallsPerRequest = StoreCalls.TryGetValue((load.Mode, load.Query), out var calls) ? calls : null,
        Allocation = load.Mode == allocationMode && Allocations.TryGetValue(load.Query, out var figure) ? figure : null,
    };
}

/// <summary>
/// The figures a service running as shipped does not give, each read from a service of its own on the same store, started
/// and stopped before the measured one starts, so no measured window shares the machine with it.
/// </summary>
public static class ServiceProbes
{
    /// <summary>
    /// The mode whose rows carry the allocated bytes (the report's alloc/req column): the uncached run, beside the CPU column.
    /// A probe with the read cache on measured a mix of hits and misses that moves with the graph's size, not the request's
    /// cost: at 10k most spread reads came round within the run and were hits, at 1M hardly any did (BENCHMARKS.md,
    /// "Where the 2-level request's extra goes at 1M, session 27").
    /// </summary>
    public const BenchMode AllocationMode = BenchMode.Uncached;

    public static async Task<ProbeFigures> RunAsync(
        RepoLayout layout, string store, GraphWorkspace graph, bool cacheReads, IReadOnlyList<BenchMode> modes, BenchOptions options, CancellationToken cancellationToken)
    {
        var storeCalls = await StoreCallsAsync(layout, store, graph, cacheReads, modes, options, cancellationToken);
        var allocations = modes.Contains(AllocationMode)
            ? await AllocationsAsync(layout, store, graph, cacheReads, options, cancellationToken)
            : new Dictionary<string, AllocationFigure>();
        return new ProbeFigures(storeCalls, allocations);
    }

    /// <summary>A fresh service with the cost report on, asked each probed variant once: every read of every request is a cold one.</summary>
    private static async Task<Dictionary<(BenchMode, string), double>> StoreCallsAsync(
        RepoLayout layout, string store, GraphWorkspace graph, bool cacheReads, IReadOnlyList<BenchMode> modes, BenchOptions options, CancellationToken cancellationToken)
    {
        var figures = new Dictionary<(BenchMode, string), double>();
        await using var server = await ApiServer.StartAsync(layout, store, ServiceSetup.StoreCallProbe(cacheReads), options.Port, cancellationToken);
        using var client = server.Client(options.Concurrency);
        var driver = new LoadDriver(client, options);
        foreach (var mode in modes)
            foreach (var query in QueryCatalog.Measured(graph, mode, options))
                if ((await driver.ProbeAsync(query, cancellationToken)).StoreCalls is { } calls) figures[(mode, query.Name)] = calls;
        Console.WriteLine($"  store calls from a probe with the cost report on: {figures.Count} GraphQL queries and modes, each a mean over up to 64 variants");
        return figures;
    }

    /// <summary>
    /// A fresh service with a fixed GC heap count, loaded as the measured one will be (a warm-up round, then each query warmed
    /// up and driven for the run's duration), read before and after each query for the bytes it allocated.
    /// </summary>
    private static async Task<Dictionary<string, AllocationFigure>> AllocationsAsync(
        RepoLayout layout, string store, GraphWorkspace graph, bool cacheReads, BenchOptions options, CancellationToken cancellationToken)
    {
        var figures = new Dictionary<string, AllocationFigure>();
        await using var server = await ApiServer.StartAsync(layout, store, ServiceSetup.AllocationProbe(cacheReads), options.Port, cancellationToken);
        using var client = server.Client(options.Concurrency);
        var driver = new LoadDriver(client, options);
        var queries = QueryCatalog.Measured(graph, AllocationMode, options);
        await driver.WarmUpAsync(queries, cancellationToken);
        foreach (var query in queries)
        {
            var figure = figures[query.Name] = await driver.AllocationsAsync(query, cancellationToken);
            Console.WriteLine($"  [allocation probe, {Targets.Name(AllocationMode)}] {query.Name}: " +
                              (figure.BytesPerRequest is { } bytes ? $"{bytes:N0} bytes a request" : $"no figure: {figure.Untrusted}"));
        }
        return figures;
    }
}
