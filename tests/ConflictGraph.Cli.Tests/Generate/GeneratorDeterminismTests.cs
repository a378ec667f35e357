using ConflictGraph.Cli.Generate;

namespace ConflictGraph.Cli.Tests.Generate;

public sealed class GeneratorDeterminismTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cg-generate-").FullName;

    [Fact]
    public async Task SameSeedWritesByteIdenticalFiles()
    {
        var settings = new GenerationSettings(Events: 900, Seed: 11, EventsPerFile: 400);
        var first = await GraphFileWriter.WriteAsync(settings, Path.Combine(_root, "a"), null, default);
        var second = await GraphFileWriter.WriteAsync(settings, Path.Combine(_root, "b"), null, default);

        Assert.Equal(first.Files.Select(Path.GetFileName), second.Files.Select(Path.GetFileName));
        foreach (var (a, b) in first.Files.Zip(second.Files))
            Assert.Equal(await File.ReadAllBytesAsync(a), await File.ReadAllBytesAsync(b));
    }

    [Fact]
    public async Task DifferentSeedsWriteDifferentGraphs()
    {
        var one = await GraphFileWriter.WriteAsync(new GenerationSettings(200, 1), Path.Combine(_root, "one.json"), null, default);
        var two = await GraphFileWriter.WriteAsync(new GenerationSettings(200, 2), Path.Combine(_root, "two.json"), null, default);

        Assert.NotEqual(await File.ReadAllBytesAsync(one.Files[0]), await File.ReadAllBytesAsync(two.Files[0]));
    }

    [Fact]
    public async Task LargeGraphsAreSplitIntoFilesInImportOrder()
    {
        var graph = await GraphFileWriter.WriteAsync(new GenerationSettings(1_000, 3, EventsPerFile: 300), Path.Combine(_root, "split"), null, default);

        // The world first, then four files of events (300 + 300 + 300 + 100).
        Assert.Equal(5, graph.Files.Count);
        Assert.Equal(graph.Files.Order(StringComparer.Ordinal), graph.Files);
        Assert.EndsWith("000-world.json", graph.Files[0]);
    }

    [Fact]
    public async Task OneFileRefusesMoreEventsThanAFileHolds()
    {
        var settings = new GenerationSettings(500, 3, EventsPerFile: 100);

        await Assert.ThrowsAsync<ArgumentException>(() => GraphFileWriter.WriteAsync(settings, Path.Combine(_root, "big.json"), null, default));
    }

    [Fact]
    public async Task CommandWithoutEventCountExplainsUsage()
    {
        var error = new StringWriter();

        var exit = await Program.RunAsync(["generate", "--seed", "4", Path.Combine(_root, "x.json")], TextWriter.Null, error, default);

        Assert.Equal(2, exit);
        Assert.Contains("--events", error.ToString());
        Assert.False(File.Exists(Path.Combine(_root, "x.json")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
