using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;

namespace ConflictGraph.Store.Tests.Conformance;

public abstract partial class GraphStoreConformanceTests
{
    private static NodeQuery SpokenBy(string speaker, IReadOnlyList<Stance>? stances = null) =>
        StatementsOf(new StatementCriteria { SpeakerId = speaker, Stances = stances });

    [SkippableFact]
    public async Task ASpeakersStatementTotalFollowsStatementsWrittenReattributedAndDeleted()
    {
        var store = await CreateWorldAsync();
        await store.ImportAsync(new GraphBatch(PentagonStatements, []), null, None);
        await AssertTotalIsTheWalkAsync(store, SpokenBy("person:kirby"), ["statement:kirby", "statement:p-a", "statement:p-d"]);
        await AssertTotalIsTheWalkAsync(store, SpokenBy("person:muhandis"), ["statement:other"]);
        // An organization that speaks: its total as a speaker is its own statements by speakerId, not its organization's.
        await AssertTotalIsTheWalkAsync(store, SpokenBy("org:press"), ["statement:monitor"]);

        // A statement added, and one re-attributed to another speaker (its refs written again).
        await store.ImportAsync(new GraphBatch(
            [Said("statement:p-f", Stance.Denies, TestWorld.June28, "person:kirby", null), Said("statement:p-a", Stance.Asserts, null, "person:muhandis", null)], []), null, None);
        await AssertTotalIsTheWalkAsync(store, SpokenBy("person:kirby"), ["statement:kirby", "statement:p-d", "statement:p-f"]);
        await AssertTotalIsTheWalkAsync(store, SpokenBy("person:muhandis"), ["statement:other", "statement:p-a"]);
        // A condition on the statement beside the speaker is counted, not read from the kept total.
        await AssertTotalIsTheWalkAsync(store, SpokenBy("person:kirby", [Stance.Denies]), ["statement:p-f"]);
        // Spoken by an organization, then by nobody: out of the person's total, into the organization's as a speaker.
        await store.ImportAsync(new GraphBatch([Said("statement:p-d", Stance.Asserts, null, "org:press", null)], []), null, None);
        await AssertTotalIsTheWalkAsync(store, SpokenBy("person:kirby"), ["statement:kirby", "statement:p-f"]);
        await AssertTotalIsTheWalkAsync(store, SpokenBy("org:press"), ["statement:monitor", "statement:p-d"]);
        await store.ImportAsync(new GraphBatch([Said("statement:p-d", Stance.Asserts, null, null, "org:pentagon")], []), null, None);
        await AssertTotalIsTheWalkAsync(store, SpokenBy("org:press"), ["statement:monitor"]);

        // A statement deleted, then the speaker: every statement it spoke loses its speaker.
        Assert.True(await store.DeleteNodeAsync("statement:p-a", null, None));
        await AssertTotalIsTheWalkAsync(store, SpokenBy("person:muhandis"), ["statement:other"]);
        Assert.True(await store.DeleteNodeAsync("person:kirby", null, None));
        await AssertTotalIsTheWalkAsync(store, SpokenBy("person:kirby"), []);
        await AssertTotalIsTheWalkAsync(store, StatementsOf(new StatementCriteria { Anonymous = true }),
            ["statement:militia", "statement:p-b", "statement:p-c", "statement:p-d", "statement:p-e", "statement:kirby", "statement:p-f"]);
    }
}
