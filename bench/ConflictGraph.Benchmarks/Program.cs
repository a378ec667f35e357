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

// One query against a service that is already running: no build, no store, no report file.
if (options.Drive is not null) return await DriveCommand.RunAsync(options, Console.Out, Console.Error, cancel.Token);

var loadAtStart = Report.LoadAverage();
var layout = RepoLayout.Find(options.WorkDirectory);
await layout.BuildAsync(cancel.Token);
var loads = new List<LoadResult>();
var imports = new List<ImportMeasure>();
var aggregates = new List<AggregateResult>();
var exports = new List<ExportResult>();
var bursts = new List<BurstResult>();
var floors = new List<ImportMeasure>();
var histories = new List<HistoryMeasure>();
var caches = new List<StoreCacheStep>();

foreach (var size in options.Sizes)
{
    Console.WriteLine($"== {size:N0} events");
    var graph = await GraphWorkspace.PrepareAsync(layout, size, options.Seed, cancel.Token);
    if (options.History) histories.Add(await HistoryMeasure.RunAsync(layout, graph, options.Seed, options.Port, cancel.Token));
    if (options.NoQueries) continue;
    imports.Add(await ImportMeasure.RunAsync(layout, graph, options.ReuseStore, cancel.Token));
    var store = graph.StorePath(layout.WorkDirectory);
    // The same rows loaded by the sqlite3 shell: what SQLite itself needs to store them (on a reused store only when the
    // run is of the import alone, so a floor can be measured again against an import measured before)
    if ((!imports[^1].Reused || options.ImportOnly) && await SqliteFloor.RunAsync(layout, graph, store, cancel.Token) is { } floor) floors.Add(floor);
    if (options.ImportOnly) continue;
    // Aggregates in this process, on the file, before the service starts beside it
    aggregates.AddRange(AggregateBench.Run(graph, store, options));
    exports.AddRange(await ExportBench.RunAsync(layout, graph, store, options, cancel.Token));
    if (options.AggregatesOnly) continue;

    // The store as a service in use keeps it, read through the OS cache at the size's start and before each mode's rows (or as left)
    var cache = new StoreCache(size, store, options.StoreCache);
    await cache.BeginAsync(null, cancel.Token);

    // Each session's probes run first, on services of their own (store calls, allocated bytes); the measured service runs as shipped.
    // With the read cache: repeated ids, ids spread over the graph, then reads while a write lands every few seconds;
    // each service's first requests are a cold burst, its last a warm one.
    await using (var session = await BenchSession.StartAsync(layout, store, graph, cacheReads: true, [BenchMode.Repeated, BenchMode.Spread], options, cancel.Token))
    {
        var cold = await session.ColdBurstAsync(graph, BenchMode.Spread, cancel.Token);
        await cache.BeginAsync(BenchMode.Repeated, cancel.Token);
        await session.RunAsync(graph, BenchMode.Repeated, loads, cancel.Token);
        cache.End();
        await cache.BeginAsync(BenchMode.Spread, cancel.Token);
        await session.RunAsync(graph, BenchMode.Spread, loads, cancel.Token);
        cache.End();
        await session.RunUnderWritesAsync(graph, BenchMode.Repeated, loads, cancel.Token);
        await session.RunUnderWritesAsync(graph, BenchMode.Spread, loads, cancel.Token);
        await session.FinishBurstAsync(graph, BenchMode.Spread, cold, bursts, cancel.Token);
    }
    // Without it: every read goes to the store
    await using (var session = await BenchSession.StartAsync(layout, store, graph, cacheReads: false, [BenchMode.Uncached], options, cancel.Token))
    {
        var cold = await session.ColdBurstAsync(graph, BenchMode.Uncached, cancel.Token);
        await cache.BeginAsync(BenchMode.Uncached, cancel.Token);
        await session.RunAsync(graph, BenchMode.Uncached, loads, cancel.Token);
        cache.End();
        await session.RunUnderWritesAsync(graph, BenchMode.Uncached, loads, cancel.Token);
        await session.FinishBurstAsync(graph, BenchMode.Uncached, cold, bursts, cancel.Token);
    }
    caches.AddRange(cache.Steps);
}

// Print the tables and write them to BENCHMARKS.md (an import-only run, and the change log's table, write their own blocks and leave the rest)
var target = options.Out ?? Path.Combine(layout.Root, "BENCHMARKS.md");
if (options.History)
{
    var history = HistoryReport.Markdown(options, MachineInfo.Current(), histories, DateTimeOffset.UtcNow, loadAtStart);
    Console.WriteLine();
    Console.WriteLine(history);
    await HistoryReport.WriteAsync(target, history, cancel.Token);
}
if (options.NoQueries)
{
    Console.WriteLine($"written to {target}");
    return 0;
}
var report = options.ImportOnly
    ? ImportReport.Markdown(options, MachineInfo.Current(), imports, floors, DateTimeOffset.UtcNow, loadAtStart)
    : Report.Markdown(options, MachineInfo.Current(), loads, bursts, imports, floors, aggregates, exports, DateTimeOffset.UtcNow, loadAtStart, caches);
Console.WriteLine();
Console.WriteLine(report);
if (options.ImportOnly) await Report.WriteAsync(target, report, ImportReport.Start, ImportReport.End, cancel.Token);
else await Report.WriteAsync(target, report, cancel.Token);
Console.WriteLine($"written to {target}");
return loads.Any(l => l.Requests == 0) || bursts.Any(b => b.Cold.Failures + b.Warm.Failures > 0) ? 1 : 0;
