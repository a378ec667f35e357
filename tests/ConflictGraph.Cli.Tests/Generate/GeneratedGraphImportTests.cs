using ConflictGraph.Cli.Generate;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Import.Sources;

namespace ConflictGraph.Cli.Tests.Generate;

public sealed class GeneratedGraphImportTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cg-generate-").FullName;

    [Fact]
    public async Task GeneratedFilesReadBackAndPassImportValidation()
    {
        // Several files, so references across files (events to the world, answers to earlier files) are covered.
        var graph = await GraphFileWriter.WriteAsync(new GenerationSettings(1_500, 9, EventsPerFile: 500), _root, null, default);

        var source = new JsonFileSource(graph.Files);
        var validation = await GraphValidator.ValidateAsync(source, null, default);

        Assert.Empty(source.ReadProblems);
        Assert.Empty(validation.Problems);
        Assert.Equal(graph.Nodes, validation.Nodes);
        Assert.Equal(graph.Relations, validation.Relations);
    }

    [Fact]
    public async Task EachEventFileCitesOnlySourcesItHolds()
    {
        var graph = await GraphFileWriter.WriteAsync(new GenerationSettings(800, 5, EventsPerFile: 300), _root, null, default);

        foreach (var file in graph.Files.Skip(1))
        {
            var read = GraphInputReader.Read(await File.ReadAllTextAsync(file), file);
            var sources = read.Input.Sources!.Select(s => s.Id).ToHashSet();
            Assert.All(read.Input.Statements!, s => Assert.Contains(s.SourceId, sources));
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
