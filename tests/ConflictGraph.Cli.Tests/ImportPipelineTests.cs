using System.Diagnostics;
using System.Text;
using ConflictGraph.Cli.Generate;

namespace ConflictGraph.Cli.Tests;

/// <summary>
/// The import reads and parses on a second thread ahead of the checks and of the write: a problem
/// late in a large input is still reported exactly as the validator names it, with nothing written,
/// and an import interrupted while it writes rolls back and exits.
/// </summary>
public sealed class ImportPipelineTests : IDisposable
{
    private readonly Workspace _work = new();

    [Fact]
    public async Task AnInvalidItemInTheLastFileOfALargeInputFailsTheWholeImportWithItsPathAndWritesNothing()
    {
        var before = await SmallStoreAsync();
        var large = _work.PathOf("large");
        await GraphFileWriter.WriteAsync(new GenerationSettings(4_000, 3, EventsPerFile: 2_000), large, null, CancellationToken.None);
        // Sorted after the generated files: the last item read.
        var late = Path.Combine(large, "999-late.json");
        File.WriteAllText(late, """
            { "relations": [ { "type": "MEMBER_OF", "fromId": "person:kirby", "toId": "org:gone" } ] }
            """);

        var outcome = await _work.RunAsync("import", large);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(
            [$"{late}: relations[0].toId: no node 'org:gone' in the batch or the store", "1 problem(s); nothing was written"],
            Report(outcome.Error));
        Assert.Equal((await _work.RunAsync("validate", large)).Output.Split(Environment.NewLine)[0], Report(outcome.Error)[0]);
        Assert.Equal(before, (await _work.RunAsync("stats")).Output);
    }

    [Fact]
    public async Task AValueOfTheWrongTypeOnALateLineOfALargeInputIsReportedWithItsLineAndNothingIsWritten()
    {
        // Tokenizing (the count) finds nothing wrong here: only parsing the item, in the pass that also writes, does.
        var before = await SmallStoreAsync();
        var large = _work.PathOf("large");
        await GraphFileWriter.WriteAsync(new GenerationSettings(4_000, 3, EventsPerFile: 2_000), large, null, CancellationToken.None);
        var late = Path.Combine(large, "999-late.json");
        File.WriteAllText(late, "{ \"relations\": [\n  { \"type\": \"MEMBER_OF\", \"fromId\": \"person:kirby\", \"toId\": \"org:dod\" },\n  { \"type\": \"MEMBER_OF\", \"fromId\": 7, \"toId\": \"org:dod\" } ] }\n");

        var outcome = await _work.RunAsync("import", large);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(
            [$"{late}: line 3, position 37: $.relations[1].fromId: expected a string", "1 problem(s); nothing was checked further"],
            Report(outcome.Error));
        Assert.Equal((await _work.RunAsync("validate", large)).Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries), Report(outcome.Error));
        Assert.Equal(before, (await _work.RunAsync("stats")).Output);
    }

    [Fact]
    public async Task AMissingNodeTheWriteMeetsFirstAndAProblemOnTheLastItemAreBothReportedAsValidateReportsThemAndNothingIsWritten()
    {
        // (Field problems list before reference problems, whatever their places.)
        var before = await SmallStoreAsync();
        var large = _work.PathOf("large");
        await GraphFileWriter.WriteAsync(new GenerationSettings(4_000, 3, EventsPerFile: 2_000), large, null, CancellationToken.None);
        // Sorted first: its relation is the first the write gets, in a chunk written while validation still reads.
        var early = Path.Combine(large, "000-early.json");
        File.WriteAllText(early, """{ "relations": [ { "type": "MEMBER_OF", "fromId": "person:kirby", "toId": "org:gone" } ] }""");
        var late = Path.Combine(large, "999-late.json");
        File.WriteAllText(late, """{ "relations": [ { "type": "MEMBER_OF", "fromId": "person:kirby" } ] }""");

        var outcome = await _work.RunAsync("import", large);

        Assert.Equal(1, outcome.ExitCode);
        var validated = (await _work.RunAsync("validate", large)).Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [$"{late}: relations[0].toId: required", $"{early}: relations[0].toId: no node 'org:gone' in the batch or the store", "2 problem(s); nothing was written"],
            Report(outcome.Error));
        Assert.Equal(validated[..^1], Report(outcome.Error)[..^1]);
        Assert.Equal(before, (await _work.RunAsync("stats")).Output);
    }

    [SkippableFact]
    public async Task AnImportInterruptedWhileItWritesRollsBackSaysSoAndExits()
    {
        Skip.If(InterruptIgnored(), "SIGINT is ignored by this test process (a shell without job control started it in the "
            + "background), and the child import inherits that, so it cannot be interrupted here");
        var before = await SmallStoreAsync();
        var large = _work.PathOf("large");
        await GraphFileWriter.WriteAsync(new GenerationSettings(40_000, 3, EventsPerFile: 10_000), large, null, CancellationToken.None);
        using var process = ChildCli.Start(_work.StorePath, "import", large);
        var error = new StringBuilder();
        var writing = new TaskCompletionSource();
        // The interrupt goes out from the handler that reads the first progress line of the rows (10% written), not
        // from a continuation: on a busy test host a continuation can wait on the thread pool until the write is done.
        process.ErrorDataReceived += (_, e) =>
        {
            lock (error) error.AppendLine(e.Data);
            if (e.Data?.StartsWith("written ", StringComparison.Ordinal) != true || writing.Task.IsCompleted) return;
            using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString()])) interrupt.WaitForExit();
            writing.TrySetResult();
        };
        process.BeginErrorReadLine();
        var output = process.StandardOutput.ReadToEndAsync();
        var exited = process.WaitForExitAsync();

        // A guard against a hung child, not a timing.
        var first = await Task.WhenAny(writing.Task, exited, Task.Delay(TimeSpan.FromMinutes(3)));
        lock (error) Assert.True(first == writing.Task, $"the import never reached its write:\n{error}");
        Assert.Same(exited, await Task.WhenAny(exited, Task.Delay(TimeSpan.FromMinutes(3))));

        lock (error) Assert.True(process.ExitCode == 1, $"exit code {process.ExitCode}, not 1; its stderr:\n{error}");
        lock (error) Assert.Contains("conflictgraph: cancelled; an import in progress was rolled back", error.ToString());
        Assert.DoesNotContain("created", await output);
        Assert.Equal(before, (await _work.RunAsync("stats")).Output);
        Assert.Equal(["ok"], await StoreIntegrity.CheckAsync(_work.StorePath));
    }

    /// <summary>
    /// What a failed import reports, after the progress it printed: validation and the write are one pass, so a large
    /// input's progress (the count, then each tenth written) comes before a problem is known; the report after it is
    /// exactly what validation alone reports.
    /// </summary>
    private static string[] Report(string error)
    {
        var lines = error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        var progress = lines.TakeWhile(line => line.StartsWith("counted ", StringComparison.Ordinal) || line.StartsWith("written ", StringComparison.Ordinal)).Count();
        Assert.True(progress > 0, error);
        return lines[progress..];
    }

    /// <summary>Whether SIGINT is ignored in this process, which every child started from it inherits (Linux's SigIgn mask).</summary>
    private static bool InterruptIgnored()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << 1)) != 0;
    }

    /// <summary>A store holding two nodes and a relation; its stats.</summary>
    private async Task<string> SmallStoreAsync()
    {
        var small = _work.Write("small.json", """
            { "persons": [ { "id": "person:kirby", "name": "John Kirby" } ],
              "organizations": [ { "id": "org:dod", "name": "Department of Defense", "kind": "GOVERNMENT" } ],
              "relations": [ { "type": "MEMBER_OF", "fromId": "person:kirby", "toId": "org:dod" } ] }
            """);
        Assert.Equal(0, (await _work.RunAsync("import", small)).ExitCode);
        return (await _work.RunAsync("stats")).Output;
    }

    public void Dispose() => _work.Dispose();
}
