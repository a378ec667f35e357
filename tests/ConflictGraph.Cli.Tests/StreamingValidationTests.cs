namespace ConflictGraph.Cli.Tests;

/// <summary>
/// The streaming reader and the validation from compact sets report what the whole-document
/// reading did: BadInputs/*.expected.txt were printed by <c>validate</c> before streaming, against a
/// store holding the seed. One case mixes every validation problem across two files (duplicates,
/// references, kinds, claims, facts, cycles); the other has one file per way JSON can fail.
/// </summary>
public sealed class StreamingValidationTests : IDisposable
{
    private readonly Workspace _work = new();

    [Theory]
    [InlineData("validation")]
    [InlineData("unreadable")]
    public async Task ValidateReportsTheSameProblemsWithTheSamePathsAsBeforeStreaming(string inputs)
    {
        await _work.RunAsync("import", Path.Combine(RepoRoot, "seed"));
        var directory = Path.Combine(AppContext.BaseDirectory, "BadInputs", inputs);
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "BadInputs", $"{inputs}.expected.txt")).Replace("{DIR}", directory);

        var outcome = await _work.RunAsync("validate", directory);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(expected.Split('\n', StringSplitOptions.RemoveEmptyEntries), outcome.Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task ImportReportsTheSameProblemsAndWritesNothing()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "BadInputs", "validation");
        var expected = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "BadInputs", "validation.expected.txt"))
            .SkipLast(1).Select(line => line.Replace("{DIR}", directory));
        await _work.RunAsync("import", Path.Combine(RepoRoot, "seed"));
        var before = (await _work.RunAsync("stats")).Output;

        var outcome = await _work.RunAsync("import", directory);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal([.. expected, "21 problem(s); nothing was written"], outcome.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(before, (await _work.RunAsync("stats")).Output);
    }

    private static string RepoRoot => typeof(StreamingValidationTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    public void Dispose() => _work.Dispose();
}
