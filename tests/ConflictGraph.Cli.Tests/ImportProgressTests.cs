using Microsoft.Extensions.Time.Testing;

namespace ConflictGraph.Cli.Tests;

public sealed class ImportProgressTests
{
    private readonly FakeTimeProvider clock = new();

    [Fact]
    public void SmallInputsReportNothing() => Assert.Null(ImportProgress.For(ImportProgress.LargeInput - 1, TextWriter.Null, live: false));

    [Fact]
    public void OffATerminalAWriteSaysWhenItStartsEachTenthWithItsRateAndThatTheCommitIsUnderWay()
    {
        var error = new StringWriter();
        var progress = ImportProgress.For(20_000, error, live: false, clock)!;
        progress.Counted("100 nodes, 19,900 relations", TimeSpan.FromSeconds(1.5));
        foreach (var written in new[] { 1000, 4000, 4100, 19_999, 20_000 })
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            progress.Report(written);
        }
        Assert.Equal(
            ["counted 100 nodes, 19,900 relations in 1.5 s; validating and writing 20,000 items in one transaction",
             "written 20% (2,000 items/s, 0m08s left)", "written 90% (5,000 items/s, 0m00s left)",
             "written 20,000 items in 5.0 s; finishing the transaction (indexes, commit)"],
            Lines(error));
    }

    [Fact]
    public void OnATerminalABarIsRedrawnInPlaceAtMostFourTimesASecond()
    {
        var error = new StringWriter();
        var progress = ImportProgress.For(40_000, error, live: true, clock)!;
        progress.Counted("40,000 nodes", TimeSpan.FromSeconds(2));
        clock.Advance(TimeSpan.FromSeconds(1));
        progress.Report(10_000);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        progress.Report(11_000);
        clock.Advance(TimeSpan.FromSeconds(1));
        progress.Report(20_000);
        clock.Advance(TimeSpan.FromSeconds(2));
        progress.Report(40_000);

        var text = error.ToString();
        var frames = text.Split('\r');
        Assert.Equal(4, frames.Length);
        Assert.StartsWith("writing [#######-----------------------]  25% 10,000/40,000 items, 10,000 items/s, 0m03s left", frames[1]);
        Assert.StartsWith("writing [###############---------------]  50% 20,000/40,000 items, 9,524 items/s, 0m02s left", frames[2]);
        Assert.StartsWith("writing [##############################] 100% 40,000/40,000 items", frames[3]);
        Assert.EndsWith($"written 40,000 items in 4.1 s; finishing the transaction (indexes, commit){Environment.NewLine}", text);
    }

    private static string[] Lines(StringWriter error) => error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
}
