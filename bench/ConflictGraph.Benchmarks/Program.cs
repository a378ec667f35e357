using ConflictGraph.Benchmarks;

// Generates graphs, imports them with the CLI, serves each with the built API, and drives HTTP load.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine($"{e.Message}\nusage: dotnet run -c Release --project bench/ConflictGraph.Benchmarks -- {BenchOptions.Usage}");
    return 2;
}
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

var layout = RepoLayout.Find(options.WorkDirectory);
await layout.BuildAsync(cancel.Token);
var loads = new List<LoadResult>();
var imports = new List<ImportMeasure>();

foreach (var size in options.Sizes)
{
    Console.WriteLine($"== {size:N0} events");
    var graph = await GraphWorkspace.PrepareAsync(layout, size, options.Seed, cancel.Token);
    imports.Add(await ImportMeasure.RunAsync(layout, graph, options.ReuseStore, cancel.Token));

    // Start the service on the imported store
    await using var server = await ApiServer.StartAsync(layout, graph.StorePath(layout.WorkDirectory), cancel.Token);
    using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, UseCookies = false })
    {
        BaseAddress = server.Address,
        Timeout = TimeSpan.FromSeconds(30),
    };
    var driver = new LoadDriver(client, options);
    var queries = QueryCatalog.For(graph);
    await driver.WarmUpAsync(queries, cancel.Token);
    foreach (var query in queries)
    {
        var result = await driver.RunAsync(query, size, cancel.Token);
        loads.Add(result);
        Console.WriteLine(result.Problem is { } problem && result.Requests == 0
            ? $"  {query.Name}: FAILED {problem}"
            : $"  {query.Name}: {result.RequestsPerSecond:N0} req/s, p50 {result.P50Milliseconds:F2} ms, p99 {result.P99Milliseconds:F2} ms");
    }
}

// Print the table and write it to BENCHMARKS.md
var report = Report.Markdown(options, MachineInfo.Current(), loads, imports, DateTimeOffset.UtcNow);
Console.WriteLine();
Console.WriteLine(report);
var target = options.Out ?? Path.Combine(layout.Root, "BENCHMARKS.md");
await Report.WriteAsync(target, report, cancel.Token);
Console.WriteLine($"written to {target}");
return loads.Any(l => l.Requests == 0) ? 1 : 0;
