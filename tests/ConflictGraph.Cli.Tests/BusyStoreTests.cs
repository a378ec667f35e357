using System.Diagnostics;
using ConflictGraph.Tests;

namespace ConflictGraph.Cli.Tests;

/// <summary>
/// Issue 10, minor: an import into a file whose write lock another process holds (the API's own
/// write, another import) waits the busy timeout, then fails with one line and exit code 1,
/// leaving the file as it was.
/// </summary>
public sealed class BusyStoreTests : IDisposable
{
    private static readonly Dictionary<string, string> ShortWait = new() { ["ConflictGraph__Sqlite__BusyTimeoutSeconds"] = "1" };

    private readonly Workspace work = new();

    [Fact]
    public async Task AnImportIntoALockedFileFailsWithOneLineAndExitCodeOneAndWritesNothing()
    {
        var (file, _) = await work.GenerateAsync("graph.json", events: 20);
        var first = work.Write("first.json", """{ "persons": [ { "id": "person:first", "name": "First" } ] }""");
        Assert.Equal(0, (await work.RunAsync("import", first)).ExitCode);
        var before = (await work.RunAsync("stats")).Output;

        CliRun refused;
        using (WriteLock.Hold(work.StorePath)) refused = await RunChildAsync("import", file);

        Assert.Equal(1, refused.ExitCode);
        var complaint = Assert.Single(refused.ErrorLines, line => line.StartsWith("conflictgraph:", StringComparison.Ordinal));
        Assert.Contains("is locked by another writer (waited 1 s); nothing was written, try again when it is done", complaint);
        Assert.DoesNotContain(refused.ErrorLines, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.Equal(before, (await work.RunAsync("stats")).Output);

        var retried = await RunChildAsync("import", file);
        Assert.Equal(0, retried.ExitCode);
        Assert.NotEqual(before, (await work.RunAsync("stats")).Output);
    }

    [Fact]
    public async Task ReadCommandsAnswerWhileAnotherProcessHoldsTheWriteLock()
    {
        var first = work.Write("first.json", """{ "persons": [ { "id": "person:first", "name": "First" } ] }""");
        Assert.Equal(0, (await work.RunAsync("import", first)).ExitCode);

        using var held = WriteLock.Hold(work.StorePath);
        var stats = await RunChildAsync("stats");

        Assert.Equal(0, stats.ExitCode);
        Assert.Contains("1", stats.Output);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("601")]
    [InlineData("soon")]
    public async Task ABusyTimeoutOutsideItsRangeIsRefusedWithOneLineAndExitCodeTwo(string seconds)
    {
        var run = await RunChildAsync(new Dictionary<string, string> { ["ConflictGraph__Sqlite__BusyTimeoutSeconds"] = seconds }, "stats");

        Assert.Equal(2, run.ExitCode);
        var complaint = Assert.Single(run.ErrorLines);
        Assert.StartsWith("conflictgraph: ", complaint);
        Assert.Contains("ConflictGraph:Sqlite:BusyTimeoutSeconds", complaint);
    }

    private sealed record CliRun(int ExitCode, string Output, IReadOnlyList<string> ErrorLines);

    private Task<CliRun> RunChildAsync(params string[] args) => RunChildAsync(ShortWait, args);

    private async Task<CliRun> RunChildAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = ChildCli.Start(work.StorePath, environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // A guard against a hung child, not a timing.
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var clock = Stopwatch.StartNew();
        await process.WaitForExitAsync(patience.Token);
        Console.WriteLine($"conflictgraph {string.Join(' ', args)}: exit {process.ExitCode} after {clock.ElapsedMilliseconds} ms");
        return new CliRun(process.ExitCode, await output, (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    public void Dispose() => work.Dispose();
}
