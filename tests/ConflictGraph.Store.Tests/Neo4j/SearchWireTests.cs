using System.Globalization;
using ConflictGraph.Core.Model;
using ConflictGraph.Neo4j;
using ConflictGraph.Neo4j.Cypher;
using static ConflictGraph.Store.Tests.Neo4j.WireScripts;

namespace ConflictGraph.Store.Tests.Neo4j;

/// <summary>
/// Search's two tiers (names first, then the whole text when names leave room) are one statement, so one Query API
/// request where there were two; the hits are read from its two lists as the two statements' rows were read.
/// </summary>
public sealed class SearchWireTests
{
    private static string Hit(string id, string kind, double score) => Map(("id", ScriptedServer.Text(id)), ("kind", ScriptedServer.Text(kind)),
        ("score", $$"""{"$type":"Float","_value":{{score.ToString("R", CultureInfo.InvariantCulture)}}}"""));

    private static async Task<(IReadOnlyList<SearchHit> Hits, List<(string Statement, System.Text.Json.Nodes.JsonNode Parameters)> Sent)> SearchAsync(
        string answer, IReadOnlyCollection<NodeKind>? kinds, int limit)
    {
        var (store, server) = WireScripts.Store(WithSchema(new ScriptedServer()).Answer(answer));
        using (store)
        {
            var hits = await store.SearchAsync("Kata'ib strikes", kinds, limit, CancellationToken.None);
            return (hits, server.Requests.Skip(SetUp).Select(r => (StatementOf(r.Body)!, ParametersOf(r.Body))).ToList());
        }
    }

    private static string Tiers(string[] names, string[] texts) => ScriptedServer.Rows(["names", "texts"], $"[{List(names)},{List(texts)}]");

    [Fact]
    public async Task BothTiersAreOneRequestAndTheWholeTextFillsOnlyTheRoomNamesLeave()
    {
        var answer = Tiers([Hit("org:kh", "Organization", 2.5), Hit("person:kirby", "Person", 1.5)],
            [Hit("event:a", "Event", 3.0), Hit("statement:b", "Statement", 1.0), Hit("statement:c", "Statement", 0.5)]);

        var (hits, sent) = await SearchAsync(answer, null, 4);

        var (statement, parameters) = Assert.Single(sent);
        Assert.Equal(Statements.Search, statement);
        // Each tier is asked for the whole page; the room is taken in C#, where the old second statement was limited to it.
        Assert.Equal((Neo4jGraphStore.FullText("Kata'ib strikes"), 4), (parameters["query"]!.GetValue<string>(), parameters["limit"]!.GetValue<int>()));
        Assert.Null(parameters["kinds"]);
        Assert.Equal(["org:kh True 2.5", "person:kirby True 1.5", "event:a False 3", "statement:b False 1"],
            hits.Select(h => $"{h.NodeId} {h.NameMatch} {h.Score.ToString(CultureInfo.InvariantCulture)}"));
        Assert.Equal([NodeKind.Organization, NodeKind.Person, NodeKind.Event, NodeKind.Statement], hits.Select(h => h.Kind));
    }

    [Fact]
    public async Task NamesThatFillThePageLeaveNoWholeTextHits()
    {
        var (hits, sent) = await SearchAsync(Tiers([Hit("org:kh", "Organization", 2.5), Hit("person:kirby", "Person", 1.5)], []), [NodeKind.Organization, NodeKind.Event], 2);

        Assert.Single(sent);
        Assert.Equal(["org:kh", "person:kirby"], hits.Select(h => h.NodeId));
        Assert.All(hits, h => Assert.True(h.NameMatch));
        Assert.Equal(["Organization", "Event"], sent[0].Parameters["kinds"]!.AsArray().Select(k => k!.GetValue<string>()));
    }

    [Fact]
    public void TheWholeTextIsAskedOnlyWhenNamesLeaveRoomAndLeavesTheNamesOut()
    {
        var text = Statements.Search;
        var whole = text[text.IndexOf("CALL (names) {", StringComparison.Ordinal)..];
        Assert.StartsWith("CALL (names) { WITH * WHERE size(names) < $limit CALL db.index.fulltext.queryNodes('conflictgraph_search', $query) ", whole);
        Assert.Contains("AND NOT node.id IN [hit IN names | hit.id] ", whole);
        Assert.StartsWith("CALL () { CALL db.index.fulltext.queryNodes('conflictgraph_names', $query) ", text);
        // Both tiers best first by score then id (a total order), sorted before they are collected.
        Assert.Equal(2, text.Split("WITH node.id AS id, kind, score ORDER BY score DESC, id LIMIT $limit RETURN collect({id: id, kind: kind, score: score}) AS ").Length - 1);
        Assert.EndsWith("RETURN names, texts", text);
    }

    [Fact]
    public async Task KindsWithoutNamesAskTheWholeTextAloneInOneRequest()
    {
        var answer = ScriptedServer.Rows(["id", "kind", "score"],
            $$"""[{{ScriptedServer.Text("statement:b")}},{{ScriptedServer.Text("Statement")}},{"$type":"Float","_value":1.25}]""");

        var (hits, sent) = await SearchAsync(answer, [NodeKind.Statement], 10);

        Assert.Equal(Statements.TextSearch, Assert.Single(sent).Statement);
        Assert.Equal(["Statement"], sent[0].Parameters["kinds"]!.AsArray().Select(k => k!.GetValue<string>()));
        var hit = Assert.Single(hits);
        Assert.Equal(("statement:b", NodeKind.Statement, 1.25, false), (hit.NodeId, hit.Kind, hit.Score, hit.NameMatch));
    }
}
