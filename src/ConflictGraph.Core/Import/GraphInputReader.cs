using System.Text;
using System.Text.Json;

namespace ConflictGraph.Core.Import;

/// <summary>
/// Reads seed-format JSON into a <see cref="GraphInput"/>. A file that cannot be read becomes a
/// problem naming the file, line, position and JSON path; several files merge into one input.
/// </summary>
public static class GraphInputReader
{
    /// <summary>Reads every file (in the order given), merging them and reporting each unreadable one.</summary>
    public static async Task<GraphRead> ReadFilesAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var merged = new GraphInput();
        var origins = new InputOrigins();
        var problems = new List<ValidationProblem>();
        foreach (var path in paths)
        {
            GraphInput? input;
            try
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
                (input, var problem) = await DeserializeAsync(stream, path, cancellationToken);
                if (problem is not null) problems.Add(problem);
            }
            catch (IOException e)
            {
                input = null;
                problems.Add(new ValidationProblem(path, $"cannot be read: {e.Message}"));
            }
            catch (UnauthorizedAccessException e)
            {
                input = null;
                problems.Add(new ValidationProblem(path, $"cannot be read: {e.Message}"));
            }
            if (input is not null) Merge(merged, input, origins, path);
        }
        return new GraphRead(merged, origins, problems);
    }

    /// <summary>Reads one document; <paramref name="name"/> is how problems name it.</summary>
    public static async Task<GraphRead> ReadAsync(Stream stream, string name, CancellationToken cancellationToken)
    {
        var (input, problem) = await DeserializeAsync(stream, name, cancellationToken);
        var origins = new InputOrigins();
        var merged = new GraphInput();
        if (input is not null) Merge(merged, input, origins, name);
        return new GraphRead(merged, origins, problem is null ? [] : [problem]);
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

    private static void Merge(GraphInput into, GraphInput from, InputOrigins origins, string file)
    {
        into.Persons = Append(into.Persons, from.Persons, "persons", origins, file);
        into.Organizations = Append(into.Organizations, from.Organizations, "organizations", origins, file);
        into.Places = Append(into.Places, from.Places, "places", origins, file);
        into.Events = Append(into.Events, from.Events, "events", origins, file);
        into.Sources = Append(into.Sources, from.Sources, "sources", origins, file);
        into.Statements = Append(into.Statements, from.Statements, "statements", origins, file);
        into.Relations = Append(into.Relations, from.Relations, "relations", origins, file);
        into.Facts = Append(into.Facts, from.Facts, "facts", origins, file);
    }

    private static List<T>? Append<T>(List<T>? into, List<T>? from, string section, InputOrigins origins, string file)
    {
        if (from is null) return into;
        origins.Add(section, into?.Count ?? 0, file);
        if (into is null) return from;
        into.AddRange(from);
        return into;
    }
}
