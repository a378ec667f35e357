namespace ConflictGraph.Cli.Tests;

public sealed class UsageTests : IDisposable
{
    private readonly Workspace _work = new();

    [Fact]
    public async Task NoArgumentsPrintsUsage()
    {
        var outcome = await Workspace.RunOnAsync(_work.StorePath);

        Assert.Equal(0, outcome.ExitCode);
        Assert.StartsWith("usage: conflictgraph", outcome.Output);
        Assert.False(File.Exists(_work.StorePath));
    }

    [Theory]
    [InlineData("unknown command 'frobnicate'", "frobnicate")]
    [InlineData("validate needs at least one PATH", "validate")]
    [InlineData("import needs at least one PATH", "import")]
    [InlineData("export needs exactly one FILE", "export")]
    [InlineData("stats takes no arguments", "stats", "extra")]
    [InlineData("--store needs a value", "stats", "--store")]
    public async Task BadUsageExitsWithTwoAndUsageOnStderr(string problem, params string[] args)
    {
        var outcome = await _work.RunAsync(args);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith($"conflictgraph: {problem}", outcome.Error);
        Assert.Contains("usage: conflictgraph", outcome.Error);
        Assert.Empty(outcome.Output);
    }

    [Fact]
    public async Task AnUnknownStoreIsASettingsError()
    {
        var outcome = await _work.RunAsync("--store", "Oracle", "stats");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("ConflictGraph:Store is 'Oracle'; use one of Sqlite, Neo4j", outcome.Error);
    }

    [Fact]
    public async Task Neo4jWithoutAnAddressIsASettingsError()
    {
        var outcome = await _work.RunAsync("--store", "Neo4j", "stats");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("ConflictGraph:Neo4j:Uri", outcome.Error);
    }

    [Fact]
    public async Task AnUnreachableNeo4jFailsWithTheReasonInsteadOfHanging()
    {
        // Port 9 (discard) is closed here: the connection is refused at once, retried, then reported.
        var outcome = await _work.RunAsync("--store", "Neo4j", "--neo4j-uri", "http://127.0.0.1:9", "stats");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("Neo4j at http://127.0.0.1:9/ is unavailable", outcome.Error);
    }

    public void Dispose() => _work.Dispose();
}
