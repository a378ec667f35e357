using ConflictGraph.Benchmarks;

namespace ConflictGraph.Benchmarks.Tests;

/// <summary>The results table: store calls and allocated bytes from the probes, and a mark, never a number, for a figure that cannot be trusted.</summary>
public sealed class ReportTests
{
    private static LoadResult Load(string query, BenchMode mode, double rps) =>
        new(query, 10_000, mode, (long)(rps * 8), 0, TimeSpan.FromSeconds(8), 1.2, 3.4, null) { AnswerBytesPerRequest = 386, CpuMillisecondsPerRequest = 0.07 };

    private static string Table(params LoadResult[] loads) =>
        Report.Markdown(new BenchOptions(), new MachineInfo("cpu", 2, 1L << 30, "os", ".NET"), loads, [], [], [], [], [], DateTimeOffset.UnixEpoch, "1.00");

    private static string Row(string table, string query) => table.Split('\n').Single(line => line.StartsWith($"| {query} |", StringComparison.Ordinal));

    [Fact]
    public void AnUntrustedAllocationIsMarkedAndExplainedBelowTheTable()
    {
        var uncached = Load(BenchQuery.Lookup, BenchMode.Uncached, 18_000) with
        {
            StoreCallsPerRequest = 1,
            Allocation = new AllocationFigure(null, "the runtime's total did not grow (-19,441,000,000 bytes over 200,000 requests)"),
        };
        var table = Table(Load(BenchQuery.Lookup, BenchMode.Spread, 20_000), uncached);

        var row = Row(table, BenchQuery.Lookup);
        Assert.Contains("| 1.0 | untrusted1 |", row);
        Assert.DoesNotContain("-", row.Replace("|---", ""));
        Assert.Contains("- untrusted1: no alloc/req for 'node by id' at 10,000 events: the runtime's total did not grow", table);
    }

    [Fact]
    public void ATrustedAllocationAndTheProbesStoreCallsArePrinted()
    {
        var table = Table(
            Load(BenchQuery.TwoLevel, BenchMode.Spread, 15_000) with { StoreCallsPerRequest = 2 },
            Load(BenchQuery.TwoLevel, BenchMode.Uncached, 9_800) with { Allocation = new AllocationFigure(29_300, null), StoreCallsPerRequest = 2 });

        Assert.Contains("| 2.0 | 28.6 KB |", Row(table, BenchQuery.TwoLevel));
        Assert.DoesNotContain("untrusted", table);
    }

    /// <summary>
    /// The alloc/req cell stands beside the uncached run's CPU, so it is that run's figure: a figure from the read cache's run
    /// (a mix of hits and misses that follows the graph's size) is not printed there.
    /// </summary>
    [Fact]
    public void TheAllocationPrintedIsTheUncachedRunsNotTheCachedOnes()
    {
        var table = Table(
            Load(BenchQuery.TwoLevel, BenchMode.Spread, 15_000) with { Allocation = new AllocationFigure(17_715, null), StoreCallsPerRequest = 2 },
            Load(BenchQuery.TwoLevel, BenchMode.Uncached, 9_800) with { Allocation = new AllocationFigure(29_300, null), StoreCallsPerRequest = 2 });

        Assert.Contains("| 2.0 | 28.6 KB |", Row(table, BenchQuery.TwoLevel));
        Assert.DoesNotContain("17.3 KB", table);
        Assert.Equal(BenchMode.Uncached, ServiceProbes.AllocationMode);
    }

    [Fact]
    public void ARowWithoutProbeFiguresSaysSo() =>
        Assert.Contains("| n/a | n/a |", Row(Table(Load(BenchQuery.Floor, BenchMode.Uncached, 25_000)), BenchQuery.Floor));

    [Fact]
    public void TheProbesFiguresGoToTheirOwnRows()
    {
        var probes = new ProbeFigures(
            new Dictionary<(BenchMode, string), double> { [(BenchMode.Uncached, BenchQuery.Lookup)] = 1, [(BenchMode.Spread, BenchQuery.Lookup)] = 1.5 },
            new Dictionary<string, AllocationFigure> { [BenchQuery.Lookup] = new(13_700, null) });

        var uncached = probes.Complete(Load(BenchQuery.Lookup, BenchMode.Uncached, 1), BenchMode.Spread);
        var spread = probes.Complete(Load(BenchQuery.Lookup, BenchMode.Spread, 1), BenchMode.Spread);
        var floor = probes.Complete(Load(BenchQuery.Floor, BenchMode.Spread, 1), BenchMode.Spread);

        Assert.Equal((1.0, null), (uncached.StoreCallsPerRequest, uncached.Allocation));
        Assert.Equal((1.5, 13_700.0), (spread.StoreCallsPerRequest, spread.Allocation?.BytesPerRequest));
        Assert.Equal((null, null), (floor.StoreCallsPerRequest, floor.Allocation));
    }

    /// <summary>The client's own CPU stands beside the service's, and the method text says which client drove the load.</summary>
    [Fact]
    public void TheClientsCpuAndTheClientItselfAreReported()
    {
        var uncached = Load(BenchQuery.TwoLevel, BenchMode.Uncached, 9_800) with { CpuMillisecondsPerRequest = 0.171, ClientCpuMillisecondsPerRequest = 0.042 };

        var table = Table(uncached);
        var httpClient = Report.Markdown(new BenchOptions { LoadClient = LoadClientKind.HttpClient, Concurrency = 32 }, new MachineInfo("cpu", 2, 1L << 30, "os", ".NET"),
            [uncached], [], [], [], [], [], DateTimeOffset.UnixEpoch, "1.00");

        Assert.EndsWith("| 0.171 | 0.042 | 386 |", Row(table, BenchQuery.TwoLevel).TrimEnd());
        Assert.Contains("| CPU ms/req | client ms/req | answer B/req |", table);
        Assert.Contains("Load: 8 keep-alive HTTP/1.1 connections over loopback from 2 threads in the harness's process, each thread driving its share on non-blocking sockets from one epoll loop", table);
        var lean = Report.Markdown(new BenchOptions { LoadClient = LoadClientKind.Lean }, new MachineInfo("cpu", 2, 1L << 30, "os", ".NET"),
            [uncached], [], [], [], [], [], DateTimeOffset.UnixEpoch, "1.00");
        Assert.Contains("Load: 8 workers in the harness's process, each with one keep-alive HTTP/1.1 connection", lean);
        Assert.Contains("Load: 32 workers in the harness's process over one .NET HttpClient (SocketsHttpHandler, up to 33", httpClient);
        var loop = Report.Markdown(new BenchOptions { LoadClient = LoadClientKind.Loop, Concurrency = 32, LoadThreads = 3 }, new MachineInfo("cpu", 2, 1L << 30, "os", ".NET"),
            [uncached], [], [], [], [], [], DateTimeOffset.UnixEpoch, "1.00");
        Assert.Contains("Load: 32 keep-alive HTTP/1.1 connections over loopback from 3 threads in the harness's process, each thread driving its share on non-blocking sockets from one epoll loop", loop);
    }
}
