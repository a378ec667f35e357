using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ConflictGraph.Benchmarks;

/// <summary>
/// One export read whole over HTTP: rows (CSV lines after the header, GeoJSON features) per second,
/// and the service's resident memory before it, its peak while streaming, and the kernel's high-water mark after.
/// </summary>
public sealed record ExportResult(string Name, int Events, long Rows, long Bytes, double Seconds, long RssBeforeBytes, long RssPeakBytes, long HighWaterAfterBytes)
{
    public double RowsPerSecond => Rows / Math.Max(Seconds, 1e-9);
}

/// <summary>The unfiltered event exports of a served store, each read once as a client would save it.</summary>
public static class ExportBench
{
    public static async Task<IReadOnlyList<ExportResult>> RunAsync(RepoLayout layout, GraphWorkspace graph, string store, CancellationToken cancellationToken)
    {
        await using var server = await ApiServer.StartAsync(layout, store, cacheReads: false, cancellationToken);
        using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(30) };
        var results = new List<ExportResult>();
        foreach (var (name, path, rowStart) in new[] { ("export: events.csv", "/export/events.csv", "\r\n"), ("export: events.geojson", "/export/events.geojson", "{\"type\":\"Feature\"") })
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
            var clock = Stopwatch.StartNew();
            var (rows, bytes) = await ReadAsync(client, path, rowStart, cancellationToken);
            clock.Stop();
            await sampling.CancelAsync();
            await sampler;
            // CSV: CRLF-ended records after the header (the generated text has no line breaks in fields); GeoJSON: features.
            if (path.EndsWith(".csv", StringComparison.Ordinal)) rows--;
            var result = new ExportResult(name, graph.Events, rows, bytes, clock.Elapsed.TotalSeconds, before, peak, ChildProcess.PeakResidentBytes(server.ProcessId));
            results.Add(result);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name}: {rows:N0} rows, {bytes / 1e6:F1} MB in {result.Seconds:F1} s ({result.RowsPerSecond:N0} rows/s); service RSS {before / 1e6:F0} MB before, peak {peak / 1e6:F0} MB while streaming"));
        }
        return results;
    }

    /// <summary>Reads the body as it streams, counting occurrences of <paramref name="rowStart"/> without keeping the body.</summary>
    private static async Task<(long Rows, long Bytes)> ReadAsync(HttpClient client, string path, string rowStart, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var pattern = Encoding.UTF8.GetBytes(rowStart);
        var buffer = new byte[1 << 16];
        long rows = 0, bytes = 0;
        var matched = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            bytes += read;
            for (var i = 0; i < read; i++)
            {
                // Restarting at the first byte is enough: neither pattern's first byte occurs in it again.
                matched = buffer[i] == pattern[matched] ? matched + 1 : buffer[i] == pattern[0] ? 1 : 0;
                if (matched == pattern.Length) (rows, matched) = (rows + 1, 0);
            }
        }
        return (rows, bytes);
    }
}
