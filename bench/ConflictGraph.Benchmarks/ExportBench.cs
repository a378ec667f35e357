using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ConflictGraph.Benchmarks;

/// <summary>
/// One export read whole over HTTP: rows (CSV lines after the header, GeoJSON features) per second,
/// the service's CPU time while streaming (steadier than wall time on a shared machine), and its
/// resident memory before it, its peak while streaming, and the kernel's high-water mark after.
/// </summary>
public sealed record ExportResult(
    string Name, int Events, long Rows, long Bytes, double Seconds, double ServiceCpuSeconds, long RssBeforeBytes, long RssPeakBytes, long HighWaterAfterBytes)
{
    public double RowsPerSecond => Rows / Math.Max(Seconds, 1e-9);

    /// <summary>Rows per second of the service's CPU (user + system): what the service would stream with a core of its own.</summary>
    public double RowsPerCpuSecond => Rows / Math.Max(ServiceCpuSeconds, 1e-9);
}

/// <summary>The unfiltered event exports of a served store, each read once as a client would save it.</summary>
public static class ExportBench
{
    public static async Task<IReadOnlyList<ExportResult>> RunAsync(RepoLayout layout, GraphWorkspace graph, string store, BenchOptions options, CancellationToken cancellationToken)
    {
        var exports = new[] { ("export: events.csv", "/export/events.csv", "\r\n"), ("export: events.geojson", "/export/events.geojson", "{\"type\":\"Feature\"") }
            .Where(e => options.Includes(e.Item1)).ToList();
        if (exports.Count == 0) return [];
        await using var server = await ApiServer.StartAsync(layout, store, ServiceSetup.Measured(cacheReads: false), options.Port, cancellationToken);
        using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(30) };
        var results = new List<ExportResult>();
        foreach (var (name, path, rowStart) in exports)
        {
            var before = ChildProcess.StatusBytes(server.ProcessId, "VmRSS:");
            var peak = before;
            using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, ChildProcess.StatusBytes(server.ProcessId, "VmRSS:"));
                    try { await Task.Delay(20, sampling.Token); } catch (OperationCanceledException) { }
                }
            }, CancellationToken.None);
            using var service = Process.GetProcessById(server.ProcessId);
            var cpuBefore = service.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var (rows, bytes) = await ReadAsync(client, path, rowStart, cancellationToken);
            clock.Stop();
            service.Refresh();
            var cpu = (service.TotalProcessorTime - cpuBefore).TotalSeconds;
            await sampling.CancelAsync();
            await sampler;
            // CSV: CRLF-ended records after the header (the generated text has no line breaks in fields); GeoJSON: features.
            if (path.EndsWith(".csv", StringComparison.Ordinal)) rows--;
            var result = new ExportResult(name, graph.Events, rows, bytes, clock.Elapsed.TotalSeconds, cpu, before, peak, ChildProcess.PeakResidentBytes(server.ProcessId));
            results.Add(result);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name}: {rows:N0} rows, {bytes / 1e6:F1} MB in {result.Seconds:F1} s ({result.RowsPerSecond:N0} rows/s; service CPU {cpu:F1} s, {result.RowsPerCpuSecond:N0} rows per CPU second); service RSS {before / 1e6:F0} MB before, peak {peak / 1e6:F0} MB while streaming"));
        }
        return results;
    }

    /// <summary>
    /// Reads the body as it streams, counting occurrences of <paramref name="rowStart"/> without keeping the body:
    /// a vectorized search per buffer, with the last bytes of each buffer carried into the next, so a pattern split
    /// between two reads is counted once (the client shares the machine's cores with the service it measures).
    /// </summary>
    private static async Task<(long Rows, long Bytes)> ReadAsync(HttpClient client, string path, string rowStart, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var pattern = Encoding.UTF8.GetBytes(rowStart);
        var buffer = new byte[(1 << 16) + pattern.Length];
        long rows = 0, bytes = 0;
        var carried = 0;
        int read;
        while ((read = await body.ReadAsync(buffer.AsMemory(carried, 1 << 16), cancellationToken)) > 0)
        {
            bytes += read;
            var filled = carried + read;
            rows += Occurrences(buffer.AsSpan(0, filled), pattern);
            // A whole pattern cannot fit in the carried bytes, so none is counted twice.
            carried = Math.Min(pattern.Length - 1, filled);
            buffer.AsSpan(filled - carried, carried).CopyTo(buffer);
        }
        return (rows, bytes);
    }

    private static int Occurrences(ReadOnlySpan<byte> text, ReadOnlySpan<byte> pattern)
    {
        var count = 0;
        for (var at = text.IndexOf(pattern); at >= 0; at = text.IndexOf(pattern))
        {
            count++;
            text = text[(at + pattern.Length)..];
        }
        return count;
    }
}
