using System.Text.Json;
using ConflictGraph.Core.Import;

namespace ConflictGraph.Cli.Generate;

/// <summary>The files written for a generated graph, in import order, and how many nodes and relations they hold.</summary>
public sealed record GeneratedGraph(IReadOnlyList<string> Files, long Nodes, long Relations);

/// <summary>
/// Writes a generated graph as seed-format JSON: into one file when the path ends in .json (small
/// graphs only), else into a directory of files, each serialized straight to disk as it is made.
/// </summary>
public static class GraphFileWriter
{
    public static bool IsSingleFile(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    public static async Task<GeneratedGraph> WriteAsync(
        GenerationSettings settings, string path, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (IsSingleFile(path))
        {
            if (settings.Events > settings.EventsPerFile)
                throw new ArgumentException($"{settings.Events} events do not fit one file (at most {settings.EventsPerFile}); give a directory instead");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var whole = GraphGenerator.Whole(settings);
            await WriteFileAsync(path, whole, cancellationToken);
            progress?.Report(path);
            return new GeneratedGraph([path], Nodes(whole), whole.Relations!.Count);
        }

        Directory.CreateDirectory(path);
        // Stale files from a larger earlier run would otherwise be imported with this one.
        foreach (var stale in Directory.EnumerateFiles(path, "*.json")) File.Delete(stale);
        var written = new List<string>();
        long nodes = 0, relations = 0;
        foreach (var file in GraphGenerator.Files(settings))
        {
            var target = Path.Combine(path, file.Name);
            await WriteFileAsync(target, file.Batch, cancellationToken);
            written.Add(target);
            (nodes, relations) = (nodes + Nodes(file.Batch), relations + (file.Batch.Relations?.Count ?? 0));
            progress?.Report(target);
        }
        return new GeneratedGraph(written, nodes, relations);
    }

    private static long Nodes(GraphInput batch) =>
        (batch.Persons?.Count ?? 0) + (batch.Organizations?.Count ?? 0) + (batch.Places?.Count ?? 0) + (batch.Events?.Count ?? 0)
        + (batch.Sources?.Count ?? 0) + (batch.Statements?.Count ?? 0);

    private static async Task WriteFileAsync(string path, GraphInput batch, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await JsonSerializer.SerializeAsync(stream, batch, GraphJson.Write, cancellationToken);
    }
}
