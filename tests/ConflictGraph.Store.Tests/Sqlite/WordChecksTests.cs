using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Store.Tests.Conformance;
using ConflictGraph.Store.Tests.Sqlite.Plans;

namespace ConflictGraph.Store.Tests.Sqlite;

/// <summary>
/// The embedded store's choice between checking each candidate of another criterion against a filter's words and listing
/// the words' matches once (WordChecks), on the graph of <see cref="GraphStoreConformanceTests.WordsBySizeGraph"/>, whose
/// answers the conformance suite checks: a common word beside a few candidates checks each one, beside many lists the
/// matches, a rare word is listed, and so is a word whose terms the index might fold otherwise than the words are folded.
/// </summary>
public sealed class WordChecksTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TemporaryStores files = new("conflictgraph-word-checks-");

    private const string EachCandidate = "AND rowid = n.seq)";
    private const string Listed = "+n.seq IN (SELECT rowid FROM search";

    [Theory]
    [InlineData("org:few", "attack", EachCandidate)]
    [InlineData("org:few", "shell", EachCandidate)]
    // Two common words seldom together: their matches are few, so listed.
    [InlineData("org:few", "attack shell", Listed)]
    [InlineData("person:few", "attack", EachCandidate)]
    [InlineData("org:many", "attack", Listed)]
    [InlineData("person:many", "attack", Listed)]
    [InlineData("org:few", "bridge", Listed)]
    [InlineData("org:few", "østre", Listed)]
    public async Task WordsAreCheckedPerCandidateOnlyWhenTheMatchesFarOutnumberTheCandidates(string actor, string text, string expected)
    {
        var (store, _) = files.Open($"{actor.Replace(':', '-')}-{text.Length}.db");
        await store.ImportAsync(GraphStoreConformanceTests.WordsBySizeGraph(), null, None);
        var log = new StatementLog();
        log.Attach(store);
        log.Label = "page";
        var query = actor.StartsWith("org:", StringComparison.Ordinal)
            ? new NodeQuery { Kinds = [NodeKind.Event], Order = NodeOrder.DateAsc, Events = new EventCriteria { PerpetratorId = actor }, Text = text }
            : new NodeQuery { Kinds = [NodeKind.Statement], Order = NodeOrder.DateAsc, Statements = new StatementCriteria { SpeakerId = actor }, Text = text };

        await store.FindNodesAsync([(query, new PageRequest(20, null, CountTotal: true))], None);

        var reads = log.Statements.Where(s => s.Label == "page" && s.Sql.Contains("FROM search", StringComparison.Ordinal)
                                                 && !s.Sql.StartsWith("SELECT count(*) FROM (SELECT 1 FROM search", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(reads);
        Assert.All(reads, s => Assert.Contains(expected, s.Sql, StringComparison.Ordinal));
    }

    public void Dispose() => files.Dispose();
}
