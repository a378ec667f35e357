using ConflictGraph.Benchmarks;

namespace ConflictGraph.Benchmarks.Tests;

/// <summary>The import table says what its floor is, and divides our rate by the floor's of the same size.</summary>
public sealed class ImportReportTests
{
    private static ImportMeasure Measure(double seconds, double cpuSeconds) =>
        new(10_000, 25_000, 31_000, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(cpuSeconds), 100L << 20, Reused: false);

    [Fact]
    public void TheFloorRowSaysItLoadsEveryTableAndOurRowIsReadAgainstIt()
    {
        var text = ImportReport.Markdown(new BenchOptions(), new MachineInfo("cpu", 2, 1L << 30, "os", ".NET"), [Measure(4, 5)], [Measure(3, 2)],
            DateTimeOffset.UnixEpoch, "1.00");

        var ours = text.Split('\n').Single(line => line.StartsWith("| ours", StringComparison.Ordinal));
        Assert.Contains("| 0.75 |", ours);
        Assert.Contains("| 0.40 |", ours);
        Assert.Contains("| floor (`sqlite3` `.import` of every table), 10,000 events |", text);
        Assert.Contains(ImportReport.FloorDefinition, text);
        Assert.Contains("- MISSED: import at 10,000 events: 75 % of the sqlite3 floor's items/s (target >= 80%)", text);
    }

    [Fact]
    public void WithoutAFloorNothingIsSaidOfOne() =>
        Assert.DoesNotContain(ImportReport.FloorDefinition,
            ImportReport.Markdown(new BenchOptions(), new MachineInfo("cpu", 2, 1L << 30, "os", ".NET"), [Measure(4, 5)], [], DateTimeOffset.UnixEpoch, "1.00"));
}
