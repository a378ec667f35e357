using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ConflictGraph.Benchmarks.Http1;

namespace ConflictGraph.Benchmarks;

/// <summary>Which client drives the measured load (--load-client).</summary>
public enum LoadClientKind
{
    /// <summary>The harness's own: a keep-alive HTTP/1.1 connection per worker, request bytes prepared up front, a minimal parser (<see cref="Http1"/>).</summary>
    Lean,
    /// <summary>.NET's HttpClient (SocketsHttpHandler) shared by the workers: what the harness used up to session 29.</summary>
    HttpClient,
    /// <summary>
    /// Built as wrk is: a few threads (<see cref="BenchOptions.LoadThreads"/>), each driving its share of the connections on
    /// non-blocking sockets from one epoll loop; the same request bytes and parser as <see cref="Lean"/>.
    /// </summary>
    Loop,
    /// <summary>The same non-blocking connections, each waited for by .NET's own socket engine (a zero-byte ReceiveAsync) on the thread pool.</summary>
    Async,
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

    /// <summary>
    /// Thread <paramref name="thread"/> of <paramref name="threads"/>: drives connections thread, thread + threads, ... of the
    /// round's workers from one epoll loop, as wrk's threads do. Each connection has one request in flight; when the loop
    /// wakes, every readable connection's answer is read whole (<see cref="NonBlockingConnection.Read"/>) and its next request
    /// sent before the loop waits again. Blocking: run it on a thread of its own.
    /// </summary>
    /// <returns>The stalls: answers whose bytes had not all arrived when they were first read.</returns>
    public long LoopWorker(int thread, int threads, BenchQuery query, Uri server, TimeSpan timeout)
    {
        var template = new RequestTemplate(query, server);
        var endpoint = Endpoint(server);
        var mine = Enumerable.Range(0, workers).Where(w => w % threads == thread).ToArray();
        var connections = mine.Select(_ => new NonBlockingConnection(endpoint, timeout)).ToArray();
        var started = new long[mine.Length];
        var request = new byte[4096];
        using var epoll = new Epoll();
        try
        {
            // Sends connection c's next request, opening (and registering) it first when it is closed; false once the round is over.
            bool SendNext(int c)
            {
                if (!Next(out var index))
                {
                    connections[c].Close();
                    return false;
                }
                started[c] = Stopwatch.GetTimestamp();
                var length = template.Write(index, ref request);
                if (connections[c].Open()) epoll.Add(connections[c].Socket!, c);
                connections[c].Send(request.AsSpan(0, length));
                return true;
            }

            var active = 0;
            for (var c = 0; c < connections.Length; c++)
                if (SendNext(c)) active++;
            var events = new Epoll.Event[Math.Max(1, connections.Length)];
            var wait = (int)Math.Clamp(timeout.TotalMilliseconds / 4, 1, 1000);
            var timeoutTicks = (long)(timeout.TotalSeconds * Stopwatch.Frequency);
            while (active > 0)
            {
                var ready = epoll.Wait(events, wait);
                for (var e = 0; e < ready; e++)
                {
                    var c = (int)events[e].Data;
                    var answer = connections[c].Read();
                    Answered(mine[c], started[c], answer.IsSuccess, answer.BodyBytes);
                    if (!SendNext(c)) active--;
                }
                if (ready > 0) continue;
                // Nothing readable for a quarter of the timeout: a request that has waited past it fails the round, as the blocking
                // client's would. (While others keep answering, a silent connection is found once they stop, at the round's end.)
                var now = Stopwatch.GetTimestamp();
                for (var c = 0; c < connections.Length; c++)
                    if (connections[c].Socket is not null && now - started[c] > timeoutTicks) throw NonBlockingConnection.TimedOut(endpoint, timeout);
            }
            return connections.Sum(c => c.Stalls);
        }
        finally
        {
            foreach (var connection in connections) connection.Dispose();
        }
    }

    /// <summary>
    /// Worker <paramref name="worker"/>'s loop over one non-blocking connection, each answer waited for by .NET's socket engine
    /// (a zero-byte receive completes when the socket is readable) and read whole as <see cref="LoopWorker"/> reads it.
    /// </summary>
    /// <returns>The stalls, as <see cref="LoopWorker"/>'s.</returns>
    public async Task<long> AsyncWorker(int worker, BenchQuery query, Uri server, TimeSpan timeout)
    {
        var template = new RequestTemplate(query, server);
        using var connection = new NonBlockingConnection(Endpoint(server), timeout);
        var deadline = new CancellationTokenSource();
        var request = new byte[4096];
        try
        {
            while (Next(out var index))
            {
                var started = Stopwatch.GetTimestamp();
                var length = template.Write(index, ref request);
                connection.Open();
                connection.Send(request.AsSpan(0, length));
                deadline.CancelAfter(timeout);
                try
                {
                    await connection.Socket!.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None, deadline.Token);
                }
                catch (OperationCanceledException) when (deadline.IsCancellationRequested)
                {
                    throw NonBlockingConnection.TimedOut(Endpoint(server), timeout);
                }
                // The timer fired after the socket became readable: the next request needs a fresh one.
                if (!deadline.TryReset())
                {
                    deadline.Dispose();
                    deadline = new CancellationTokenSource();
                }
                var answer = connection.Read();
                Answered(worker, started, answer.IsSuccess, answer.BodyBytes);
            }
        }
        finally
        {
            deadline.Dispose();
        }
        return connection.Stalls;
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
