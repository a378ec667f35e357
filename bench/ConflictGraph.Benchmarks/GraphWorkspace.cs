using System.Text.Json;
using ConflictGraph.Cli.Generate;

namespace ConflictGraph.Benchmarks;

/// <summary>A generated graph of one size on disk, reused across runs with the same size and seed.</summary>
public sealed record GraphWorkspace(int Events, int Seed, string Directory, long Nodes, long Relations, World World)
{
    private const string Marker = "generated.json";

    public static async Task<GraphWorkspace> PrepareAsync(RepoLayout layout, int events, int seed, CancellationToken cancellationToken)
    {
        var settings = new GenerationSettings(events, seed);
        var directory = Path.Combine(layout.WorkDirectory, $"graph-{events}-seed{seed}");
        // Beside the directory, not in it: the writer clears the directory's JSON files.
        var marker = Path.Combine(layout.WorkDirectory, $"graph-{events}-seed{seed}.{Marker}");
        GeneratedGraph? graph = null;
        if (File.Exists(marker))
        {
            graph = JsonSerializer.Deserialize<GeneratedGraph>(await File.ReadAllTextAsync(marker, cancellationToken));
            if (graph is not null && graph.Files.All(File.Exists)) Console.WriteLine($"  reusing generated graph in {directory}");
            else graph = null;
        }
        if (graph is null)
        {
            Console.WriteLine($"  generating {events} events (seed {seed}) into {directory}");
            File.Delete(marker);
            graph = await GraphFileWriter.WriteAsync(settings, directory, null, cancellationToken);
            await File.WriteAllTextAsync(marker, JsonSerializer.Serialize(graph), cancellationToken);
        }
        // The world is small and rebuilt from the seed: it names the ids the queries ask for.
        return new GraphWorkspace(events, seed, directory, graph.Nodes, graph.Relations, WorldBuilder.Build(settings));
    }

    public string StorePath(string workDirectory) => Path.Combine(workDirectory, $"store-{Events}-seed{Seed}.db");
}
