using System.Net.Http.Headers;
using System.Text.Json;

namespace ConflictGraph.Benchmarks;

/// <summary>
/// A small write at a fixed interval while reads run: one new statement about an event (a node,
/// its references), through importGraph with the benchmark's write key.
/// </summary>
public sealed class WriteLoad(HttpClient client, GraphWorkspace graph, TimeSpan every)
{
    /// <summary>The key the benchmark's service accepts for writes (set by <see cref="ApiServer"/>).</summary>
    public const string Key = "benchmark-write-key";

    private const string Mutation = "mutation Note($input: GraphInput!) { importGraph(input: $input) { created } }";

    public int Written { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(every, cancellationToken);
                await WriteAsync(Written++, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task WriteAsync(int n, CancellationToken cancellationToken)
    {
        var about = $"event:e{1 + BenchQuery.Scrambled(n + 17, graph.Events):D7}";
        var input = new
        {
            statements = new[]
            {
                new { id = $"statement:bench-write-{Guid.NewGuid():N}", text = $"A note written during the benchmark about {about}.", stance = "REPORTS", aboutIds = new[] { about } },
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new { query = Mutation, variables = new { input } }))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
            },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        using var response = await client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode || body.Contains("\"errors\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"the benchmark's write failed: {body}");
    }
}
