using ConflictGraph.Core.Import;
using ConflictGraph.Core.Import.Sources;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Store;
using ConflictGraph.Sqlite;
using ConflictGraph.Store.Tests.Conformance;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>
/// A batch validated by the same reading that writes it, in chunks of one item: the chunks read before a problem are
/// written inside the transaction, and the problem, found later, rolls them back and is reported with every other
/// problem, exactly as validation alone reports them; a node naming a node later in the batch is written.
/// </summary>
public sealed class OnePassImportTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string folder = Directory.CreateTempSubdirectory("conflictgraph-onepass-").FullName;
    private readonly SqliteGraphStore store;

    public OnePassImportTests() => store = new SqliteGraphStore(new SqliteStoreOptions { Path = Path.Combine(folder, "onepass.db") });

    [Fact]
    public async Task AProblemInTheLastItemRollsBackTheChunksWrittenBeforeItAndEveryProblemIsReportedAsValidationReportsIt()
    {
        await store.ImportAsync(TestWorld.Batch, null, None);
        var before = await store.GetStatsAsync(None);
        var history = (await store.ReadHistoryAsync(0, 1000, None)).Count;
        const string input = """
            { "persons": [ { "id": "person:new", "name": "New" }, { "id": "person:other", "name": "Other" } ],
              "relations": [
                { "type": "MEMBER_OF", "fromId": "person:new", "toId": "org:pentagon" },
                { "type": "MEMBER_OF", "fromId": "person:other" },
                { "type": "EMPLOYS", "fromId": "person:new", "toId": "org:press" } ] }
            """;
        var expected = await GraphValidator.ValidateAsync(Source(input), store, None);
        Assert.Equal(2, expected.Problems.Count);
        var written = 0;
        var chunks = await OnePassAsync(input);

        var error = await Assert.ThrowsAsync<GraphValidationException>(
            () => store.ImportAsync(chunks, WriteContext.Unattributed with { Progress = new SynchronousProgress<int>(n => written = Math.Max(written, n)) }, None));

        Assert.Equal(expected.Problems, error.Problems);
        // The two persons and the first relation went into the transaction before the problems were known.
        Assert.Equal(3, written);
        var after = await store.GetStatsAsync(None);
        Assert.Equal((before.Nodes, before.Relations), (after.Nodes, after.Relations));
        Assert.Empty(await store.GetNodesAsync(["person:new", "person:other"], None));
        Assert.Equal(history, (await store.ReadHistoryAsync(0, 1000, None)).Count);
        Assert.False(chunks.IsValidated);
    }

    [Fact]
    public async Task ANodeNamingANodeLaterInTheBatchIsWrittenAndANodeNamingNoNodeFailsTheBatch()
    {
        const string later = """
            { "persons": [ { "id": "person:new", "name": "New", "roles": [ { "title": "Chief", "organizationId": "org:later" } ] } ],
              "organizations": [ { "id": "org:later", "name": "Later", "kind": "MILITARY" } ] }
            """;

        var result = await store.ImportAsync(await OnePassAsync(later), null, None);

        Assert.Equal(2, result.Created);
        Assert.Equal(["person:new"], (await store.GetReferencingNodesAsync("org:later", None)).Select(n => n.Id));

        var missing = later.Replace("org:later\" } ] } ]", "org:nowhere\" } ] } ]");
        var error = await Assert.ThrowsAsync<GraphValidationException>(() => store.ImportAsync(OnePass(missing, new GraphSize(2, 0, 0)), null, None));

        Assert.Equal("persons[0].roles[0].organizationId: no node 'org:nowhere' in the batch or the store", Assert.Single(error.Problems).ToString());
        Assert.Equal(2, (await store.GetStatsAsync(None)).Nodes);
    }

    [Fact]
    public async Task AnImportWhoseWriteMeetsAMissingNodeBeforeValidationHasLookedItUpReportsEveryProblemOfTheInput()
    {
        // The relations' chunk reaches the write while validation still holds 'org:gone' for a store lookup, a thousand
        // ids at a time: the write's own check finds it first, and the import then reports the input's problems.
        var relations = string.Join(",\n", Enumerable.Range(0, 10_050).Select(i =>
            i == 5 ? """{ "type": "MEMBER_OF", "fromId": "person:kirby", "toId": "org:gone" }"""
            : i == 10_049 ? """{ "type": "EMPLOYS", "fromId": "person:kirby", "toId": "org:pentagon" }"""
            : """{ "type": "MEMBER_OF", "fromId": "person:kirby", "toId": "org:pentagon" }"""));
        var input = $$"""{ "relations": [ {{relations}} ] }""";
        await store.ImportAsync(TestWorld.Batch, null, None);
        var before = await store.GetStatsAsync(None);
        var expected = await GraphValidator.ValidateAsync(Source(input), store, None);

        var error = await Assert.ThrowsAsync<GraphValidationException>(() => GraphImporter.ImportAsync(Source(input), store, null, null, None));

        Assert.Equal(2, expected.Problems.Count);
        Assert.Equal(expected.Problems, error.Problems);
        Assert.Equal(before.Relations, (await store.GetStatsAsync(None)).Relations);
    }

    private static InputSource Source(string json) => new(GraphInputReader.Read(json).Input);

    private async Task<GraphChunks> OnePassAsync(string json)
    {
        var source = Source(json);
        return new GraphChunks(source, await source.CountAsync(None), store) { ChunkSize = 1 };
    }

    private GraphChunks OnePass(string json, GraphSize size) => new(Source(json), size, store) { ChunkSize = 1 };

    public void Dispose()
    {
        store.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
