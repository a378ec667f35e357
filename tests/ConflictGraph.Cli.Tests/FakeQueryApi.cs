using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace ConflictGraph.Cli.Tests;

/// <summary>
/// A stand-in for Neo4j's Query API on a loopback port: answers each statement with what
/// <see cref="Answer"/> gives for it, and records what it was sent.
/// </summary>
public sealed class FakeQueryApi : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task serving;

    public FakeQueryApi(Func<string, string> answer)
    {
        Answer = answer;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Uri = $"http://127.0.0.1:{port}/";
        listener.Prefixes.Add(Uri);
        listener.Start();
        serving = ServeAsync();
    }

    public string Uri { get; }

    public Func<string, string> Answer { get; }

    public List<(string Path, string? Statement)> Requests { get; } = [];

    public static string Rows(string[] fields, params string[] rows) =>
        $$"""{"data":{"fields":[{{string.Join(",", fields.Select(f => $"\"{f}\""))}}],"values":[{{string.Join(",", rows)}}]},"bookmarks":[]}""";

    public static string Text(string value) => $$"""{"$type":"String","_value":{{System.Text.Json.JsonSerializer.Serialize(value)}}}""";

    public static string Integer(long value) => $$"""{"$type":"Integer","_value":"{{value}}"}""";

    public static string List(params string[] values) => $$"""{"$type":"List","_value":[{{string.Join(",", values)}}]}""";

    public const string Nothing = """{"data":{"fields":[],"values":[]},"bookmarks":[],"transaction":{"id":"t1"}}""";

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var statement = body.Length == 0 ? null : JsonNode.Parse(body)?["statement"]?.GetValue<string>();
            string answer;
            lock (Requests)
            {
                Requests.Add((context.Request.Url!.AbsolutePath, statement));
                answer = statement is null ? Nothing : Answer(statement);
            }
            var bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.StatusCode = 202;
            context.Response.ContentType = "application/vnd.neo4j.query";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await serving;
    }
}
