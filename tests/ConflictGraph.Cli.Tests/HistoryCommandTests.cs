using ConflictGraph.Core.History;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;

namespace ConflictGraph.Cli.Tests;

/// <summary><c>history compact --before DATE</c> through the CLI's entry point, on a real store file.</summary>
public sealed class HistoryCommandTests : IDisposable
{
    private readonly Workspace _work = new();

    private static string Tomorrow => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd");

    private string Persons(string name, string description, bool withOther = true) => _work.Write(name, $$"""
        { "persons": [ { "id": "person:a", "name": "A", "description": "{{description}}" }{{(withOther ? """, { "id": "person:gone", "name": "Gone" }""" : "")}} ] }
        """);

    private async Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string? target = null)
    {
        using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = _work.StorePath });
        return (await store.FindHistoryAsync(new HistoryQuery(target), new PageRequest(100), CancellationToken.None)).Items.Select(i => i.Item).ToList();
    }

    [Fact]
    public async Task CompactionFoldsOldUpdatesKeepsDeletionsAndSaysWhatItRemoved()
    {
        Assert.Equal(0, (await _work.RunAsync("import", Persons("1.json", "first"))).ExitCode);
        Assert.Equal(0, (await _work.RunAsync("import", Persons("2.json", "second", withOther: false))).ExitCode);
        Assert.Equal(0, (await _work.RunAsync("import", Persons("3.json", "third", withOther: false))).ExitCode);
        using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = _work.StorePath }))
            Assert.True(await store.DeleteNodeAsync("person:gone", new WriteContext("test"), CancellationToken.None));
        Assert.Equal(5, (await HistoryAsync()).Count);

        var compacted = await _work.RunAsync("history", "compact", "--before", Tomorrow);

        Assert.Equal(0, compacted.ExitCode);
        Assert.Contains($"removed 2 entries written before {Tomorrow}T00:00:00Z: NODE_UPDATED 2", compacted.Output);
        Assert.Contains("the log holds 3 entries", compacted.Output);
        var a = Assert.Single(await HistoryAsync("person:a"));
        Assert.Equal(HistoryKind.NodeCreated, a.Kind);
        Assert.Contains("third", a.After);
        Assert.Equal([HistoryKind.NodeCreated, HistoryKind.NodeDeleted], (await HistoryAsync("person:gone")).Select(e => e.Kind));

        var again = await _work.RunAsync("history", "compact", "--before", Tomorrow);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("nothing to fold", again.Output);
        Assert.Equal(["ok"], await StoreIntegrity.CheckAsync(_work.StorePath));
    }

    [Fact]
    public async Task CompactionBeforeTheWritesRemovesNothing()
    {
        await _work.RunAsync("import", Persons("1.json", "first"));
        await _work.RunAsync("import", Persons("2.json", "second"));
        var compacted = await _work.RunAsync("history", "compact", "--before", "2020-01-01T00:00:00+02:00");
        Assert.Equal(0, compacted.ExitCode);
        Assert.Contains("nothing to fold before 2019-12-31T22:00:00Z", compacted.Output);
        Assert.Equal(3, (await HistoryAsync()).Count);
    }

    [Theory]
    [InlineData("last week")]
    [InlineData("2026-13-01")]
    [InlineData("2026-11-01T12:00:00")]
    public async Task ADateThatIsNotOneIsRefusedNamingIt(string date)
    {
        await _work.RunAsync("import", Persons("1.json", "first"));
        var refused = await _work.RunAsync("history", "compact", "--before", date);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"--before '{date}' is not a date", refused.Error);
    }

    public void Dispose() => _work.Dispose();
}
