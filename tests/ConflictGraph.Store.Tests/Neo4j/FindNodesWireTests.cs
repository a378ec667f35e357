using System.Text.Json.Nodes;
using ConflictGraph.Core.Import;
using ConflictGraph.Core.Model;
using ConflictGraph.Core.Paging;
using ConflictGraph.Core.Store;
using ConflictGraph.Neo4j;
using ConflictGraph.Neo4j.Cypher;
using static ConflictGraph.Store.Tests.Neo4j.WireScripts;

namespace ConflictGraph.Store.Tests.Neo4j;

/// <summary>
/// A batch of top-level pages (events, statements about a node, a list filtered by anything) is one Query API request:
/// one statement of pages, each counted when asked and read by the clauses FindNodesAsync used to send as a count and a
/// rows statement of their own, so on Aura or a cluster one round trip where there were up to two a page.
/// </summary>
public sealed class FindNodesWireTests
{
    private static NodeQuery StatementsAbout(string id) =>
        new() { Kinds = [NodeKind.Statement], Order = NodeOrder.DateAsc, Statements = new StatementCriteria { AboutId = id } };

    private static readonly NodeQuery Events = new() { Kinds = [NodeKind.Event], Order = NodeOrder.DateDesc, Events = new EventCriteria { Kinds = [EventKind.Airstrike] } };

    /// <summary>Three events, x1 to x3 dated the 21st to the 23rd; no statement is about <c>event:none</c>.</summary>
    private static readonly Event[] Found = Enumerable.Range(1, 3).Select(i => new Event($"event:x{i}", $"X{i}", EventKind.Airstrike, null, FuzzyDate.Day(new DateOnly(2021, 6, 20 + i)))).ToArray();

    private static bool Holds(JsonObject page) => page["about"]?.GetValue<string>() != "event:none";

    /// <summary>A page's rows as the statement collects them: those after its cursor (by id, enough for these pages), at most its limit.</summary>
    private static string[] Rows(JsonObject page) => !Holds(page) ? [] :
        Found.Where(e => page["afterId"] is null || string.CompareOrdinal(e.Id, page["afterId"]!.GetValue<string>()) > 0)
            .Select(e => Map(("kind", ScriptedServer.Text("Event")), ("body", ScriptedServer.Text(NodeJson.Serialize(e))),
                ("id", ScriptedServer.Text(e.Id)), ("sortKey", ScriptedServer.Text(e.Date!.Start.ToString("yyyy-MM-dd")))))
            .ToArray();

    private static string Answer(string body) =>
        body.Contains("UNWIND $q0 AS page", StringComparison.Ordinal) ? LevelAnswer(body, page => Holds(page) ? 7 : 0, Rows)
        : body.Contains("db.index.fulltext.queryNodes", StringComparison.Ordinal) ? ScriptedServer.Rows(["id", "kind", "score"],
            $"[{ScriptedServer.Text("statement:s")},{ScriptedServer.Text("Statement")},{{\"$type\":\"Float\",\"_value\":1.0}}]")
        : ScriptedServer.Empty;

    private static async Task<(IReadOnlyList<Page<Node>> Pages, List<(string Statement, JsonNode Parameters, string Body)> Sent)> FindAsync(
        IReadOnlyList<(NodeQuery, PageRequest)> pages)
    {
        var (store, server) = WireScripts.Store(WithSchema(new ScriptedServer()).Otherwise(Answer));
        using (store)
        {
            var found = await store.FindNodesAsync(pages, CancellationToken.None);
            return (found, server.Requests.Skip(SetUp).Select(r => (StatementOf(r.Body)!, ParametersOf(r.Body), r.Body)).ToList());
        }
    }

    [Fact]
    public async Task ABatchOfPagesOfEveryShapeIsOneReadRequest()
    {
        (NodeQuery, PageRequest)[] pages =
        [
            (StatementsAbout("event:e"), new PageRequest(20)),
            (StatementsAbout("event:f"), new PageRequest(20)),
            (Events, new PageRequest(5, Cursor.Encode("d:2021-06-22", "event:x2"), CountTotal: false)),
            (new NodeQuery { Kinds = [NodeKind.Organization, NodeKind.Person], Ids = ["org:a", "person:b"] }, new PageRequest(10, KeysOnly: true)),
            (StatementsAbout("event:g"), new PageRequest(0)),
            (new NodeQuery { Kinds = [] }, new PageRequest(5)),
        ];

        var (found, sent) = await FindAsync(pages);

        // One request: were FindNodesAsync to send a count and rows again, or a request a page, this would see them.
        var (statement, parameters, body) = Assert.Single(sent);
        Assert.Contains("\"accessMode\":\"Read\"", body);
        Assert.StartsWith("CALL () { UNWIND $q0 AS page ", statement);
        Assert.EndsWith("RETURN q0, q1, q2, q3", statement);
        Assert.Equal([("event:e", 0), ("event:f", 1)], parameters["q0"]!.AsArray().Select(p => (p!["about"]!.GetValue<string>(), p["at"]!.GetValue<int>())));
        Assert.Equal(6, found.Count);
        Assert.Same(Page<Node>.Empty, found[5]);
    }

    [Fact]
    public async Task APageIsCountedAndReadByTheStatementsFindNodesSentForItBeforeNowClausesOfOne()
    {
        var query = new NodeQuery
        {
            Kinds = [NodeKind.Statement], Order = NodeOrder.DateDesc,
            Statements = new StatementCriteria { SpeakerId = "person:a", AboutId = "event:e", Stances = [Stance.Denies] },
        };
        var (_, sent) = await FindAsync([(query, new PageRequest(5, Cursor.Encode("d:2021-06-21", "event:x1")))]);

        // The two statements FindNodesAsync sent for this page until session 15, each value then a parameter.
        const string found = "MATCH (n:Statement) MATCH (n)-[:SPOKEN_BY]->(:Node {id: $speaker}) MATCH (n)-[:ABOUT]->(:Node {id: $about}) " +
                             "WITH DISTINCT n WHERE n.subKind IN $stances";
        const string count = found + " RETURN count(n) AS total";
        // (Since session 20 a date order's sortKey is the date itself, null for an undated statement, which comes last.)
        const string rows = found + " WITH n, n.dateStart AS sortKey " +
                            "WHERE (sortKey IS NULL OR sortKey < $afterKey OR (sortKey = $afterKey AND n.id > $afterId)) " +
                            "RETURN head([l IN labels(n) WHERE l <> 'Node']) AS kind, n.body AS body, sortKey ORDER BY sortKey IS NULL, sortKey DESC, n.id LIMIT $limit";
        static string Folded(string text) => string.Join("page.", text.Split("$"));
        var keyed = rows[..rows.IndexOf("RETURN ", StringComparison.Ordinal)];

        Assert.Equal(
            $"CALL () {{ UNWIND $q0 AS page CALL (page) {{ {Folded(count)} }} " +
            $"CALL (page) {{ {Folded(keyed)}WITH n, sortKey ORDER BY sortKey IS NULL, sortKey DESC, n.id LIMIT $l0 " +
            "RETURN collect({kind: head([l IN labels(n) WHERE l <> 'Node']), body: n.body, sortKey: sortKey}) AS rows } " +
            "RETURN collect({at: page.at, total: total, rows: rows}) AS q0 } RETURN q0",
            Assert.Single(sent).Statement);
        var page = Assert.Single(sent[0].Parameters["q0"]!.AsArray())!;
        Assert.Equal(("person:a", "event:e", "DENIES", "2021-06-21", "event:x1"), (page["speaker"]!.GetValue<string>(), page["about"]!.GetValue<string>(),
            page["stances"]![0]!.GetValue<string>(), page["afterKey"]!.GetValue<string>(), page["afterId"]!.GetValue<string>()));
        Assert.Equal(6, sent[0].Parameters["l0"]!.GetValue<int>());
    }

    [Fact]
    public async Task EachPageIsReadFromItsAnswerWithItsCursorsTotalAndEnds()
    {
        (NodeQuery, PageRequest)[] pages =
        [
            (StatementsAbout("event:e"), new PageRequest(2)),
            (StatementsAbout("event:e"), new PageRequest(2, Cursor.Encode("a:2021-06-22", "event:x2"), CountTotal: false)),
            (StatementsAbout("event:e"), new PageRequest(2, Cursor.Encode("a:2021-06-23", "event:x3"))),
            (StatementsAbout("event:none"), new PageRequest(2)),
            (StatementsAbout("event:e"), new PageRequest(0)),
            (StatementsAbout("event:none"), new PageRequest(0)),
            (StatementsAbout("event:e"), new PageRequest(5, KeysOnly: true)),
        ];

        var (found, _) = await FindAsync(pages);

        string[] Ids(int i) => found[i].Items.Select(item => item.Item.Id).ToArray();
        (int?, bool, bool) Flags(int i) => (found[i].TotalCount, found[i].HasNextPage, found[i].HasPreviousPage);
        // The first two of three, with a next page and the total.
        Assert.Equal(["event:x1", "event:x2"], Ids(0));
        Assert.Equal((7, true, false), Flags(0));
        Assert.Equal([Cursor.Encode("a:2021-06-21", "event:x1"), Cursor.Encode("a:2021-06-22", "event:x2")], found[0].Items.Select(i => i.Cursor));
        Assert.IsType<Event>(found[0].Items[0].Item);
        // After the second: the last one, no total asked, nothing after it.
        Assert.Equal(["event:x3"], Ids(1));
        Assert.Equal(((int?)null, false, true), Flags(1));
        // Past the end, and a page of nothing found.
        Assert.Empty(Ids(2));
        Assert.Equal((7, false, true), Flags(2));
        Assert.Empty(Ids(3));
        Assert.Equal((0, false, false), Flags(3));
        // No items asked: the total, and a next page when there is anything at all.
        Assert.Empty(Ids(4));
        Assert.Equal((7, true, false), Flags(4));
        Assert.Equal((0, false, false), Flags(5));
        // Keys only.
        Assert.Equal(["event:x1", "event:x2", "event:x3"], Ids(6));
        Assert.All(found[6].Items, item => Assert.IsType<NodeKey>(item.Item));
    }

    /// <summary>What a page that filters by words alone runs before its count and rows: every match of the full-text index.</summary>
    private const string PageTextMatches =
        "CALL (page) { CALL db.index.fulltext.queryNodes('conflictgraph_search', page.words) YIELD node RETURN collect(node.id) AS textIds } ";

    [Fact]
    public async Task WordsBesideAnAnchorAreCheckedOnEachNodeItFindsWithoutAskingTheFullTextIndex()
    {
        // Where the full-text index's matches were kept to the 10,000 best ranked, a common word beside a perpetrator or
        // a speaker lost matches; each node the anchor finds is now checked against every word, and every match is kept.
        var events = new NodeQuery { Kinds = [NodeKind.Event], Order = NodeOrder.DateAsc, Events = new EventCriteria { PerpetratorId = "org:few" }, Text = "Attack shell" };
        var statements = StatementsAbout("event:e") with { Text = "Kirby's" };
        var (_, sent) = await FindAsync([(events, new PageRequest(20)), (statements, new PageRequest(5))]);

        var (statement, parameters, _) = Assert.Single(sent);
        Assert.DoesNotContain("db.index.fulltext.queryNodes", statement);
        Assert.DoesNotContain("textIds", statement);
        Assert.Contains("all(word IN page.terms WHERE any(token IN split(n.search, ' ') WHERE token STARTS WITH word))", statement);
        Assert.Equal(["attack", "shell"], parameters["q0"]![0]!["terms"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(["kirbys"], parameters["q1"]![0]!["terms"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public async Task PagesThatFilterByWordsAskTheFullTextIndexInsideTheOneStatement()
    {
        var words = new NodeQuery { Kinds = [NodeKind.Event], Text = "Kirby's briefing" };
        var (found, sent) = await FindAsync([(words, new PageRequest(2)), (words with { Text = "pentagon" }, new PageRequest(2)), (StatementsAbout("event:e"), new PageRequest(5))]);

        // One request: no full-text request of its own before the pages (there was one a page filtered by words).
        var (statement, parameters, _) = Assert.Single(sent);
        Assert.DoesNotContain("db.index.fulltext.queryNodes", statement[statement.IndexOf("UNWIND $q1", StringComparison.Ordinal)..]);
        // The two pages with words share one shape: their matches first, then their count and rows among them.
        Assert.Contains($"UNWIND $q0 AS page {PageTextMatches}CALL (page, textIds) {{ MATCH (n:Event) WHERE n:Node AND n.id IN textIds WITH DISTINCT n WHERE true RETURN count(n) AS total }} " +
                        "CALL (page, textIds) { MATCH (n:Event) WHERE n:Node AND n.id IN textIds WITH DISTINCT n WHERE true WITH n, ", statement);
        Assert.Equal([Neo4jGraphStore.FullText("Kirby's briefing"), Neo4jGraphStore.FullText("pentagon")],
            parameters["q0"]!.AsArray().Select(page => page!["words"]!.GetValue<string>()));
        Assert.Null(parameters["q0"]![0]!["textIds"]);
        // Each page read from the statement's answer.
        Assert.All(found.Take(2), page => Assert.Equal(("event:x1 event:x2", 7, true), (string.Join(" ", page.Items.Select(i => i.Item.Id)), page.TotalCount, page.HasNextPage)));
        Assert.Equal(3, found[2].Items.Count);
    }

    [Fact]
    public async Task PagesOfNoKindsSendNothing()
    {
        var (found, sent) = await FindAsync([(new NodeQuery { Kinds = [] }, new PageRequest(5)), (new NodeQuery { Kinds = [] }, new PageRequest(0))]);

        Assert.Empty(sent);
        Assert.All(found, page => Assert.Same(Page<Node>.Empty, page));
    }

    [Fact]
    public async Task ACursorFromAnotherOrderIsRefusedBeforeAnythingIsSent()
    {
        var (store, server) = WireScripts.Store(WithSchema(new ScriptedServer()).Otherwise(Answer));
        using (store)
        {
            await Assert.ThrowsAsync<InvalidCursorException>(() => store.FindNodesAsync(
                [(StatementsAbout("event:e"), new PageRequest(5)), (StatementsAbout("event:e"), new PageRequest(5, Cursor.Encode("i:event:x1", "event:x1")))],
                CancellationToken.None));
            Assert.Empty(server.Requests);
        }
    }
}
