using System.Text;
using System.Text.Json;

namespace ConflictGraph.Core.Import;

/// <summary>
/// Reads one small seed-format document (a request body, a test) into a <see cref="GraphInput"/>
/// in memory. A document that cannot be read becomes a problem naming the line, position and JSON
/// path. Files of any size are read as a stream by <see cref="Sources.JsonFileSource"/>.
/// </summary>
public static class GraphInputReader
{
    /// <summary>Reads one document; <paramref name="name"/> is how problems name it.</summary>
    public static async Task<GraphRead> ReadAsync(Stream stream, string name, CancellationToken cancellationToken)
    {
        var (input, problem) = await DeserializeAsync(stream, name, cancellationToken);
        return new GraphRead(input ?? new GraphInput(), problem is null ? [] : [problem]);
    }

    public static GraphRead Read(string json, string name = "input")
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return ReadAsync(stream, name, CancellationToken.None).GetAwaiter().GetResult();
    }

    private static async Task<(GraphInput?, ValidationProblem?)> DeserializeAsync(Stream stream, string name, CancellationToken cancellationToken)
    {
        try
        {
            var input = await JsonSerializer.DeserializeAsync<GraphInput>(stream, GraphJson.Read, cancellationToken);
            return input is null ? (null, new ValidationProblem($"{name}: $", "expected an object holding the graph, not null")) : (input, null);
        }
        catch (JsonException e)
        {
            return (null, JsonProblem.From(e, name));
        }
    }
}
