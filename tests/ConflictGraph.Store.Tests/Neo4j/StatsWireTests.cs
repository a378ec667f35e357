using ConflictGraph.Core.Model;
using ConflictGraph.Neo4j.Cypher;
using ConflictGraph.Neo4j.Layout;
using static ConflictGraph.Store.Tests.Neo4j.WireScripts;

namespace ConflictGraph.Store.Tests.Neo4j;

/// <summary>
/// The graph's counts (nodes per kind, relations) are one statement, so one Query API request where there were two;
/// every count is a subquery of its own that Neo4j answers from its count store.
/// </summary>
public sealed class StatsWireTests
{
    private static async Task<(GraphStats Stats, List<string> Sent)> StatsAsync(IReadOnlyDictionary<string, long> kinds, long relations)
    {
        var columns = Labels.Kinds.Append("relations").ToArray();
        var row = $"[{string.Join(",", columns.Select(c => Integer(c == "relations" ? relations : kinds.GetValueOrDefault(c))))}]";
        var (store, server) = WireScripts.Store(WithSchema(new ScriptedServer()).Answer(ScriptedServer.Rows(columns, row)));
        using (store)
        {
            var stats = await store.GetStatsAsync(CancellationToken.None);
            return (stats, server.Requests.Skip(SetUp).Select(r => StatementOf(r.Body)!).ToList());
        }
    }

    [Fact]
    public async Task NodesPerKindAndRelationsAreOneRequest()
    {
        var (stats, sent) = await StatsAsync(new Dictionary<string, long> { ["Statement"] = 7, ["Event"] = 3, ["Organization"] = 2 }, 11);

        Assert.Equal(Statements.Stats, Assert.Single(sent));
        Assert.Equal((12, 11), (stats.Nodes, stats.Relations));
        // Kinds with nodes only, in label order, as the two statements listed them.
        Assert.Equal([(NodeKind.Event, 3), (NodeKind.Organization, 2), (NodeKind.Statement, 7)], stats.ByKind.Select(k => (k.Kind, k.Count)));
    }

    [Fact]
    public async Task AnEmptyGraphCountsNothing()
    {
        var (stats, sent) = await StatsAsync(new Dictionary<string, long>(), 0);

        Assert.Single(sent);
        Assert.Equal((0, 0), (stats.Nodes, stats.Relations));
        Assert.Empty(stats.ByKind);
    }

    [Fact]
    public void EveryCountIsAnUncorrelatedSubqueryOfOneUngroupedCount()
    {
        // The count store answers a query part whose only aggregation is count, with no grouping key and no variable
        // brought in; a constant beside the count (the old `'Event' AS kind`) is a grouping key. Each kind, each type:
        foreach (var label in Labels.Kinds)
            Assert.Contains($"CALL () {{ MATCH (n:{label}) RETURN count(n) AS {label} }}", Statements.Stats);
        foreach (var type in RelationshipTypes.Relations)
            Assert.Contains($"MATCH ()-[r:{type}]->() RETURN count(r) AS count", Statements.Stats);
        Assert.DoesNotContain(" AS kind", Statements.Stats);
    }
}
