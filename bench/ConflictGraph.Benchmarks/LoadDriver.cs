using System.Diagnostics;
using System.Text.Json;

namespace ConflictGraph.Benchmarks;

/// <summary>
/// Drives real HTTP load: a fixed number of workers each sending one request after another for a
/// fixed time, capped by a request budget, recording every latency; with the clients of <see cref="Http1"/> (the loop
/// client's few epoll threads, the lean client's blocking thread a connection, or .NET's socket engine) or the shared
/// HttpClient (<see cref="BenchOptions.LoadClient"/>). Probes and other one-off requests always go through the HttpClient.
/// </summary>
/// <param name="serviceCpu">The service's CPU used so far, read before and after a measured run; null: not reported.</param>
/// <param name="serviceSwitches">The service's context switches so far, read likewise; null: not reported.</param>
public sealed class LoadDriver(HttpClient client, BenchOptions options, Func<TimeSpan>? serviceCpu = null, Func<ContextSwitches>? serviceSwitches = null)
{
    // Shared by every session of the run, so the service without the cache is not asked the ids the one with it just read.
    private static long offset;

    /// <summary>Where the next run's requests start (a point of the spread walk): for one run against a service started elsewhere.</summary>
    public static void StartAt(long request) => Interlocked.Exchange(ref offset, request);

    /// <summary>
    /// Runs every query once for the warm-up time before any is measured: the JIT recompiles the
    /// code all GraphQL queries share while it is hot, and that must not land on whichever query
    /// happens to be measured first.
    /// </summary>
    public async Task WarmUpAsync(IEnumerable<BenchQuery> queries, CancellationToken cancellationToken)
    {
        foreach (var query in queries) await DriveAsync(query, options.Warmup, options.MaxRequests, cancellationToken);
    }

    /// <param name="duration">How long to measure; the options' duration when null.</param>
    public async Task<LoadResult> RunAsync(BenchQuery query, int events, BenchMode mode, CancellationToken cancellationToken, TimeSpan? duration = null)
    {
        if ((await ProbeAsync(query, cancellationToken)).Problem is { } problem)
            return new LoadResult(query.Name, events, mode, 0, 0, TimeSpan.Zero, 0, 0, problem);

        await DriveAsync(query, options.Warmup, options.MaxRequests, cancellationToken);
        var (cpuBefore, clientBefore, switchesBefore, clientSwitchesBefore) = (serviceCpu?.Invoke(), ClientCpu(), serviceSwitches?.Invoke(), ContextSwitches.OfSelf());
        var (latencies, failures, elapsed, answerBytes, stalls) = await DriveAsync(query, duration ?? options.Duration, options.MaxRequests, cancellationToken);
        var (cpuAfter, clientAfter, switchesAfter, clientSwitchesAfter) = (serviceCpu?.Invoke(), ClientCpu(), serviceSwitches?.Invoke(), ContextSwitches.OfSelf());

        latencies.Sort();
        var requests = latencies.Count;
        return new LoadResult(query.Name, events, mode, requests, failures, elapsed, Latencies.Percentile(latencies, 0.50), Latencies.Percentile(latencies, 0.99),
            failures > 0 ? $"{failures} failed responses" : null)
        {
            AnswerBytesPerRequest = requests == 0 ? null : (double)answerBytes / requests,
            // The CPU of every request served, failed ones included (they were few or the row says so).
            CpuMillisecondsPerRequest = requests + failures == 0 || cpuBefore is null || cpuAfter is null
                ? null : (cpuAfter.Value - cpuBefore.Value).TotalMilliseconds / (requests + failures),
            ClientCpuMillisecondsPerRequest = requests + failures == 0 ? null : (clientAfter - clientBefore).TotalMilliseconds / (requests + failures),
            ServiceSwitches = switchesAfter - switchesBefore,
            ClientSwitches = clientSwitchesAfter - clientSwitchesBefore,
            Stalls = options.LoadClient is LoadClientKind.Loop or LoadClientKind.Async ? stalls : null,
        };
    }

    /// <summary>
    /// The bytes the service allocates per request, under the same load as <see cref="RunAsync"/> (warm-up, then the
    /// run's duration): for an allocation probe, whose readings of <c>/floor/allocations</c> can be trusted.
    /// </summary>
    public async Task<AllocationFigure> AllocationsAsync(BenchQuery query, CancellationToken cancellationToken)
    {
        await DriveAsync(query, options.Warmup, options.MaxRequests, cancellationToken);
        var before = await AllocatedBytesAsync(cancellationToken);
        var (latencies, failures, _, _, _) = await DriveAsync(query, options.Duration, options.MaxRequests, cancellationToken);
        var after = await AllocatedBytesAsync(cancellationToken);
        // Failed requests allocated too.
        return AllocationFigure.From(before, after, latencies.Count + failures);
    }

    /// <returns>
    /// The latencies of the successful requests, the failures, the time taken, the bytes of the successful answers, and the
    /// non-blocking clients' stalls (0 for the others).
    /// </returns>
    private async Task<(List<long> Latencies, long Failures, TimeSpan Elapsed, long AnswerBytes, long Stalls)> DriveAsync(
        BenchQuery query, TimeSpan duration, int budget, CancellationToken cancellationToken)
    {
        // Each run goes on where the last one stopped, so spread variants are not asked twice for warm-up and measurement.
        // (Runs used to start 1,000,003 apart, which is 3 variants apart at 10k and at 1M events: a measured spread run
        // asked again, in the same order, exactly the ids its warm-up had just asked.)
        var round = new LoadRound(Interlocked.Read(ref offset), duration, budget, options.Concurrency, cancellationToken);
        var (server, timeout) = (client.BaseAddress!, client.Timeout);
        var threads = Math.Min(options.LoadThreads, options.Concurrency);
        Task<long> Thread(Func<long> loop) => Task.Factory.StartNew(loop, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var workers = options.LoadClient switch
        {
            LoadClientKind.Lean => Enumerable.Range(0, options.Concurrency).Select(w => Thread(() => { round.LeanWorker(w, query, server, timeout); return 0; })),
            LoadClientKind.Loop => Enumerable.Range(0, threads).Select(t => Thread(() => round.LoopWorker(t, threads, query, server, timeout))),
            LoadClientKind.Async => Enumerable.Range(0, options.Concurrency).Select(w => Task.Run(() => round.AsyncWorker(w, query, server, timeout), cancellationToken)),
            _ => Enumerable.Range(0, options.Concurrency).Select(w => Task.Run(async () => { await round.HttpClientWorkerAsync(w, query, client); return 0L; }, cancellationToken)),
        };
        var stalls = (await Task.WhenAll(workers.ToArray())).Sum();
        var elapsed = round.Elapsed;
        Interlocked.Add(ref offset, round.Issued + 1);
        return (round.Latencies(), round.Failures, elapsed, round.AnswerBytes, stalls);
    }

    /// <summary>
    /// Sends up to 64 variants, spread over all of them, outside any measurement: every one must succeed with data and no
    /// errors. On a service with the cost report on, also the mean of their reads (<see cref="CostReading.Reads"/>).
    /// </summary>
    public async Task<(string? Problem, double? StoreCalls)> ProbeAsync(BenchQuery query, CancellationToken cancellationToken)
    {
        double calls = 0;
        var counted = 0;
        var probes = Math.Min(query.Variants, 64);
        for (var p = 0; p < probes; p++)
        {
            using var request = query.Create((long)p * query.Variants / probes);
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode) return ($"HTTP {(int)response.StatusCode}: {Shorten(body)}", null);
            if (!query.IsGraphQL) continue;
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("errors", out var errors)) return ($"errors: {Shorten(errors.ToString())}", null);
            if (CostReading.Reads(document.RootElement) is not { } reads) continue;
            calls += reads;
            counted++;
        }
        return (null, counted == 0 ? null : calls / counted);
    }

    /// <summary>This process's CPU so far (utime + stime): the load client's, which shares the machine with the service.</summary>
    public static TimeSpan ClientCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private async Task<AllocationReading> AllocatedBytesAsync(CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync("/floor/allocations", cancellationToken);
        response.EnsureSuccessStatusCode();
        return AllocationReading.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
