using System.Diagnostics;
using System.Net;
using ConflictGraph.Benchmarks.Http1;

namespace ConflictGraph.Benchmarks;

/// <summary>Which client drives the measured load (--load-client).</summary>
public enum LoadClientKind
{
    /// <summary>The harness's own: a keep-alive HTTP/1.1 connection per worker, request bytes prepared up front, a minimal parser (<see cref="Http1"/>).</summary>
    Lean,
    /// <summary>.NET's HttpClient (SocketsHttpHandler) shared by the workers: what the harness used up to session 29.</summary>
    HttpClient,
}

/// <summary>
/// One timed round of load: hands out request numbers until the time or the budget is spent, and collects each
/// worker's latencies (successful answers only), the failures (non-2xx answers) and the answer bytes.
/// </summary>
internal sealed class LoadRound(long first, TimeSpan duration, int budget, int workers, CancellationToken cancellationToken)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<long>[] latencies = Enumerable.Range(0, workers).Select(_ => new List<long>(4096)).ToArray();
    private long issued, failures, answerBytes;

    public CancellationToken Token => cancellationToken;
    public long Failures => Interlocked.Read(ref failures);
    public long AnswerBytes => Interlocked.Read(ref answerBytes);
    public TimeSpan Elapsed => clock.Elapsed;
    /// <summary>Requests handed out (no more than the budget).</summary>
    public long Issued => Math.Min(Interlocked.Read(ref issued), budget);

    /// <summary>The next request's number, or false once the round is over.</summary>
    public bool Next(out long index)
    {
        index = 0;
        if (clock.Elapsed >= duration || cancellationToken.IsCancellationRequested) return false;
        var n = Interlocked.Increment(ref issued);
        index = first + n;
        return n <= budget;
    }

    /// <summary>Records one answer of worker <paramref name="worker"/>, sent at <paramref name="started"/> (a Stopwatch timestamp).</summary>
    public void Answered(int worker, long started, bool success, long bytes)
    {
        if (!success)
        {
            Interlocked.Increment(ref failures);
            return;
        }
        latencies[worker].Add(Stopwatch.GetTimestamp() - started);
        Interlocked.Add(ref answerBytes, bytes);
    }

    public List<long> Latencies() => latencies.SelectMany(l => l).ToList();

    /// <summary>Worker <paramref name="worker"/>'s loop over one keep-alive connection of the lean client, blocking: run it on a thread of its own.</summary>
    public void LeanWorker(int worker, BenchQuery query, Uri server, TimeSpan timeout)
    {
        var template = new RequestTemplate(query, server);
        using var connection = new KeepAliveConnection(Endpoint(server), timeout);
        var request = new byte[4096];
        while (Next(out var index))
        {
            var started = Stopwatch.GetTimestamp();
            var length = template.Write(index, ref request);
            var answer = connection.Exchange(request.AsSpan(0, length));
            Answered(worker, started, answer.IsSuccess, answer.BodyBytes);
        }
    }

    private static EndPoint Endpoint(Uri server) =>
        IPAddress.TryParse(server.Host, out var address) ? new IPEndPoint(address, server.Port) : new DnsEndPoint(server.Host, server.Port);

    /// <summary>Worker <paramref name="worker"/>'s loop over the shared HttpClient.</summary>
    public async Task HttpClientWorkerAsync(int worker, BenchQuery query, HttpClient client)
    {
        var buffer = new byte[16 * 1024];
        while (Next(out var index))
        {
            var started = Stopwatch.GetTimestamp();
            using var request = query.Create(index);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            long length = 0;
            for (int read; (read = await body.ReadAsync(buffer, cancellationToken)) > 0;) length += read;
            Answered(worker, started, response.IsSuccessStatusCode, length);
        }
    }
}
