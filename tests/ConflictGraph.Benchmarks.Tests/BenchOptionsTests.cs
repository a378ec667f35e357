using System.Diagnostics;

namespace ConflictGraph.Benchmarks.Tests;

/// <summary>The harness's command line: <c>--store-cache</c>, in units and through the harness's own entry point.</summary>
public sealed class BenchOptionsTests
{
    [Fact]
    public void TheStoreIsReadThroughTheCacheUnlessAskedToLeaveIt()
    {
        Assert.Equal(StoreCachePolicy.Read, BenchOptions.Parse([]).StoreCache);
        Assert.Equal(StoreCachePolicy.Read, BenchOptions.Parse(["--store-cache", "read"]).StoreCache);
        Assert.Equal(StoreCachePolicy.AsLeft, BenchOptions.Parse(["--store-cache", "as-left", "--sizes", "10000"]).StoreCache);
    }

    [Fact]
    public void TheLoadIsDrivenByTheLeanClientUnlessAskedForHttpClient()
    {
        Assert.Equal(LoadClientKind.Lean, BenchOptions.Parse([]).LoadClient);
        Assert.Equal(LoadClientKind.HttpClient, BenchOptions.Parse(["--load-client", "httpclient"]).LoadClient);
        Assert.Equal("--load-client takes lean or httpclient, not 'wrk'", Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--load-client", "wrk"])).Message);
    }

    [Theory]
    [InlineData("warm", "--store-cache takes read or as-left, not 'warm'")]
    [InlineData("As-Left", "--store-cache takes read or as-left, not 'As-Left'")]
    public void ABadValueNamesTheOption(string value, string message) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--store-cache", value])).Message);

    [Fact]
    public void AMissingValueNamesTheOption() =>
        Assert.Equal("--store-cache needs a value", Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--store-cache"])).Message);

    /// <summary>The harness refuses the run before it builds or starts anything, with the usage line on stderr and exit code 2.</summary>
    [Fact]
    public async Task TheHarnessRefusesABadValueWithItsUsage()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { typeof(BenchOptions).Assembly.Location, "--sizes", "10000", "--store-cache", "cold" }) info.ArgumentList.Add(argument);
        using var harness = Process.Start(info)!;
        var error = harness.StandardError.ReadToEndAsync();
        var output = await harness.StandardOutput.ReadToEndAsync();
        await harness.WaitForExitAsync();

        Assert.Equal(2, harness.ExitCode);
        Assert.StartsWith("--store-cache takes read or as-left, not 'cold'\nusage: ", await error);
        Assert.Contains("[--store-cache read|as-left]", await error);
        Assert.Equal("", output);
    }
}
