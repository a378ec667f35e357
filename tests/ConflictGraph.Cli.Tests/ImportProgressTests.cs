namespace ConflictGraph.Cli.Tests;

public sealed class ImportProgressTests
{
    [Fact]
    public void SmallInputsReportNothing() => Assert.Null(ImportProgress.For(ImportProgress.LargeInput - 1, TextWriter.Null));

    [Fact]
    public void ALargeWriteSaysWhenItStartsEachTenthAndThatTheCommitIsUnderWay()
    {
        var error = new StringWriter();
        var progress = ImportProgress.For(20_000, error)!;
        foreach (var written in new[] { 1000, 4000, 4100, 19_999, 20_000 }) progress.Report(written);
        Assert.Equal(
            ["writing 20000 nodes and relations in one transaction", "written 20%", "written 90%",
             "written 100%; finishing the transaction (indexes, commit)"],
            error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
