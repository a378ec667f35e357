using System.Net;
using System.Net.Sockets;
using System.Text;
using ConflictGraph.Benchmarks.Http1;

namespace ConflictGraph.Benchmarks.Tests;

/// <summary>The non-blocking clients' connection and the loop's timeout, against loopback servers that misbehave on purpose.</summary>
public sealed class NonBlockingConnectionTests
{
    /// <summary>An answer written in three parts is read whole, each missing part waited for and counted as a stall.</summary>
    [Fact]
    public async Task AnAnswerWrittenInPartsIsReadWholeAndCountedAsStalls()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var serving = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            await socket.ReceiveAsync(new byte[4096]);
            foreach (var part in new[] { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel", "lo\r\n3\r\nabc\r\n", "0\r\n\r\n" })
            {
                await socket.SendAsync(Encoding.ASCII.GetBytes(part));
                await Task.Delay(200);
            }
        });
        using var connection = new NonBlockingConnection(listener.LocalEndpoint, TimeSpan.FromSeconds(20));

        Assert.True(connection.Open());
        connection.Send("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8);
        Assert.True(connection.Socket!.Poll(TimeSpan.FromSeconds(20), SelectMode.SelectRead));
        var answer = connection.Read();
        await serving;

        Assert.Equal(new Answer(200, 8, true), answer);
        Assert.Equal(2, connection.Stalls);
        Assert.False(connection.Open());
    }

    /// <summary>A server that sends part of an answer and then nothing: the wait for the rest ends at the timeout.</summary>
    [Fact]
    public async Task AnAnswerThatStopsHalfwayTimesOut()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = Task.Run(async () =>
        {
            var socket = await listener.AcceptSocketAsync();
            await socket.ReceiveAsync(new byte[4096]);
            await socket.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"u8.ToArray());
            return socket;
        });
        using var connection = new NonBlockingConnection(listener.LocalEndpoint, TimeSpan.FromMilliseconds(300));
        connection.Open();
        connection.Send("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8);
        Assert.True(connection.Socket!.Poll(TimeSpan.FromSeconds(20), SelectMode.SelectRead));

        var read = Task.Run(() => connection.Read());
        Assert.Same(read, await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(20))));
        Assert.StartsWith("no answer from 127.0.0.1:", (await Assert.ThrowsAsync<TimeoutException>(() => read)).Message);
        Assert.Null(connection.Socket);
        (await accepted).Dispose();
    }

    /// <summary>
    /// The loop and async clients against a server that answers the harness's probe and then never answers a request: the
    /// round fails with the timeout instead of hanging.
    /// </summary>
    [Theory]
    [InlineData(LoadClientKind.Loop)]
    [InlineData(LoadClientKind.Async)]
    public async Task ARoundWhoseServerStopsAnsweringTimesOut(LoadClientKind kind)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var sockets = new List<Socket>();
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(async () =>
        {
            // The first connection is the probe's: its one request is answered. The load's connections are accepted and left unanswered.
            var probe = await listener.AcceptSocketAsync(stop.Token);
            sockets.Add(probe);
            await probe.ReceiveAsync(new byte[4096]);
            await probe.SendAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"u8.ToArray());
            while (!stop.IsCancellationRequested) sockets.Add(await listener.AcceptSocketAsync(stop.Token));
        });
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMilliseconds(500) };
        var options = new BenchOptions { Concurrency = 3, LoadThreads = 2, Warmup = TimeSpan.Zero, Duration = TimeSpan.FromMinutes(1), LoadClient = kind };

        var run = new LoadDriver(client, options).RunAsync(BenchQuery.Get("x", 1, _ => "/x"), 1, BenchMode.Repeated, CancellationToken.None);
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30)));
        await stop.CancelAsync();
        try
        {
            await serving;
        }
        catch (OperationCanceledException)
        {
        }
        foreach (var socket in sockets) socket.Dispose();

        Assert.Same(run, finished);
        Assert.StartsWith("no answer from 127.0.0.1:", (await Assert.ThrowsAsync<TimeoutException>(() => run)).Message);
    }
}
