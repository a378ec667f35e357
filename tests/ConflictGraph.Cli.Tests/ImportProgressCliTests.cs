using System.Diagnostics;
using ConflictGraph.Cli.Generate;

namespace ConflictGraph.Cli.Tests;

/// <summary>The import's progress as a user sees it from the built CLI: plain lines into a pipe, a bar on a terminal.</summary>
public sealed class ImportProgressCliTests : IDisposable
{
    private readonly Workspace _work = new();

    [Fact]
    public async Task IntoAPipeAnImportPrintsPlainLinesWithItsRateAndTimeLeft()
    {
        var graph = await GenerateAsync();

        using var process = ChildCli.Start(_work.StorePath, "import", graph);
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.DoesNotContain('\r', error);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("counted ", lines[0]);
        Assert.Contains(lines, line => line.StartsWith("written 50% (", StringComparison.Ordinal) && line.Contains(" items/s, ") && line.EndsWith(" left)"));
        // Then the write's steps, each with its wall and CPU time, from the rows to the commit.
        var finishing = Array.FindIndex(lines, line => line.StartsWith("written ", StringComparison.Ordinal) && line.EndsWith("finishing the transaction (indexes, commit)"));
        Assert.True(finishing > 0, error);
        var steps = lines[(finishing + 1)..];
        Assert.All(steps, step => Assert.Matches(@"^  [a-z][a-z_ ,-]*: \d+\.\d s \(\d+\.\d s CPU\)$", step));
        Assert.StartsWith("  rows: ", steps[0]);
        Assert.StartsWith("  commit: ", steps[^1]);
    }

    [SkippableFact]
    public async Task OnATerminalAnImportDrawsABarInPlace()
    {
        // util-linux's script(1) gives the CLI a pseudo-terminal for stderr, as a user's shell would.
        Skip.IfNot(File.Exists("/usr/bin/script"), "script(1) from util-linux is needed to run the CLI on a pseudo-terminal");
        var graph = await GenerateAsync();
        var info = new ProcessStartInfo("/usr/bin/script") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-qec", $"dotnet '{ChildCli.DllPath}' import '{graph}'", "/dev/null" }) info.ArgumentList.Add(arg);
        info.Environment["ConflictGraph__Store"] = "Sqlite";
        info.Environment["ConflictGraph__Sqlite__Path"] = _work.StorePath;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(info)!;
        var terminal = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("\rwriting [##############################] 100% ", terminal);
        Assert.Contains(" items/s, ", terminal);
        Assert.DoesNotContain("written 10%", terminal);
        Assert.Contains("finishing the transaction (indexes, commit)", terminal);
        Assert.Contains("\n  commit: ", terminal);
    }

    /// <summary>A graph just over the size that gets progress (about 12,000 items).</summary>
    private async Task<string> GenerateAsync()
    {
        var directory = _work.PathOf("graph");
        await GraphFileWriter.WriteAsync(new GenerationSettings(5_000, 7), directory, null, CancellationToken.None);
        return directory;
    }

    public void Dispose() => _work.Dispose();
}
