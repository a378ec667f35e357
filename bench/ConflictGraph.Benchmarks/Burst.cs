using System.Diagnostics;

namespace ConflictGraph.Benchmarks;

/// <summary>
/// One burst of concurrent requests, all sent at once, each for a different spread id: the first
/// burst a freshly started service answers (cold: JIT, schema, store connections, an empty read
/// cache) and the same burst with other ids once it has run its load (warm).
/// </summary>
public sealed record BurstResult(int Events, BenchMode Mode, int Size, BurstTiming Cold, BurstTiming Warm);

/// <summary>How long a burst took as a whole (its req/s) and per request.</summary>
public sealed record BurstTiming(TimeSpan Elapsed, double P50Milliseconds, double P99Milliseconds, double MaxMilliseconds, int Failures)
{
    public double RequestsPerSecond(int size) => (size - Failures) / Math.Max(Elapsed.TotalSeconds, 1e-9);

    /// <summary>Sends <paramref name="size"/> variants of <paramref name="query"/> from <paramref name="first"/> on, all at once, on a client with a connection each.</summary>
    public static async Task<BurstTiming> MeasureAsync(Uri address, BenchQuery query, long first, int size, CancellationToken cancellationToken)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = size, UseCookies = false })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromMinutes(2),
        };
        var failures = 0;
        var clock = Stopwatch.StartNew();
        var requests = Enumerable.Range(0, size).Select(i => Task.Run(async () =>
        {
            using var request = query.Create(first + i);
            var started = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode || body.Contains("\"errors\"", StringComparison.Ordinal)) Interlocked.Increment(ref failures);
            return Stopwatch.GetTimestamp() - started;
        }, cancellationToken)).ToArray();
        var latencies = (await Task.WhenAll(requests)).Order().ToList();
        clock.Stop();
        return new BurstTiming(clock.Elapsed, Latencies.Percentile(latencies, 0.50), Latencies.Percentile(latencies, 0.99),
            latencies[^1] * 1000.0 / Stopwatch.Frequency, failures);
    }
}
