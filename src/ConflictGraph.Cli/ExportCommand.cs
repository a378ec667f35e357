using ConflictGraph.Core.Import;

namespace ConflictGraph.Cli;

/// <summary><c>export FILE</c>: the whole graph as seed-format JSON, which imports back to the same graph.</summary>
public static class ExportCommand
{
    public static async Task<int> RunAsync(CommandLine line, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (line.Arguments is not [var file]) return await Usage.RefuseAsync(error, "export needs exactly one FILE");
        return await StoreSession.RunAsync(line, error, async store =>
        {
            var graph = await GraphExporter.ExportAsync(store, cancellationToken);
            if (file == "-")
            {
                await output.WriteLineAsync(GraphExporter.ToJson(graph));
                return 0;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            await using (var stream = File.Create(file)) await GraphExporter.WriteAsync(graph, stream, cancellationToken);
            await output.WriteLineAsync($"exported {InputFiles.Nodes(graph)} nodes, {graph.Relations?.Count ?? 0} relations to {file}");
            return 0;
        }, cancellationToken);
    }
}
