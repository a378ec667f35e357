using System.CommandLine;
using ConflictGraph.Core.Import;

namespace ConflictGraph.Cli;

/// <summary><c>export FILE</c>: the whole graph as seed-format JSON, which imports back to the same graph.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "where to write the JSON; '-' is standard output" };
        var command = new Command("export", "write the whole graph as seed-format JSON (the store must exist)") { file };
        command.SetAction((result, cancellationToken) => StoreSession.RunAsync(result, StoreUse.ReadExisting, async (store, output) =>
        {
            var path = result.GetValue(file)!;
            var graph = await GraphExporter.ExportAsync(store, cancellationToken);
            if (path == "-")
            {
                await output.WriteLineAsync(GraphExporter.ToJson(graph));
                return Usage.Done;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await using (var stream = File.Create(path)) await GraphExporter.WriteAsync(graph, stream, cancellationToken);
            var facts = graph.Facts is { Count: > 0 } some ? $", {some.Count} facts" : "";
            await output.WriteLineAsync($"exported {GraphExporter.Nodes(graph)} nodes, {graph.Relations?.Count ?? 0} relations{facts} to {path}");
            return Usage.Done;
        }, cancellationToken));
        return command;
    }
}
