namespace ConflictGraph.Benchmarks.Tests;

/// <summary>The Results block says how warm each size's store was, and which policy put it there.</summary>
public sealed class StoreCacheReportTests
{
    private static readonly CacheReading Cold = new(new CacheResidency(1_536L << 20, 7_268L << 20), null);
    private static readonly CacheReading Warm = new(new CacheResidency(7_268L << 20, 7_268L << 20), null);

    private static string Results(BenchOptions options, params StoreCacheStep[] steps) =>
        Report.Markdown(options, new MachineInfo("cpu", 2, 1L << 30, "os", ".NET"), [], [], [], [], [], [], DateTimeOffset.UnixEpoch, "1.00", steps);

    private static string Row(string table, string start) => table.Split('\n').Single(line => line.StartsWith(start, StringComparison.Ordinal));

    [Fact]
    public void EachStepsCacheStateAndReadArePrinted()
    {
        var results = Results(new BenchOptions(),
            new StoreCacheStep(1_000_000, null, Cold, new ReadThrough(7_268L << 20, TimeSpan.FromSeconds(16.24)), Warm),
            new StoreCacheStep(1_000_000, BenchMode.Uncached, Warm, new ReadThrough(7_268L << 20, TimeSpan.FromSeconds(1.5)), Warm, Cold));

        Assert.Contains("(`--store-cache read`, the default)", results);
        Assert.Equal("| 1,000,000 | the size's start (probes, cold burst) | 21.1% of 7.10 GiB | 7.10 GiB in 16.2 s | 100.0% of 7.10 GiB |  |",
            Row(results, "| 1,000,000 | the size's start"));
        Assert.Equal("| 1,000,000 | uncached | 100.0% of 7.10 GiB | 7.10 GiB in 1.5 s | 100.0% of 7.10 GiB | 21.1% of 7.10 GiB |",
            Row(results, "| 1,000,000 | uncached"));
    }

    [Fact]
    public void AStoreLeftAsItWasAndAReadingThatFailedSaySo()
    {
        var unreadable = new CacheReading(null, "the OS cache state of /w/store.db is read with Linux's mincore, and this is Darwin");
        var results = Results(BenchOptions.Parse(["--store-cache", "as-left"]), new StoreCacheStep(10_000, BenchMode.Spread, unreadable, null, unreadable, unreadable));

        Assert.Contains("(`--store-cache as-left`)", results);
        Assert.Contains("--store-cache as-left", Row(results, "dotnet run"));
        Assert.Equal("| 10,000 | spread | unreadable: the OS cache state of /w/store.db is read with Linux's mincore, and this is Darwin | not read (as left) | " +
                     "unreadable: the OS cache state of /w/store.db is read with Linux's mincore, and this is Darwin | " +
                     "unreadable: the OS cache state of /w/store.db is read with Linux's mincore, and this is Darwin |",
            Row(results, "| 10,000 | spread"));
    }
}
