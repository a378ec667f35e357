using System.Diagnostics;

namespace ConflictGraph.Benchmarks.Tests;

/// <summary>The harness run as a person runs it: its own program, a child process, with its exit code and both outputs.</summary>
internal static class Harness
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(typeof(BenchOptions).Assembly.Location);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var harness = Process.Start(info)!;
        var error = harness.StandardError.ReadToEndAsync();
        var output = await harness.StandardOutput.ReadToEndAsync();
        await harness.WaitForExitAsync();
        return (harness.ExitCode, output, await error);
    }
}
