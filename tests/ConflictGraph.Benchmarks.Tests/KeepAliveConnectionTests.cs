using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ConflictGraph.Benchmarks.Http1;

namespace ConflictGraph.Benchmarks.Tests;

/// <summary>The lean client's connection and request bytes, against loopback servers that misbehave on purpose.</summary>
public sealed class KeepAliveConnectionTests
{
    [Fact]
    public async Task AServerThatNeverAnswersTimesOutInsteadOfHanging()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = listener.AcceptSocketAsync();
        using var connection = new KeepAliveConnection(listener.LocalEndpoint, TimeSpan.FromMilliseconds(300));

        var exchange = Task.Run(() => connection.Exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8));
        var finished = await Task.WhenAny(exchange, Task.Delay(TimeSpan.FromSeconds(20)));

        Assert.Same(exchange, finished);
        Assert.StartsWith("no answer from 127.0.0.1:", (await Assert.ThrowsAsync<TimeoutException>(() => exchange)).Message);
        (await accepted).Dispose();
    }

    [Fact]
    public async Task AnAnswerThatClosesTheConnectionIsFollowedByANewOne()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var requests = new List<string>();
        var serving = Task.Run(async () =>
        {
            for (var i = 0; i < 2; i++)
            {
                using var socket = await listener.AcceptSocketAsync();
                var buffer = new byte[4096];
                var read = await socket.ReceiveAsync(buffer);
                requests.Add(Encoding.ASCII.GetString(buffer, 0, read));
                await socket.SendAsync("HTTP/1.1 503 Busy\r\nConnection: close\r\nContent-Length: 4\r\n\r\nbusy"u8.ToArray());
                socket.Shutdown(SocketShutdown.Both);
            }
        });
        using var connection = new KeepAliveConnection(listener.LocalEndpoint, TimeSpan.FromSeconds(20));

        var first = connection.Exchange("GET /a HTTP/1.1\r\nHost: x\r\n\r\n"u8);
        var second = connection.Exchange("GET /b HTTP/1.1\r\nHost: x\r\n\r\n"u8);
        await serving;

        Assert.Equal([new Answer(503, 4, false), new Answer(503, 4, false)], new[] { first, second });
        Assert.Equal(["GET /a", "GET /b"], requests.Select(r => r[..6]));
    }

    /// <summary>The lean client sends the body the HttpClient sent (the same JSON, byte for byte) with its true length.</summary>
    [Fact]
    public void ARequestsBytesAreTheHttpClientsBodyWithItsLength()
    {
        const string document = "query EventFacts($id: ID!) { node(id: $id) { id\n ... on Event { title } } }";
        var query = BenchQuery.GraphQL("q", document, 1_000, i => new { id = $"event:e{i:D7}", after = (string?)null, first = 20 });
        var template = new RequestTemplate(query, new Uri("http://127.0.0.1:5300"));
        var buffer = new byte[16];

        // 16 bytes are short: the buffer is grown
        var length = template.Write(2_042, ref buffer);
        var text = Encoding.UTF8.GetString(buffer, 0, length);

        var body = JsonSerializer.SerializeToUtf8Bytes(new { query = document, variables = new { id = "event:e0000042", after = (string?)null, first = 20 } });
        Assert.Equal(body, query.Body(42));
        Assert.Equal("POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:5300\r\nContent-Type: application/json\r\n" +
                     $"Accept: application/graphql-response+json, application/json\r\nContent-Length: {body.Length}\r\n\r\n{Encoding.UTF8.GetString(body)}", text);
    }

    [Fact]
    public void AGetsPathIsItsVariants()
    {
        var template = new RequestTemplate(BenchQuery.Get("floor", 10, i => $"/floor/nodes/event%3Ae{i}"), new Uri("http://127.0.0.1:5300"));
        var buffer = new byte[4096];

        Assert.Equal("GET /floor/nodes/event%3Ae3 HTTP/1.1\r\nHost: 127.0.0.1:5300\r\n\r\n", Encoding.ASCII.GetString(buffer, 0, template.Write(13, ref buffer)));
    }
}
