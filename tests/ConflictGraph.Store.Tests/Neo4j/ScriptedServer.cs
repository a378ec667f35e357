using System.Net;
using System.Text;

namespace ConflictGraph.Store.Tests.Neo4j;

/// <summary>A stand-in for the Query API: records each request and answers from a script.</summary>
public sealed class ScriptedServer : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> answers = new();
    private Func<string, string>? otherwise;

    public List<(HttpMethod Method, string Path, string Body, Dictionary<string, string> Headers)> Requests { get; } = [];

    public ScriptedServer Answer(string json, HttpStatusCode status = HttpStatusCode.Accepted, params (string Name, string Value)[] headers)
    {
        answers.Enqueue(_ =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/vnd.neo4j.query") };
            foreach (var (name, value) in headers) response.Headers.TryAddWithoutValidation(name, value);
            return response;
        });
        return this;
    }

    /// <summary>Once the script is used up, answers each request with what <paramref name="answer"/> gives for its body.</summary>
    public ScriptedServer Otherwise(Func<string, string> answer)
    {
        otherwise = answer;
        return this;
    }

    public ScriptedServer Fail(Exception error)
    {
        answers.Enqueue(_ => throw error);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Method, request.RequestUri!.AbsolutePath, body,
            request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value))));
        if (answers.Count > 0) return answers.Dequeue()(request);
        if (otherwise is null) throw new InvalidOperationException($"no scripted answer left for {request.Method} {request.RequestUri}");
        return new HttpResponseMessage(HttpStatusCode.Accepted) { Content = new StringContent(otherwise(body), Encoding.UTF8, "application/vnd.neo4j.query") };
    }

    public const string Empty = """{"data":{"fields":[],"values":[]},"bookmarks":[]}""";

    public static string Rows(string[] fields, params string[] rows) =>
        $$"""{"data":{"fields":[{{string.Join(",", fields.Select(f => $"\"{f}\""))}}],"values":[{{string.Join(",", rows)}}]},"bookmarks":["FB:read"]}""";

    public static string Text(string value) => $$"""{"$type":"String","_value":{{System.Text.Json.JsonSerializer.Serialize(value)}}}""";
}
