using System.Text;
using ConflictGraph.Cli.Generate;
using ConflictGraph.Sqlite;

namespace ConflictGraph.Cli.Tests;

public sealed class ImportDurabilityTests : IDisposable
{
    private readonly Workspace _work = new();

    [Fact]
    public async Task ImportKilledHalfWayLeavesStoreAndChangeLogUnchanged()
    {
        var small = _work.Write("small.json", """
            { "persons": [ { "id": "person:kirby", "name": "John Kirby" } ],
              "organizations": [ { "id": "org:dod", "name": "Department of Defense", "kind": "GOVERNMENT" } ],
              "relations": [ { "type": "MEMBER_OF", "fromId": "person:kirby", "toId": "org:dod" } ] }
            """);
        Assert.Equal(0, (await _work.RunAsync("import", small)).ExitCode);
        var statsBefore = (await _work.RunAsync("stats")).Output;
        var logBefore = await LogAsync();
        await _work.RunAsync("export", _work.PathOf("before.json"));
        // Large enough that writing takes a while: the kill must land inside the write transaction.
        var large = _work.PathOf("large");
        await GraphFileWriter.WriteAsync(new GenerationSettings(40_000, 3, EventsPerFile: 20_000), large, null, CancellationToken.None);

        var (output, error) = await KillWhenWritingAsync(ChildCli.Start(_work.StorePath, "import", large));

        Assert.DoesNotContain("created", output);
        Assert.Equal(statsBefore, (await _work.RunAsync("stats")).Output);
        await _work.RunAsync("export", _work.PathOf("after.json"));
        Assert.Equal(File.ReadAllText(_work.PathOf("before.json")), File.ReadAllText(_work.PathOf("after.json")));
        Assert.Equal(["ok"], await StoreIntegrity.CheckAsync(_work.StorePath));
        Assert.Contains("written ", error);
        // Killed with SIGKILL inside its transaction: neither the change nor its log entries.
        Assert.Equal(logBefore, await LogAsync());
        Assert.Equal(["cli"], logBefore.Select(e => e.Split(' ')[^1]).Distinct());
    }

    /// <summary>The change log as lines: sequence, kind, target, writer.</summary>
    private async Task<List<string>> LogAsync()
    {
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = _work.StorePath });
        return (await store.ReadHistoryAsync(0, 1_000_000, CancellationToken.None)).Select(e => $"{e.Sequence} {e.Kind} {e.TargetId} {e.Batch.Writer}").ToList();
    }

    private static async Task<(string Output, string Error)> KillWhenWritingAsync(System.Diagnostics.Process process)
    {
        using var _ = process;
        var output = new StringBuilder();
        var error = new StringBuilder();
        var writing = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (error) error.AppendLine(e.Data);
            // The first tenth written: the write transaction is open.
            if (e.Data?.StartsWith("written ", StringComparison.Ordinal) == true) writing.TrySetResult();
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        // A guard against a hung child, not a timing: the test only cares what happens after the kill.
        var first = await Task.WhenAny(writing.Task, exited, Task.Delay(TimeSpan.FromMinutes(3)));
        if (first == writing.Task) process.Kill();
        await exited;
        lock (error) Assert.True(first == writing.Task, $"the import never reached its write:\n{error}\n{output}");
        lock (output) lock (error) return (output.ToString(), error.ToString());
    }

    public void Dispose() => _work.Dispose();
}
