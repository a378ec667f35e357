using ConflictGraph.Core.Import;

namespace ConflictGraph.Cli.Generate;

/// <summary>One file's worth of a generated graph, with the file name that keeps import order.</summary>
public sealed record GeneratedFile(string Name, GraphInput Batch);

/// <summary>
/// A realistic graph from a seed, produced lazily a file at a time: the world first, then the
/// events in date order. The same settings always give the same batches.
/// </summary>
public static class GraphGenerator
{
    public static IEnumerable<GeneratedFile> Files(GenerationSettings settings)
    {
        var world = WorldBuilder.Build(settings);
        yield return new GeneratedFile("000-world.json", world.Batch);
        var events = new EventStream(world, settings);
        var perFile = Math.Max(1, settings.EventsPerFile);
        for (int first = 0, file = 1; first < settings.Events; first += perFile, file++)
        {
            var count = Math.Min(perFile, settings.Events - first);
            yield return new GeneratedFile($"{file:D3}-events-e{first + 1:D7}.json", events.Chunk(first, count));
        }
    }

    /// <summary>Every file of the graph in one batch; only for graphs small enough to hold in memory.</summary>
    public static GraphInput Whole(GenerationSettings settings)
    {
        var whole = new GraphInput { Persons = [], Organizations = [], Places = [], Events = [], Sources = [], Statements = [], Relations = [] };
        foreach (var file in Files(settings))
        {
            whole.Persons!.AddRange(file.Batch.Persons ?? []);
            whole.Organizations!.AddRange(file.Batch.Organizations ?? []);
            whole.Places!.AddRange(file.Batch.Places ?? []);
            whole.Events!.AddRange(file.Batch.Events ?? []);
            whole.Sources!.AddRange(file.Batch.Sources ?? []);
            whole.Statements!.AddRange(file.Batch.Statements ?? []);
            whole.Relations!.AddRange(file.Batch.Relations ?? []);
        }
        return whole;
    }
}
