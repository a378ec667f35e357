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
    public void TheLoadIsDrivenByTheLoopClientUnlessAskedForAnother()
    {
        Assert.Equal(LoadClientKind.Loop, BenchOptions.Parse([]).LoadClient);
        Assert.Equal(LoadClientKind.Lean, BenchOptions.Parse(["--load-client", "lean"]).LoadClient);
        Assert.Equal(LoadClientKind.HttpClient, BenchOptions.Parse(["--load-client", "httpclient"]).LoadClient);
        Assert.Equal((LoadClientKind.Loop, 2), (BenchOptions.Parse(["--load-client", "loop"]).LoadClient, BenchOptions.Parse([]).LoadThreads));
        Assert.Equal((LoadClientKind.Async, 3), (BenchOptions.Parse(["--load-client", "async", "--load-threads", "3"]).LoadClient, BenchOptions.Parse(["--load-threads", "3"]).LoadThreads));
        Assert.Equal("--load-client takes loop, lean, async or httpclient, not 'wrk'", Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--load-client", "wrk"])).Message);
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

    [Theory]
    [InlineData("--drive ftp://127.0.0.1:5300 --query levels --sizes 10000", "--drive takes the service's http:// address (e.g. http://127.0.0.1:5300), not 'ftp://127.0.0.1:5300'")]
    [InlineData("--drive http://127.0.0.1:5300/graphql --query levels --sizes 10000", "--drive takes the service's http:// address (e.g. http://127.0.0.1:5300), not 'http://127.0.0.1:5300/graphql'")]
    [InlineData("--drive http://127.0.0.1:5300 --sizes 10000", "--drive needs --query NAME (one catalogue query, e.g. '2 levels')")]
    [InlineData("--drive http://127.0.0.1:5300 --query levels", "--drive needs --sizes N, the one graph size the service holds (its ids are read off the generated world)")]
    [InlineData("--drive http://127.0.0.1:5300 --query levels --sizes 10000,1000000", "--drive needs --sizes N, the one graph size the service holds (its ids are read off the generated world)")]
    [InlineData("--drive http://127.0.0.1:5300 --query levels --sizes 10000 --mode cold", "--mode takes repeated, spread or uncached, not 'cold'")]
    [InlineData("--sizes 10000 --pid 12", "--pid is for --drive URL only")]
    [InlineData("--mode spread", "--mode is for --drive URL only")]
    public void ABadDriveArgumentIsRefusedWithWhatIsWrong(string arguments, string message) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => BenchOptions.Parse(arguments.Split(' '))).Message);

    [Fact]
    public void DriveTakesOneQueryModeAndPid()
    {
        var options = BenchOptions.Parse(["--drive", "http://127.0.0.1:5300", "--query", "2 levels", "--sizes", "10000", "--mode", "spread", "--pid", "42", "--walk-start", "7"]);

        Assert.Equal((new Uri("http://127.0.0.1:5300"), "2 levels", BenchMode.Spread, 42, 7L), (options.Drive, options.Query, options.Mode, options.ServicePid, options.WalkStart));
        Assert.Equal(BenchMode.Uncached, BenchOptions.Parse(["--drive", "http://127.0.0.1:5300", "--query", "x", "--sizes", "1"]).Mode);
    }

    /// <summary>Through the harness's entry point: a query that names none or several, a pid that runs nothing (exit 2), no service (exit 1).</summary>
    [Fact]
    public async Task DriveNamesWhatItCannotDrive()
    {
        string[] drive = ["--drive", "http://127.0.0.1:1", "--sizes", "2000", "--seed", "5", "--warmup", "0s", "--duration", "1s"];

        var several = await Harness.RunAsync([.. drive, "--query", "levels"]);
        var none = await Harness.RunAsync([.. drive, "--query", "nothing"]);
        var noProcess = await Harness.RunAsync([.. drive, "--query", "2 levels", "--pid", "2147483647"]);
        var noService = await Harness.RunAsync([.. drive, "--query", "node by id"]);

        Assert.Equal((2, ""), (several.ExitCode, several.Output));
        Assert.StartsWith("--query 'levels' names 2 queries ('event + perpetrators, place, statements (2 levels)'; 'retaliations + claims + speakers (3 levels)'); name one of: 'floor: node by id (no GraphQL)'; ", several.Error);
        Assert.Equal(2, none.ExitCode);
        Assert.StartsWith("--query 'nothing' names no catalogue query; they are: 'floor: node by id (no GraphQL)'; 'node by id'; ", none.Error);
        Assert.Equal((2, "--pid 2147483647: no process with that id is running\n"), (noProcess.ExitCode, noProcess.Error));
        // 'node by id' is the lookup's whole name, though the floor's contains it
        Assert.Equal(1, noService.ExitCode);
        Assert.Contains("with 'node by id' at 2,000 events", noService.Output);
        Assert.StartsWith("driving http://127.0.0.1:1/ failed: Connection refused", noService.Error);
    }
}
