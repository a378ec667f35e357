namespace ConflictGraph.Cli.Tests;

public sealed class UsageTests : IDisposable
{
    private readonly Workspace _work = new();

    [Fact]
    public async Task NoCommandPrintsUsageOnStderrAndExitsTwo()
    {
        var outcome = await Workspace.RunOnAsync(_work.StorePath);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("conflictgraph: name a command", outcome.Error);
        Assert.Contains("Usage:\n  conflictgraph [command] [options]", outcome.Error);
        Assert.Contains("generate <OUT>", outcome.Error);
        Assert.False(File.Exists(_work.StorePath));
    }

    [Theory]
    [InlineData("Unrecognized command or argument 'frobnicate'", "frobnicate")]
    [InlineData("Required argument 'PATH' missing for command: 'validate'", "validate")]
    [InlineData("Required argument 'PATH' missing for command: 'import'", "import")]
    [InlineData("Required argument 'FILE' missing for command: 'export'", "export")]
    [InlineData("Unrecognized command or argument 'extra'", "stats", "extra")]
    [InlineData("Required argument missing for option: '--store'", "stats", "--store")]
    [InlineData("Option '--events' is required", "generate", "out.json")]
    [InlineData("--events must be at least 1", "generate", "--events", "0", "out.json")]
    public async Task BadUsageExitsWithTwoAndTheCommandsHelpOnStderr(string problem, params string[] args)
    {
        var outcome = await _work.RunAsync(args);

        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith($"conflictgraph: {problem}", outcome.Error);
        Assert.Contains("Usage:\n  conflictgraph", outcome.Error);
        Assert.Empty(outcome.Output);
        Assert.False(File.Exists(_work.StorePath));
    }

    [Fact]
    public async Task VersionPrintsTheBuildsVersion()
    {
        var outcome = await _work.RunAsync("--version");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Matches(@"^conflictgraph \d+\.\d+\.\d+", outcome.Output);
    }

    [Theory]
    [InlineData("stats", "count nodes and relations")]
    [InlineData("import", "all-or-nothing")]
    [InlineData("generate", "--events <events> (REQUIRED)")]
    public async Task EachCommandExplainsItselfWithHelp(string command, string text)
    {
        var outcome = await _work.RunAsync(command, "--help");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains($"conflictgraph {command}", outcome.Output);
        Assert.Contains(text, outcome.Output);
        Assert.Contains("--sqlite-path", outcome.Output);
    }

    [Theory]
    [InlineData("stats")]
    [InlineData("export", "-")]
    [InlineData("validate", "__seed__")]
    [InlineData("history", "compact", "--before", "2026-01-01")]
    public async Task ReadCommandsRefuseAMissingDatabaseAndCreateNone(string command, params string[] args)
    {
        var mistyped = _work.PathOf("typo/stroe.db");
        var seed = Path.Combine(ChildCli.RepoRoot(), "seed");

        var outcome = await Workspace.RunOnAsync(mistyped, [command, .. args.Select(a => a == "__seed__" ? seed : a)]);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains($"ConflictGraph:Sqlite:Path '{mistyped}' does not exist", outcome.Error);
        Assert.False(File.Exists(mistyped));
        Assert.False(Directory.Exists(Path.GetDirectoryName(mistyped)));
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
