using ConflictGraph.Core.History;
using ConflictGraph.Core.Model;

namespace ConflictGraph.Store.Tests.Conformance;

/// <summary>What the log says a statement was about, so its readers need not read the statement.</summary>
public abstract partial class GraphStoreConformanceTests
{
    [SkippableFact]
    public async Task AStatementsEntriesSayWhatItWasAboutBeforeAndAfterEachChange()
    {
        var store = await CreateWorldAsync();
        var version = await store.GetDataVersionAsync(None);
        var note = new Statement("statement:note", "a note", Stance.Reports, null, null, null, null, null, ["event:strikes"], null, []);
        await store.ImportAsync(new GraphBatch([note], []), Alice, None);
        await store.ImportAsync(new GraphBatch([note with { AboutIds = ["event:drones"] }], []), Alice, None);
        Assert.True(await store.DeleteNodeAsync("statement:note", Alice, None));

        var tail = (await store.ReadHistoryAsync(version, 100, None)).Where(e => e.TargetId == "statement:note").ToList();
        Assert.Equal(["NodeCreated event:strikes", "NodeUpdated event:drones event:strikes", "NodeDeleted event:drones"],
            tail.Select(e => $"{e.Kind} {string.Join(' ', e.AboutIds!)}"));
        // Other nodes' entries do not carry it.
        Assert.All((await store.ReadHistoryAsync(0, 100, None)).Where(e => e.NodeKind is not NodeKind.Statement), e => Assert.Null(e.AboutIds));
    }
}
